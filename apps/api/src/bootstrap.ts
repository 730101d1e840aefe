import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { AppConfig, runMigrationsLocked } from '@delibera/kernel';
import { AppModule } from './app.module';
import { mountQueueDashboard } from './queue-dashboard/queue-dashboard';
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
    // Only the JSON parser below: nothing here takes HTML forms, so no urlencoded parser on every request.
    bodyParser: false,
  });
  if (options.logs !== false) app.useLogger(app.get(Logger));
  // Client IPs (per-IP rate limits) come from X-Forwarded-For only through the proxies trusted here.
  app.set('trust proxy', trustProxy(config.TRUST_PROXY));
  // No ETag on API responses: every GraphQL answer is fresh, and hashing each body costs CPU per request.
  app.set('etag', false);
  app.use(helmet());
  // Same origin only unless CORS_ORIGINS names the web front-ends allowed to call the API.
  app.enableCors({ origin: config.corsOrigins.length > 0 ? config.corsOrigins : false });
  // CSV imports travel inside GraphQL requests; allow them, and nothing larger.
  app.useBodyParser('json', { limit: '12mb' });
  mountQueueDashboard(app);
  servePortal(app);
  await runMigrationsLocked(app.get(DataSource));
  return app;
}

/** `TRUST_PROXY` as Express reads it: a hop count, true/false, or addresses and names like `loopback`. */
function trustProxy(value: string): boolean | number | string {
  if (/^\d+$/.test(value)) return Number(value);
  if (value === 'true' || value === 'false') return value === 'true';
  return value;
}
