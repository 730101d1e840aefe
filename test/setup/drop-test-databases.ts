import { templateDatabase, testDatabasePrefix, withServer } from './test-database';

/** Drops this run's databases (test files drop their own; this catches a crashed file) and its template. */
export default async function globalTeardown(): Promise<void> {
  await withServer(async (client) => {
    const rows = await client.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname LIKE $1`,
      [`${testDatabasePrefix()}%`],
    );
    for (const { datname } of rows.rows)
      await client.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
    await client.query(`DROP DATABASE IF EXISTS ${templateDatabase()} WITH (FORCE)`);
  });
}
