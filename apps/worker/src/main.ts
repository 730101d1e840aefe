import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import {
  ConfigError,
  KernelModule,
  loadConfig,
  QueueProcessorsModule,
  runMigrationsLocked,
} from '@delibera/kernel';
import { DOMAIN_MODULES, MIGRATIONS, resolveInfrastructure } from '@delibera/platform';

/**
 * The BullMQ worker: deadlines, tallies, notifications. Any number of replicas
 * may run; each job is idempotent and claims its work in the database.
 */
async function main(): Promise<void> {
  const { config } = await resolveInfrastructure(loadConfig());
  config.RUN_WORKER_IN_PROCESS = true;

  @Module({
    imports: [
      KernelModule.forRoot({ config, migrations: MIGRATIONS }),
      ...DOMAIN_MODULES,
      QueueProcessorsModule.forRoot(config),
    ],
  })
  class WorkerModule {}

  // An HTTP app (not a bare context) so /health and /ready report the worker's state too.
  const app = await NestFactory.create(WorkerModule, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  await runMigrationsLocked(app.get(DataSource));
  await app.listen(config.WORKER_PORT, config.HOST);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof ConfigError ? error.message : error instanceof Error ? error.stack : String(error)}\n`,
  );
  process.exit(1);
});
