import { DataSourceOptions } from 'typeorm';
import { PostgresConnectionOptions } from 'typeorm/driver/postgres/PostgresConnectionOptions';
import { DeliberaNamingStrategy } from './naming.strategy';

/** The one place that says how Delibera talks to PostgreSQL. */
export function dataSourceOptions(options: {
  url: string;
  entities: PostgresConnectionOptions['entities'];
  migrations: PostgresConnectionOptions['migrations'];
  poolSize?: number;
  schema?: string;
}): DataSourceOptions {
  return {
    type: 'postgres',
    url: options.url,
    schema: options.schema,
    entities: options.entities,
    migrations: options.migrations,
    migrationsTableName: 'migrations',
    namingStrategy: new DeliberaNamingStrategy(),
    synchronize: false,
    // Migrations own the schema; uuids come from PostgreSQL's built-in gen_random_uuid().
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    migrationsRun: false,
    extra: { max: options.poolSize ?? 10 },
  };
}
