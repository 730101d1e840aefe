/**
 * Builds a seeded trust in a database of its own.
 *
 *   npm run bench:seed -- --scale large --database delibera_large [--seed delibera] [--keep]
 *
 * --scale small|medium|large (or SEED_SCALE); --database: a database name on
 * TEST_DATABASE_URL's server, or a full postgres:// URL. The database is
 * (re)created and migrated, then seeded; prints the time of each table and
 * writes test/bench/results/seed.json with the totals, against a baseline
 * measured in the same run: the bare INSERT … SELECT of as many ballot rows.
 */
import { cpus, loadavg } from 'node:os';
import { Client } from 'pg';
import { createDataSource } from '@delibera/platform';
import type { BenchRow } from '../tally/tally.bench';
import { seedScale } from './seed-scales';
import { seedTrust, SeedReport } from './seed-trust';
import { writeResults } from '../results-file';

const SERVER = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return undefined;
  return process.argv[i + 1];
}

/** A postgres:// URL for a database name on the test server (or the URL itself). */
export function databaseUrl(database: string): { url: string; name: string } {
  if (database.startsWith('postgres')) {
    return { url: database, name: new URL(database).pathname.slice(1) };
  }
  if (!/^[a-z_][a-z0-9_]*$/.test(database)) throw new Error(`bad database name: ${database}`);
  const url = new URL(SERVER);
  url.pathname = `/${database}`;
  return { url: url.toString(), name: database };
}

/** Drops, creates and migrates the database, then seeds it. */
export async function createSeededDatabase(
  database: string,
  scaleName: string,
  options: { seed?: string; log?: (line: string) => void } = {},
): Promise<{ url: string; report: SeedReport }> {
  const { url, name } = databaseUrl(database);
  const admin = new Client({ connectionString: SERVER });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const dataSource = createDataSource(url, 2);
  await dataSource.initialize();
  try {
    await dataSource.runMigrations();
    const report = await seedTrust(dataSource, seedScale(scaleName), options);
    return { url, report };
  } finally {
    await dataSource.destroy();
  }
}

/** The same number of bare ballot rows, INSERT … SELECT generate_series into an empty copy of the table. */
async function ballotBaseline(url: string, rows: number): Promise<number> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('CREATE TEMP TABLE ballot_baseline (LIKE ballot INCLUDING ALL)');
    const t0 = Date.now();
    await client.query(
      `INSERT INTO ballot_baseline (id, vote_id, content, college_id, receipt_hash)
       SELECT md5('b' || i)::uuid, md5('v' || (i % 1000))::uuid, '{"option":"yes"}'::jsonb, NULL,
              encode(sha256(convert_to('r' || i, 'UTF8')), 'hex')
         FROM generate_series(1, $1) AS i`,
      [rows],
    );
    return Date.now() - t0;
  } finally {
    await client.end();
  }
}

async function main(): Promise<void> {
  const scaleName = arg('scale') ?? process.env.SEED_SCALE ?? 'small';
  const database = arg('database') ?? `delibera_seed_${scaleName}`;
  const seed = arg('seed') ?? process.env.SEED ?? 'delibera';
  console.log(
    `seeding a ${scaleName} trust into ${database} (seed "${seed}") — node ${process.version}, ${cpus().length} CPUs, load average ${loadavg()[0].toFixed(1)}`,
  );
  const { url, report } = await createSeededDatabase(database, scaleName, {
    seed,
    log: console.log,
  });
  const ballots = report.counts.ballot;
  const ballotMs = report.steps.find((s) => s.table === 'ballot')?.ms ?? 0;
  const baselineMs = await ballotBaseline(url, ballots);
  console.log(
    `\ntotal ${(report.totalMs / 1000).toFixed(1)} s; counts ${JSON.stringify(report.counts)}`,
  );
  console.log(
    `ballots: ${ballots} rows in ${ballotMs} ms; baseline (bare INSERT … SELECT of as many rows): ${baselineMs} ms`,
  );
  const machine = `${cpus().length} CPUs, load average ${loadavg()[0].toFixed(1)}`;
  const rows: BenchRow[] = [
    {
      suite: 'seed',
      name: `seed a ${report.scale} trust (${report.counts.member.toLocaleString('en')} members, ${report.counts.vote} votes, ${ballots.toLocaleString('en')} ballots, ${report.counts.audit_event.toLocaleString('en')} audit events), every table`,
      figure: Number((report.totalMs / 1000).toFixed(1)),
      unit: 's',
      target: '1,000,000 ballots in minutes',
      note: machine,
    },
    {
      suite: 'seed',
      name: `ballots with their shuffle, contents and receipts (${ballots.toLocaleString('en')} rows)`,
      figure: Number((ballotMs / 1000).toFixed(1)),
      unit: 's',
      baseline: Number((baselineMs / 1000).toFixed(1)),
      ratio: Number((ballotMs / Math.max(baselineMs, 1)).toFixed(2)),
      note: `baseline: bare INSERT … SELECT generate_series of as many ballot rows; ${machine}`,
    },
  ];
  writeResults(`seed-${report.scale}.json`, rows, { report });
  console.log(`\n${url}`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
