/** `npm run migration:run`: applies pending migrations under the advisory lock, then exits. */
import { loadConfig, runMigrationsLocked } from '@delibera/kernel';
import { createDataSource, resolveInfrastructure } from '@delibera/platform';

async function main(): Promise<void> {
  const infrastructure = await resolveInfrastructure(loadConfig(), { redis: false });
  const dataSource = createDataSource(infrastructure.config.DATABASE_URL!);
  await dataSource.initialize();
  const applied = await runMigrationsLocked(dataSource);
  process.stdout.write(
    `${applied.length ? `Applied: ${applied.join(', ')}` : 'No pending migration.'}\n`,
  );
  await dataSource.destroy();
  await infrastructure.stop();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
