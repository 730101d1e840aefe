/**
 * Runs the embedded PostgreSQL (PGlite) on its own, e.g. to inspect the demo
 * data with psql while the API is stopped:  npm run db:embedded [-- --memory]
 * Prints "ready <url>" once it accepts connections; stops on SIGINT/SIGTERM.
 */
import { loadConfig, startEmbeddedPostgres } from '@delibera/kernel';

async function main(): Promise<void> {
  const config = loadConfig();
  const memory = process.argv.includes('--memory');
  const port = process.env.PORT ? Number(process.env.PORT) : undefined;
  const pg = await startEmbeddedPostgres({
    dataDir: memory ? undefined : config.DATA_DIR,
    maxConnections: 8,
    port,
  });
  process.stdout.write(`ready ${pg.url}\n`);
  const stop = () => pg.stop().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
