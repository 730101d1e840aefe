import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { AppConfig, runMigrationsLocked } from '@delibera/kernel';
import { AppModule } from './app.module';
import { servePortal } from './web-portal';

/**
 * Builds the API application on a resolved config (database and Redis URLs
 * known), serves the member portal when it was built, and brings the database
 * schema up to date. Used by main.ts and by the e2e tests, so tests drive
 * exactly what production runs.
 */
export async function createApiApp(
  config: AppConfig,
  options: { logs?: boolean } = {},
): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    bufferLogs: true,
    logger: options.logs === false ? false : undefined,
  });
  if (options.logs !== false) app.useLogger(app.get(Logger));
  // CSV imports travel inside GraphQL requests; allow them, and nothing larger.
  app.useBodyParser('json', { limit: '12mb' });
  servePortal(app);
  await runMigrationsLocked(app.get(DataSource));
  return app;
}
