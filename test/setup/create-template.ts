import { DataSource } from 'typeorm';
import { MIGRATIONS } from '../../migrations';
import { randomBytes } from 'node:crypto';
import { databaseUrl, templateDatabase, withServer } from './test-database';

/**
 * Builds the migrated template database every integration test file clones.
 * Imports nothing but the migrations: global setup runs outside the tests'
 * module registry, and loading Nest here would register metadata twice.
 */
export default async function globalSetup(): Promise<void> {
  process.env.DELIBERA_TEST_RUN = randomBytes(4).toString('hex');
  await withServer((client) => client.query(`CREATE DATABASE ${templateDatabase()}`));
  const dataSource = new DataSource({
    type: 'postgres',
    url: databaseUrl(templateDatabase()),
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
  });
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  await dataSource.destroy();
}
