import { NestExpressApplication } from '@nestjs/platform-express';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { loadConfig } from '@delibera/kernel';
import { createApiApp } from '../../apps/api/src/bootstrap';
import { createTestDatabase } from '../setup/test-database';

export interface GraphQLResponse<T = Record<string, unknown>> {
  data?: T | null;
  errors?: {
    message: string;
    extensions?: { code?: string; retryable?: boolean; details?: unknown };
  }[];
}

export interface CallOptions {
  token?: string;
  locale?: string;
}

export interface TestApp {
  url: string;
  app: NestExpressApplication;
  dataSource: DataSource;
  dataDir: string;
  /** The test database itself, bypassing any proxy the app was given (to read what was really written). */
  databaseUrl: string;
  /** Sends a GraphQL request over HTTP exactly as a client would. */
  gql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    options?: CallOptions,
  ): Promise<GraphQLResponse<T>>;
  close(): Promise<void>;
}

/**
 * Boots the real API (same module, same migrations, in-process worker) on its
 * own database, Redis prefix and data directory, listening on a free port.
 */
export async function startTestApp(
  env: Record<string, string> = {},
  options: {
    logs?: boolean;
    /** The URL the app connects with, given its database's (fault tests put a proxy in between). */
    connectVia?: (databaseUrl: string) => string;
  } = {},
): Promise<TestApp> {
  const database = await createTestDatabase();
  const dataDir = mkdtempSync(join(tmpdir(), 'delibera-test-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    DATABASE_URL: options.connectVia ? options.connectVia(database.url) : database.url,
    DB_POOL_SIZE: '10',
    REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
    QUEUE_PREFIX: `{test-${randomBytes(4).toString('hex')}}`,
    DATA_DIR: dataDir,
    JWT_SECRET: randomBytes(32).toString('hex'),
    LOG_LEVEL: 'silent',
    RUN_WORKER_IN_PROCESS: 'true',
    // Every call of a test comes from 127.0.0.1 and many members sign in at once;
    // test/e2e/security.e2e-spec.ts sets realistic limits to test them.
    LOGIN_ATTEMPTS_PER_IP_PER_MINUTE: '100000',
    INVITATION_ATTEMPTS_PER_IP_PER_MINUTE: '100000',
    BALLOTS_PER_ACCOUNT_PER_MINUTE: '100000',
    BALLOTS_PER_IP_PER_MINUTE: '1000000',
    // Tests refresh the reports' summaries themselves (RefreshReportsHandler), when they mean to.
    REPORTS_REFRESH_SECONDS: '0',
    // No daily digest: every email goes at once (test/notifications/email-digest.int-spec.ts sets one).
    NOTIFICATION_DIGEST_HOUR: '-1',
    ...env,
  });
  const app = await createApiApp(config, { logs: options.logs ?? false });
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  const url = `http://127.0.0.1:${address.port}/graphql`;
  return {
    url,
    app,
    dataSource: app.get(DataSource),
    dataDir,
    databaseUrl: database.url,
    async gql(query, variables, options = {}) {
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
          ...(options.locale ? { 'accept-language': options.locale } : {}),
        },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as GraphQLResponse<never>;
    },
    async close() {
      await app.close();
      await database.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The data of a successful response; fails the test with the errors otherwise. */
export function ok<T>(response: GraphQLResponse<T>): T {
  if (response.errors?.length || !response.data) {
    throw new Error(`GraphQL errors: ${JSON.stringify(response.errors)}`);
  }
  return response.data;
}

/** The stable code of the first error. */
export function errorCode(response: GraphQLResponse<unknown>): string | undefined {
  return response.errors?.[0]?.extensions?.code;
}
