import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { AppConfig, runMigrationsLocked } from '@delibera/kernel';
import { AppModule } from './app.module';
import { mountQueueDashboard } from './queue-dashboard/queue-dashboard';

/**
 * Builds the API application on a resolved config (database and Redis URLs
 * known) and brings its schema up to date. Used by main.ts and by the e2e tests,
 * so tests drive exactly what production runs.
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
  mountQueueDashboard(app);
  await runMigrationsLocked(app.get(DataSource));
  return app;
}
