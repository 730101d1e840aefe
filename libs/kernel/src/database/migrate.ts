import { DataSource } from 'typeorm';

/** Arbitrary but fixed: every replica contends for the same advisory lock. */
const MIGRATION_LOCK_KEY = 7_314_220_101;

/**
 * Runs pending migrations once, even when several replicas start together:
 * each waits on a session advisory lock, and the first one does the work.
 */
export async function runMigrationsLocked(dataSource: DataSource): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await runner
      .query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY])
      .catch(() => undefined);
    await runner.release();
  }
}
