/**
 * Every benchmark of test/bench at one stated scale, then ONE table.
 *
 *   npm run bench                       (BENCH_SCALE=small|medium|large, default small)
 *   BENCH_ONLY=seed,reports npm run bench    BENCH_SKIP=tally npm run bench
 *   BENCH_ONLY=none BENCH_SINCE=<ISO date> npm run bench   (re-summarise results written since then)
 *
 * Each bench (`test/bench/<name>/<name>.bench.ts`, plus the seed generator)
 * runs alone in its own process, as `npm run bench:<name>` would run it, with
 * the sizes of the scale in its environment (the reports and the load run
 * reuse the seed's database); each writes its rows to
 * test/bench/results/*.json. This collects the rows written by this run
 * (older files are listed as such, with their date), prints suite, figure,
 * target, baseline measured in the same run and ratio, and writes
 * test/bench/results/summary.json and summary.md. Timing is never pass/fail:
 * a bench that crashes is reported, the others still run.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import type { BenchRow } from './tally/tally.bench';

const BENCH_DIR = __dirname;
const RESULTS = join(BENCH_DIR, 'results');
const SCALE = process.env.BENCH_SCALE ?? 'small';

/**
 * The environment each bench gets at each scale: modest by default (2 shared cores, and a
 * PostgreSQL whose 100 connections are shared: 20 casting clients, not 50, at small scale).
 */
const SIZES: Record<string, Record<string, Record<string, string>>> = {
  small: {
    seed: { SEED_SCALE: 'small' },
    ballots: { ELIGIBLE: '20000', BASELINE_BALLOTS: '10000', CLIENTS: '20' },
    deadlines: { BENCH_VOTES: '200', BENCH_BALLOTS: '500' },
    reports: { BENCH_SCALE: 'small' },
    load: { BENCH_SCALE: 'small', LOAD_SECONDS: '60' },
    audit: { AUDIT_BENCH_EVENTS: '100000' },
  },
  medium: {
    seed: { SEED_SCALE: 'medium' },
    ballots: { ELIGIBLE: '50000' },
    deadlines: { BENCH_VOTES: '500', BENCH_BALLOTS: '1000' },
    reports: { BENCH_SCALE: 'medium' },
    load: { BENCH_SCALE: 'medium', LOAD_SECONDS: '120' },
    audit: { AUDIT_BENCH_EVENTS: '500000' },
  },
  large: {
    seed: { SEED_SCALE: 'large' },
    ballots: {},
    deadlines: {},
    reports: { BENCH_SCALE: 'large' },
    load: { BENCH_SCALE: 'large', LOAD_SECONDS: '300' },
    audit: {},
  },
};

interface Bench {
  name: string;
  file: string;
  args: string[];
}

/**
 * Benches that run on a seeded trust, and the variable that names the database to reuse: they
 * run right after the seed generator, on its database, instead of seeding their own copy (a
 * large seed takes a quarter of an hour). Read-only reports first, then the load that casts.
 */
const ON_SEED: Record<string, string> = { reports: 'REPORTS_DATABASE', load: 'LOAD_DATABASE' };

const seedDatabase = (scale: string) => `delibera_bench_seed_${scale}`;

/** Every `<name>/<name>.bench.ts`, the seed generator first and the benches that reuse its trust next. */
export function discoverBenches(): Bench[] {
  const benches: Bench[] = [
    {
      name: 'seed',
      file: join(BENCH_DIR, 'seed', 'seed.cli.ts'),
      args: ['--scale', SCALE, '--database', seedDatabase(SCALE)],
    },
  ];
  const onSeed = Object.keys(ON_SEED);
  const names = readdirSync(BENCH_DIR).sort();
  for (const name of [...onSeed, ...names.filter((n) => !onSeed.includes(n))]) {
    const file = join(BENCH_DIR, name, `${name}.bench.ts`);
    if (existsSync(file)) benches.push({ name, file, args: [] });
  }
  const only = process.env.BENCH_ONLY?.split(',').filter(Boolean);
  const skip = process.env.BENCH_SKIP?.split(',').filter(Boolean) ?? [];
  return benches.filter((b) => (!only || only.includes(b.name)) && !skip.includes(b.name));
}

/**
 * A bench's environment: the sizes of the scale, and the seed's database when this run built it
 * (a database the caller names in the environment wins).
 */
export function benchEnv(
  name: string,
  scale: string,
  seeded: boolean,
  env: NodeJS.ProcessEnv = process.env,
): NodeJS.ProcessEnv {
  const reuse = ON_SEED[name];
  return {
    ...env,
    ...(SIZES[scale]?.[name] ?? {}),
    ...(seeded && reuse && !env[reuse] ? { [reuse]: seedDatabase(scale) } : {}),
  };
}

interface Collected extends BenchRow {
  file: string;
  fresh: boolean;
  /** When the file says it was measured; undefined for files without a date. */
  measuredAt?: string;
}

