import { ConfigError, loadConfig, RedisUnavailableError } from '@delibera/kernel';
import { resolveInfrastructure } from '@delibera/platform';
import { createApiApp } from './bootstrap';
import { DemoAccount, DEMO_PASSWORD, seedDemoTrust } from './demo/demo-seed';
import { findPortalDirectory } from './web-portal';

/** `node main.js [--demo]`: starts the API (and, locally, the worker); --demo loads a demo trust. */
async function main(): Promise<void> {
  const demo = process.argv.includes('--demo');
  const infrastructure = await resolveInfrastructure(loadConfig());
  const { config } = infrastructure;
  const app = await createApiApp(config);
  let demoAccounts: DemoAccount[] = [];
  if (demo) {
    // Bootstrap hooks first (electorates, job handlers register there): the seed uses the services.
    await app.init();
    demoAccounts = await seedDemoTrust(app);
  }
  await app.listen(config.PORT, config.HOST);
  const base = `http://${config.HOST === '0.0.0.0' ? 'localhost' : config.HOST}:${config.PORT}`;
  const lines = [
    '',
    'Delibera is running.',
    findPortalDirectory()
      ? `  Portal:       ${base}/   (open this in your browser)`
      : '  Portal:       not built (run `npm run web:build`)',
    `  GraphQL API:  ${base}/graphql`,
    `  Health:       ${base}/health  ·  ${base}/ready`,
    ...infrastructure.started.map((s) => `  Started:      ${s}`),
    config.RUN_WORKER_IN_PROCESS
      ? '  Worker:       in this process'
      : '  Worker:       run `npm run start:worker`',
  ];
  if (demoAccounts.length > 0) {
    lines.push('', `Demo accounts (password for all: ${DEMO_PASSWORD}):`);
    for (const account of demoAccounts) {
      lines.push(`  ${account.role.padEnd(10)} ${account.email.padEnd(40)} ${account.use}`);
    }
  }
  process.stdout.write(`${lines.join('\n')}\n\n`);
  // One shutdown path (not Nest's own signal hooks as well): close the app, then what we started.
  const stop = async () => {
    const forced = setTimeout(() => process.exit(1), 10_000).unref();
    await app.close();
    await infrastructure.stop();
    clearTimeout(forced);
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof RedisUnavailableError) {
    process.stderr.write(`\n${error.message}\n\n`);
  } else {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  }
  process.exit(1);
});
