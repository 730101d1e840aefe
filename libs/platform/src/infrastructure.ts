import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import {
  AppConfig,
  isRedisConfigured,
  startEmbeddedPostgres,
  startLocalRedis,
} from '@delibera/kernel';

export interface Infrastructure {
  config: AppConfig;
  /** What was started for us, for the start-up banner. */
  started: string[];
  stop(): Promise<void>;
}

/**
 * Fills in what a newcomer did not configure: an embedded PostgreSQL when there
 * is no DATABASE_URL, a local redis-server when no Redis is configured, and a
 * JWT secret kept under DATA_DIR. Production sets all three explicitly.
 */
export async function resolveInfrastructure(
  base: AppConfig,
  needs: { redis: boolean } = { redis: true },
): Promise<Infrastructure> {
  const config = Object.assign(new AppConfig(), base);
  const started: string[] = [];
  const stops: (() => Promise<void> | void)[] = [];

  if (!config.DATABASE_URL) {
    // PGlite runs one query at a time; a small pool avoids pointless queueing.
    config.DB_POOL_SIZE = Math.min(config.DB_POOL_SIZE, 4);
    const pg = await startEmbeddedPostgres({
      dataDir: config.DATA_DIR,
      maxConnections: config.DB_POOL_SIZE + 2,
    });
    config.DATABASE_URL = pg.url;
    started.push(`embedded PostgreSQL (PGlite) with data in ${join(config.DATA_DIR, 'pglite')}`);
    stops.push(() => pg.stop());
  }
  if (needs.redis && !isRedisConfigured(config)) {
    const redis = await startLocalRedis();
    config.REDIS_URL = redis.url;
    started.push(`local redis-server at ${redis.url}`);
    stops.push(() => redis.stop());
  }
  if (!config.JWT_SECRET) config.JWT_SECRET = localSecret(config.DATA_DIR);

  return {
    config,
    started,
    async stop() {
      for (const stop of stops.reverse()) await stop();
    },
  };
}

function localSecret(dataDir: string): string {
  const file = join(dataDir, 'jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
