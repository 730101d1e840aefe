/**
 * The board's reports on a trust at issue #8's scale, through the GraphQL API.
 *
 *   npm run bench:reports            (BENCH_SCALE=large by default: 100,000 members, 3,000
 *                                     organisations, 2,000 proposals, 1,000 votes, 2,000,000
 *                                     ballots; REPORTS_DATABASE=<seeded database> to reuse one;
 *                                     REPORT_RUNS=30 requests per report)
 *
 * Starts the real API (production mode) on a trust seeded by test/bench/seed,
 * signs in as a trustee (and the treasurer, for money), and runs each report
 * of libs/reports that the API serves (the catalogue below; a report the
 * schema does not have yet is listed as missing), one request at a time:
 * REPORT_RUNS timed requests after 3 warm-ups, p50 and p95. Baseline in the
 * same run: `{ __typename }` with the same token, the API's floor for any
 * request. Also times `auditVerify` over the seeded chain and the open-data
 * export (JSON and CSV) when the API serves it. Writes
 * test/bench/results/reports.json. Target (issue #8): every report p95 < 200 ms;
 * auditVerify over 1,000,000 events < 10 s.
 */
import type { ChildProcess } from 'node:child_process';
import { createSecretKey, randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { JwtService } from '@nestjs/jwt';
import { Client } from 'pg';
import { freePort, loadConfig, Role, SessionRevocations, TokenService } from '@delibera/kernel';
import { createDataSource } from '@delibera/platform';
import { MembershipReportService, ParticipationReportService } from '@delibera/reports';
import type { BenchRow } from '../tally/tally.bench';
import { createSeededDatabase, databaseUrl } from '../seed/seed.cli';
import { REPORT_CASES as CASES } from './report-cases';
import { startApiProcess } from '../api-process';
import { writeResults } from '../results-file';

const SCALE = process.env.BENCH_SCALE ?? 'large';
/** REPORTS_ONLY=participationReport,campaignReport times only those reports (and skips auditVerify and the exports). */
const ONLY = process.env.REPORTS_ONLY?.split(',').filter(Boolean) ?? [];
const RUNS = Number(process.env.REPORT_RUNS ?? 30);
const WARMUP = 3;
/** An open-data download still running after this is reported as not finished (REPORTS_EXPORT_TIMEOUT seconds). */
const EXPORT_TIMEOUT_MS = Number(process.env.REPORTS_EXPORT_TIMEOUT ?? 120) * 1000;
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const ROOT = join(__dirname, '../../..');

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
const round = (n: number, digits = 1) => Number(n.toFixed(digits));

/** The Query fields the API serves, read from the schema the portal is generated from. */
function queryFields(): Set<string> {
  const sdl = readFileSync(join(ROOT, 'apps/web/schema.graphql'), 'utf8');
  const body = sdl.slice(sdl.indexOf('type Query {'));
  const block = body.slice(0, body.indexOf('\n}'));
  return new Set([...block.matchAll(/^ {2}(\w+)[(:]/gm)].map((m) => m[1]));
}

async function main(): Promise<void> {
  const target = process.env.REPORTS_DATABASE
    ? databaseUrl(process.env.REPORTS_DATABASE).url
    : (
        await createSeededDatabase(`delibera_bench_reports_${SCALE}`, SCALE, {
          log: (line) => process.stdout.write(`${line}\n`),
        })
      ).url;
  const db = new Client({ connectionString: target });
  await db.connect();
  const secret = randomBytes(32).toString('hex');
  const port = await freePort();
  let api: ChildProcess | undefined;
  try {
    const [sizes] = (
      await db.query<Record<string, number>>(
        `SELECT (SELECT count(*)::int FROM member) AS members,
                (SELECT count(*)::int FROM member WHERE kind = 'organisation') AS organisations,
                (SELECT count(*)::int FROM proposal) AS proposals, (SELECT count(*)::int FROM vote) AS votes,
                (SELECT count(*)::int FROM ballot) AS ballots, (SELECT count(*)::int FROM audit_event) AS events`,
      )
    ).rows;
    const trust = `${sizes.members.toLocaleString('en')} members (${sizes.organisations.toLocaleString('en')} organisations), ${sizes.proposals.toLocaleString('en')} proposals, ${sizes.votes.toLocaleString('en')} votes, ${sizes.ballots.toLocaleString('en')} ballots`;
    process.stdout.write(`reports bench on ${new URL(target).pathname.slice(1)}: ${trust}\n`);
    const [{ fiscalYear }] = (
      await db.query<{ fiscalYear: number }>(
        `SELECT coalesce(max(fiscal_year), 2026)::int AS "fiscalYear" FROM contribution_scale WHERE status = 'adopted'`,
      )
    ).rows;
    const [{ voteId }] = (
      await db.query<{ voteId: string }>(
        `SELECT v.id AS "voteId" FROM vote v JOIN vote_result r ON r.vote_id = v.id ORDER BY r.ballots DESC LIMIT 1`,
      )
    ).rows;
    // What the worker's refresh job keeps (every REPORTS_REFRESH_SECONDS), counted once as it would be.
    const summaries = createDataSource(target, 2);
    await summaries.initialize();
    const t0 = process.hrtime.bigint();
    const openVotes = await new ParticipationReportService(summaries).refreshOpenCells();
    const snapshots = await new MembershipReportService(summaries).refreshSnapshots();
    const refreshMs = round(Number(process.hrtime.bigint() - t0) / 1e6);
    await summaries.destroy();
    const refreshed = `${openVotes} open votes' breakdowns, ${snapshots} membership snapshot(s)`;
    process.stdout.write(`refresh job: ${refreshed} in ${refreshMs} ms\n`);
    api = await startApiProcess({
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: target,
      REDIS_URL,
      QUEUE_PREFIX: `{reports-${randomBytes(3).toString('hex')}}`,
      JWT_SECRET: secret,
      PUBLIC_URL: 'http://127.0.0.1',
      LOG_LEVEL: 'warn',
      RUN_WORKER_IN_PROCESS: 'false',
      DATA_DIR: join(ROOT, '.data/bench-reports'),
    });
    const url = `http://127.0.0.1:${port}`;
    const tokens = new TokenService(
      new JwtService({
        secret: createSecretKey(Buffer.from(secret)),
        signOptions: { expiresIn: 7200 },
      }),
      loadConfig({ JWT_SECRET: secret }),
      new SessionRevocations(loadConfig({})),
    );
    const [{ trusteeId }] = (
      await db.query<{ trusteeId: string }>(
        `SELECT member_id AS "trusteeId" FROM account WHERE 'trustee' = ANY (roles) AND member_id IS NOT NULL LIMIT 1`,
      )
    ).rows;
    const [{ treasurerId }] = (
      await db.query<{ treasurerId: string }>(
        `SELECT id AS "treasurerId" FROM account WHERE 'treasurer' = ANY (roles) LIMIT 1`,
      )
    ).rows;
    const tokenOf = {
      trustee: tokens.signAccessToken({
        accountId: trusteeId,
        memberId: trusteeId,
        roles: [Role.Member, Role.Trustee],
      }),
      treasurer: tokens.signAccessToken({
        accountId: treasurerId,
        memberId: null,
        roles: [Role.Treasurer],
      }),
    };
    const gql = async (token: string, query: string, variables: object = {}) => {
      const t0 = process.hrtime.bigint();
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as {
        data?: unknown;
        errors?: { message: string; extensions?: { code?: string } }[];
      };
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      if (body.errors?.length)
        throw new Error(`${body.errors[0].extensions?.code}: ${body.errors[0].message}`);
      return { ms, data: body.data };
    };
    /** REPORT_RUNS timed requests after the warm-ups; a report slower than 2 s gets 5, so the bench ends. */
    const time = async (token: string, query: string, variables: object = {}) => {
      let slowest = 0;
      for (let i = 0; i < WARMUP; i++) {
        slowest = Math.max(slowest, (await gql(token, query, variables)).ms);
        if (slowest > 2000) break;
      }
      const runs = slowest > 2000 ? Math.min(RUNS, 5) : RUNS;
      const times: number[] = [];
      for (let i = 0; i < runs; i++) times.push((await gql(token, query, variables)).ms);
      times.sort((a, b) => a - b);
      return { p50: round(percentile(times, 50)), p95: round(percentile(times, 95)), runs };
    };

    const now = new Date();
    const ctx = {
      from: new Date(now.getTime() - 3 * 365 * 86400_000).toISOString(),
      to: now.toISOString(),
      fiscalYear,
      voteId,
    };
    const floor = await time(tokenOf.trustee, '{ __typename }');
    process.stdout.write(`baseline { __typename }: p50 ${floor.p50} ms, p95 ${floor.p95} ms\n`);
    const machine = `${cpus().length} CPUs shared, load average ${loadavg()[0].toFixed(1)}`;
    const rows: BenchRow[] = [];
    const missing: string[] = [];
    // Written after every figure: a slow export at the end does not lose the reports measured before it.
    const save = () => {
      if (ONLY.length > 0) return; // a partial run does not replace the full results
      writeResults('reports.json', rows, { scale: SCALE, trust: sizes, missing });
    };
    rows.push({
      suite: 'reports',
      name: `reports' refresh job (${refreshed} counted)`,
      figure: refreshMs,
      unit: 'ms',
      note: `runs every REPORTS_REFRESH_SECONDS in the worker, off the request path (the first run also takes every past month's membership snapshot); ${machine}`,
    });
    const available = queryFields();
    for (const report of CASES.filter((c) => ONLY.length === 0 || ONLY.includes(c.field))) {
      if (!available.has(report.field)) {
        missing.push(report.field);
        continue;
      }
      try {
        const t = await time(tokenOf[report.role], report.query, report.variables(ctx));
        process.stdout.write(`${report.name.padEnd(100)} p50 ${t.p50} ms, p95 ${t.p95} ms\n`);
        rows.push({
          suite: 'reports',
          name: `${report.field} — ${report.name} — p95`,
          figure: t.p95,
          unit: 'ms',
          target: '< 200 ms',
          baseline: floor.p95,
          ratio: round(t.p95 / Math.max(floor.p95, 0.1), 1),
          note: `p50 ${t.p50} ms; ${t.runs} requests one at a time after the warm-ups, period of 3 years; baseline: { __typename } p95; ${trust}; ${machine}`,
        });
      } catch (error) {
        process.stdout.write(`${report.field}: FAILED ${(error as Error).message}\n`);
        rows.push({
          suite: 'reports',
          name: `${report.field} — FAILED`,
          figure: -1,
          unit: 'ms',
          note: (error as Error).message,
        });
      }
      save();
    }
    if (missing.length > 0) process.stdout.write(`not in the API yet: ${missing.join(', ')}\n`);
    if (ONLY.length > 0) return;

    // auditVerify over the seeded chain (real hashes): one request, timed end to end.
    const verify = await gql(tokenOf.trustee, '{ auditVerify { valid checked firstBrokenSeq } }');
    const checked = (verify.data as { auditVerify: { valid: boolean; checked: number } })
      .auditVerify;
    process.stdout.write(
      `auditVerify: ${checked.checked} events, valid ${checked.valid}, ${round(verify.ms / 1000, 2)} s\n`,
    );
    rows.push({
      suite: 'reports',
      name: `auditVerify over the seeded chain (${checked.checked.toLocaleString('en')} events, valid: ${checked.valid})`,
      figure: round(verify.ms / 1000, 2),
      unit: 's',
      target: `< 10 s per 1,000,000 events (${round((10 * checked.checked) / 1_000_000, 2)} s here)`,
      note: machine,
    });
    save();

    // The open-data export, when the API serves it (libs/exports).
    for (const path of [
      '/open-data/decisions.json',
      '/open-data/decisions.csv',
      '/open-data/participation.csv',
    ]) {
      const t0 = process.hrtime.bigint();
      let response: Response;
      let bytes: number;
      try {
        response = await fetch(`${url}${path}`, { signal: AbortSignal.timeout(EXPORT_TIMEOUT_MS) });
        bytes = (await response.arrayBuffer()).byteLength;
      } catch (error) {
        process.stdout.write(`${path}: not finished after ${EXPORT_TIMEOUT_MS / 1000} s\n`);
        rows.push({
          suite: 'reports',
          name: `open-data export ${path} — did not finish`,
          figure: EXPORT_TIMEOUT_MS,
          unit: 'ms',
          target: '< 10000 ms',
          note: `stopped after ${EXPORT_TIMEOUT_MS / 1000} s (${(error as Error).name}); ${machine}`,
        });
        save();
        continue;
      }
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      if (response.status !== 200) {
        process.stdout.write(`${path}: HTTP ${response.status} (not served yet)\n`);
        continue;
      }
      process.stdout.write(`${path}: ${bytes} bytes in ${round(ms)} ms\n`);
      rows.push({
        suite: 'reports',
        name: `open-data export ${path} (${(bytes / 1024).toFixed(0)} kB)`,
        figure: round(ms),
        unit: 'ms',
        target: '< 10000 ms',
        baseline: floor.p50,
        ratio: round(ms / Math.max(floor.p50, 0.1), 1),
        note: `one full download; baseline: { __typename } p50; ${machine}`,
      });
      save();
    }
  } finally {
    api?.kill('SIGTERM');
    await db.end();
  }
}

if (!existsSync(join(ROOT, 'apps/web/schema.graphql')))
  throw new Error('apps/web/schema.graphql missing');
main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