/** Rows of every results file; a file is either an array of rows or an object with `rows`. */
export function collectRows(since: number): Collected[] {
  const rows: Collected[] = [];
  for (const file of readdirSync(RESULTS).sort()) {
    if (!file.endsWith('.json') || file.startsWith('summary')) continue;
    const path = join(RESULTS, file);
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(path, 'utf8'));
    } catch {
      continue;
    }
    const { rows: list, date } = Array.isArray(parsed)
      ? { rows: parsed, date: undefined }
      : (parsed as { rows?: unknown[]; date?: string });
    if (!Array.isArray(list)) continue;
    // The date the bench wrote in the file; a checkout's modification times say nothing.
    const measured = date ? Date.parse(date) : statSync(path).mtimeMs;
    const measuredAt = date ? new Date(measured).toISOString() : undefined;
    for (const row of list as BenchRow[]) {
      if (typeof row?.figure !== 'number' || !row.suite) continue;
      rows.push({ ...row, file, fresh: measured >= since, measuredAt });
    }
  }
  return rows;
}

const cell = (value: unknown) => (value === undefined || value === null ? '—' : String(value));
const fmt = (n: number | undefined) =>
  n === undefined ? '—' : Math.abs(n) >= 1000 ? Math.round(n).toLocaleString('en') : String(n);

/**
 * The headline rows of this run: those that state a target or a baseline (every row stays in
 * summary.json). Results files this run did not write are named below the table, not mixed in.
 */
export function summaryMarkdown(rows: Collected[], header: string): string {
  const lines = [
    header,
    '',
    '| suite | benchmark | figure | target | baseline (same run) | ratio |',
    '|---|---|---|---|---|---|',
  ];
  for (const r of rows.filter(
    (row) => row.fresh && (row.target !== undefined || row.baseline !== undefined),
  )) {
    lines.push(
      `| ${r.suite} | ${r.name.replace(/\|/g, '/')} | ${fmt(r.figure)} ${r.unit} | ${cell(r.target)} | ${fmt(r.baseline)} | ${cell(r.ratio)} |`,
    );
  }
  const stale = [
    ...new Set(
      rows
        .filter((r) => !r.fresh)
        .map((r) => `${r.file} (${r.measuredAt ? `${r.measuredAt.slice(0, 16)}Z` : 'undated'})`),
    ),
  ];
  if (stale.length > 0)
    lines.push('', `Not re-run by this run, left out of the table: ${stale.join(', ')}.`);
  return `${lines.join('\n')}\n`;
}

function main(): void {
  const started = Date.now();
  const benches = discoverBenches();
  const runs: { name: string; status: number | null; seconds: number }[] = [];
  console.log(
    `npm run bench — scale ${SCALE}; ${benches.map((b) => b.name).join(', ')}; ${cpus().length} CPUs, load average ${loadavg()[0].toFixed(1)}`,
  );
  let seeded = false;
  for (const bench of benches) {
    const env = benchEnv(bench.name, SCALE, seeded);
    console.log(`\n── ${bench.name} ${'─'.repeat(60)}`);
    const t0 = Date.now();
    const result = spawnSync(
      process.execPath,
      ['-r', '@swc-node/register', bench.file, ...bench.args],
      { env, stdio: 'inherit' },
    );
    runs.push({
      name: bench.name,
      status: result.status,
      seconds: Math.round((Date.now() - t0) / 1000),
    });
    if (bench.name === 'seed') seeded = result.status === 0;
  }
  // BENCH_SINCE (ISO date) counts earlier results as this run's: to re-summarise after running one bench alone.
  const since = process.env.BENCH_SINCE
    ? Math.min(Date.parse(process.env.BENCH_SINCE), started)
    : started;
  const rows = collectRows(since);
  const failed = runs.filter((r) => r.status !== 0);
  const header = [
    `${runs.length > 0 ? `Scale \`${SCALE}\` (BENCH_SCALE), ` : ''}${new Date().toISOString().slice(0, 16)}Z, ${cpus().length} CPUs shared, load average ${loadavg()[0].toFixed(1)} at the end.`,
    runs.length > 0
      ? `Runs: ${runs.map((r) => `${r.name} ${r.seconds} s${r.status === 0 ? '' : ` (FAILED, exit ${r.status})`}`).join(', ')}.`
      : '',
    process.env.BENCH_SINCE
      ? `Rows of the results written since ${process.env.BENCH_SINCE} by \`npm run bench\` and by benches run alone, each at its own scale (the row or its note in summary.json names its sizes).`
      : '',
  ]
    .filter(Boolean)
    .join(' ');
  const markdown = summaryMarkdown(rows, header);
  writeFileSync(join(RESULTS, 'summary.md'), markdown);
  writeFileSync(
    join(RESULTS, 'summary.json'),
    `${JSON.stringify({ scale: SCALE, date: new Date().toISOString(), machine: { cpus: cpus().length, loadavg: loadavg() }, runs, rows }, null, 2)}\n`,
  );
  console.log(`\n${markdown}`);
  if (failed.length > 0) console.log(`failed: ${failed.map((f) => f.name).join(', ')}`);
}

if (require.main === module) main();
