import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/** The PostgreSQL server tests run against: the real one, never a stand-in. */
export const TEST_SERVER_URL =
  process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
/**
 * Each `jest` run gets its own template and database names (set in global setup,
 * inherited by the workers), so several runs can share one PostgreSQL server.
 */
const runId = () => {
  const id = process.env.DELIBERA_TEST_RUN;
  if (!id) throw new Error('DELIBERA_TEST_RUN is not set: run integration tests through jest');
  return id;
};
export const templateDatabase = () => `delibera_tpl_${runId()}`;
export const testDatabasePrefix = () => `delibera_t_${runId()}_`;

export function databaseUrl(name: string): string {
  const url = new URL(TEST_SERVER_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function withServer<T>(fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: TEST_SERVER_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * A fresh database for one test file, copied from the migrated template (a
 * file copy in PostgreSQL: milliseconds), so test files run in parallel
 * without seeing each other's rows.
 */
export async function createTestDatabase(): Promise<{
  name: string;
  url: string;
  drop(): Promise<void>;
}> {
  const name = `${testDatabasePrefix()}${randomBytes(6).toString('hex')}`;
  await withServer((client) =>
    client.query(`CREATE DATABASE ${name} TEMPLATE ${templateDatabase()}`),
  );
  return {
    name,
    url: databaseUrl(name),
    drop: () =>
      withServer((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(
        () => undefined,
      ),
  };
}
