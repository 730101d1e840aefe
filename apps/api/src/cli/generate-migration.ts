/**
 * Prints the SQL that would bring a database at the current migrations up to
 * the entities, as a starting point for a new migration (to read and edit:
 * indexes, CHECKs, triggers). Usage: npm run migration:generate -- <Name>
 * Needs DATABASE_URL (a scratch database; it is migrated first).
 */
import { createDataSource } from '@delibera/platform';

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('Set DATABASE_URL to a scratch database');
  const dataSource = createDataSource(url);
  await dataSource.initialize();
  await dataSource.runMigrations();
  const sql = await dataSource.driver.createSchemaBuilder().log();
  // Hand-written indexes and CHECKs (named without TypeORM's IDX_/CHK_/UQ_/FK_/PK_ prefixes) are
  // unknown to the entities on purpose; never propose dropping them.
  const handWritten = /DROP (INDEX "public"\.|CONSTRAINT )"(?!(IDX|CHK|UQ|FK|PK|REL)_)[^"]+"/;
  sql.upQueries = sql.upQueries.filter((q) => !handWritten.test(q.query));
  sql.downQueries = sql.downQueries.filter(
    (q) => !/(CREATE( UNIQUE)? INDEX|ADD CONSTRAINT) "(?!(IDX|CHK|UQ|FK|PK|REL)_)/.test(q.query),
  );
  const name = process.argv[2] ?? 'Generated';
  const timestamp = Date.now();
  const up = sql.upQueries.map(
    (q) => `    await queryRunner.query(\`${q.query.replace(/`/g, '\\`')}\`);`,
  );
  const down = sql.downQueries
    .reverse()
    .map((q) => `    await queryRunner.query(\`${q.query.replace(/`/g, '\\`')}\`);`);
  process.stdout.write(`import { MigrationInterface, QueryRunner } from 'typeorm';

export class ${name}${timestamp} implements MigrationInterface {
  name = '${name}${timestamp}';

  public async up(queryRunner: QueryRunner): Promise<void> {
${up.join('\n')}
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
${down.join('\n')}
  }
}\n`);
  await dataSource.destroy();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
