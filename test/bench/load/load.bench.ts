/**
 * A sustained mixed load on a seeded trust, through the real API.
 *
 *   npm run bench:load          (LOAD_SECONDS=300, BENCH_SCALE=small|medium|large,
 *                                LOAD_DATABASE=<seeded database name or URL> to reuse one)
 *
 * One API process and one worker process, as production runs them, on a
 * trust seeded by test/bench/seed (a fresh one unless LOAD_DATABASE names an
 * existing seeded database). Three autocannon scenarios run side by side at
 * fixed rates for LOAD_SECONDS:
 *   - browse: members list proposals, open one with its discussion thread, list open votes;
 *   - cast:   members cast ballots in the open referendum and the running assembly's votes
 *             (each voter once; a repeat answers ALREADY_VOTED, which is expected);
 *   - reports: trustees run the heavy queries (the board's reports when libs/reports
 *             exists; proposal search, the contribution campaign, a 90,000-voter result).
 * Recorded per scenario: requests, HTTP and GraphQL errors, p50/p99 per minute;
 * per process: RSS and heap every 10 s (first minute vs last minute), the heap's floor
 * (lowest sample) per minute and its least-squares slope over the run's second half in MB/min.
 * LOAD_HEAP_SNAPSHOTS=300,1100 writes heap snapshots of the API at those seconds of the load
 * into LOAD_HEAP_SNAPSHOT_DIR (default .data/bench-load/heap), to compare by constructor. The
 * baseline, measured in the same run before the load: `{ __typename }` with a
 * member's token at the same total rate — the API's floor for any request.
 * Writes test/bench/results/load.json.
 */
import type { ChildProcess } from 'node:child_process';
import { createSecretKey, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { JwtService } from '@nestjs/jwt';
import autocannon from 'autocannon';
import { Client } from 'pg';
import { freePort, loadConfig, Role, SessionRevocations, TokenService } from '@delibera/kernel';
import { startWorker, WorkerProcess } from '../../faults/worker-process';
import type { BenchRow } from '../tally/tally.bench';
import { createSeededDatabase, databaseUrl } from '../seed/seed.cli';
import { ACCOUNT_POOL, TRUSTEES } from '../seed/seed-trust';
import { REPORT_CASES } from '../reports/report-cases';
import { startApiProcess } from '../api-process';
import { cpuPerRequestByMinute, memoryTrend } from './memory-trend';
import { writeResults } from '../results-file';

const SCALE = process.env.BENCH_SCALE ?? 'small';
const SECONDS = Number(process.env.LOAD_SECONDS ?? 300);
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
/** Requests per second of each scenario (the machine is 2 shared cores). */
const RATES = {
  browse: Number(process.env.LOAD_BROWSE_RATE ?? 40),
  cast: Number(process.env.LOAD_CAST_RATE ?? 40),
  reports: Number(process.env.LOAD_REPORTS_RATE ?? 2),
};
const SAMPLE_MS = 10_000;
const SEED = process.env.SEED ?? 'delibera';
/** Seconds into the load at which the API writes a heap snapshot (SIGUSR2), if any. */
const HEAP_SNAPSHOTS = (process.env.LOAD_HEAP_SNAPSHOTS ?? '')
  .split(',')
  .filter(Boolean)
  .map(Number);
const HEAP_SNAPSHOT_DIR =
  process.env.LOAD_HEAP_SNAPSHOT_DIR ?? join(__dirname, '../../../.data/bench-load/heap');

type Scenario = keyof typeof RATES | 'baseline';

interface ScenarioStats {
  requests: number;
  non2xx: number;
  graphqlErrors: number;
  expected: number;
  errorSamples: string[];
  /** Raw response times (ms), per minute since the start. */
  minutes: number[][];
  corrected?: { p50: number; p99: number };
}

const percentile = (values: number[], p: number) => {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};
const round = (n: number, digits = 1) => Number(n.toFixed(digits));

/** CPU seconds (user + system) a process has used so far, from /proc. */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

function rssMb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmRSS:'));
  return line ? Number(line.split(/\s+/)[1]) / 1024 : 0;
}

/** Heap used, from the process's own Prometheus metrics (prom-client default metrics). */
async function heapMb(metricsUrl: string): Promise<number | null> {
  try {
    const text = await (await fetch(metricsUrl)).text();
    const line = text.split('\n').find((l) => /^delibera_nodejs_heap_size_used_bytes /.test(l));
    return line ? Number(line.split(' ')[1]) / 2 ** 20 : null;
  } catch {
    return null;
  }
}

const PROPOSALS = `query ($status: ProposalStatus) { proposals(first: 20, status: $status) {
  totalCount edges { node { id title status createdAt } } } }`;
const PROPOSAL = `query ($id: UUID!) { proposal(id: $id) { id title body status createdAt }
  proposalThread(proposalId: $id) { counts { for against question information }
    arguments(first: 20) { totalCount edges { node { id body depth stance createdAt endorsementCount author { displayName } } } } } }`;
const OPEN_VOTES = `{ votes(first: 10, status: Open) { totalCount edges { node { id titleFr closesAt method } } } }`;
const CAST = `mutation ($input: CastBallotInput!) { castBallot(input: $input) { receipt } }`;

function ballotFor(method: string, choiceKind: string | null): Record<string, unknown> {
  if (method === 'choice') return { option: choiceKind === 'one_of_n' ? 'o2' : 'yes' };
  if (method === 'approval') return { approvals: ['c1', 'c3'] };
  if (method === 'majority_judgment') {
    return {
      grades: ['c1', 'c2', 'c3'].map((candidate, i) => ({
        candidate,
        grade: ['bien', 'tres_bien', 'passable'][i],
      })),
    };
  }
  return { ranking: ['c2', 'c1', 'c3'] };
}

async function main(): Promise<void> {
  const started = Date.now();
  const target = process.env.LOAD_DATABASE
    ? databaseUrl(process.env.LOAD_DATABASE).url
    : (
        await createSeededDatabase(`delibera_bench_load_${SCALE}`, SCALE, {
          seed: SEED,
          log: (line) => process.stdout.write(`${line}\n`),
        })
      ).url;
  const db = new Client({ connectionString: target });
  await db.connect();
  const secret = randomBytes(32).toString('hex');
  const prefix = `{load-${randomBytes(3).toString('hex')}}`;
  const port = await freePort();
  const common = {
    NODE_ENV: 'production',
    DATABASE_URL: target,
    REDIS_URL,
    QUEUE_PREFIX: prefix,
    JWT_SECRET: secret,
    PUBLIC_URL: 'http://127.0.0.1',
    LOG_LEVEL: 'warn',
    DATA_DIR: join(__dirname, '../../../.data/bench-load'),
  };
  let api: ChildProcess | undefined;
  let worker: WorkerProcess | undefined;
  try {
    if (HEAP_SNAPSHOTS.length > 0) mkdirSync(HEAP_SNAPSHOT_DIR, { recursive: true });
    api = await startApiProcess(
      {
        ...common,
        PORT: String(port),
        HOST: '127.0.0.1',
        RUN_WORKER_IN_PROCESS: 'false',
        DB_POOL_SIZE: '10',
        // The load comes from one IP standing for thousands of members: per-IP limits lifted, per-account kept.
        BALLOTS_PER_IP_PER_MINUTE: '100000000',
      },
      HEAP_SNAPSHOTS.length > 0
        ? ['--heapsnapshot-signal=SIGUSR2', `--diagnostic-dir=${HEAP_SNAPSHOT_DIR}`]
        : [],
    );
    worker = await startWorker({ ...common, WORKER_CONCURRENCY: '2' });
    const url = `http://127.0.0.1:${port}/graphql`;
    process.stdout.write(`API on ${url} (pid ${api.pid}), worker pid ${worker.child.pid}\n`);

    const tokens = new TokenService(
      new JwtService({
        secret: createSecretKey(Buffer.from(secret)),
        signOptions: { expiresIn: 7200 },
      }),
      loadConfig({ JWT_SECRET: secret }),
      new SessionRevocations(loadConfig({})),
    );
    const memberToken = (id: string, roles: Role[] = [Role.Member]) =>
      tokens.signAccessToken({ accountId: id, memberId: id, roles });

    // Browsing members and the proposals they open.
    const { rows: browsers } = await db.query<{ id: string }>(
      `SELECT m.id FROM member m JOIN account a ON a.id = m.id WHERE m.status = 'active' ORDER BY m.created_at LIMIT $1`,
      [ACCOUNT_POOL],
    );
    const browseTokens = browsers.map((b) => memberToken(b.id));
    const { rows: proposals } = await db.query<{ id: string }>(
      `SELECT id FROM proposal WHERE status NOT IN ('draft') ORDER BY md5(id::text) LIMIT 500`,
    );
    // Voters: roll entries of open votes not yet cast, shuffled; each is used once.
    const castPlanned = Math.ceil(RATES.cast * SECONDS * 1.1);
    const { rows: pairs } = await db.query<{
      voteId: string;
      memberId: string;
      method: string;
      choiceKind: string | null;
    }>(
      `SELECT r.vote_id AS "voteId", r.member_id AS "memberId", v.method::text AS method, v.choice_kind AS "choiceKind"
         FROM vote v JOIN vote_roll r ON r.vote_id = v.id
        WHERE v.status = 'open' AND v.closes_at > now() + interval '1 hour'
          AND r.cast_by_member_id = r.member_id
          AND NOT EXISTS (SELECT 1 FROM participation p WHERE p.vote_id = r.vote_id AND p.member_id = r.member_id)
        ORDER BY md5(r.vote_id::text || r.member_id::text) LIMIT $1`,
      [castPlanned],
    );
    const casts = pairs.map((p) => ({
      token: memberToken(p.memberId),
      body: JSON.stringify({
        query: CAST,
        variables: { input: { voteId: p.voteId, ballot: ballotFor(p.method, p.choiceKind) } },
      }),
    }));
    // Trustees' heavy queries: the reports when libs/reports is merged, the heaviest existing queries otherwise.
    const { rows: trustees } = await db.query<{ id: string }>(
      `SELECT member_id AS id FROM account WHERE 'trustee' = ANY (roles) AND member_id IS NOT NULL LIMIT $1`,
      [TRUSTEES],
    );
    const trusteeTokens = trustees.map((t) => memberToken(t.id, [Role.Member, Role.Trustee]));
    const [{ bigVote }] = (
      await db.query<{ bigVote: string }>(
        `SELECT v.id AS "bigVote" FROM vote v JOIN vote_result r ON r.vote_id = v.id ORDER BY r.ballots DESC LIMIT 1`,
      )
    ).rows;
    const [{ fiscalYear }] = (
      await db.query<{ fiscalYear: number }>(
        `SELECT max(fiscal_year)::int AS "fiscalYear" FROM contribution_scale WHERE status = 'adopted'`,
      )
    ).rows;
    const reportQueries = loadReportQueries({ bigVote, fiscalYear });
    process.stdout.write(
      `${browseTokens.length} browsing members, ${proposals.length} proposals, ${casts.length} ballots ready, ${trustees.length} trustees, ${reportQueries.length} report queries\n`,
    );

    const stats: Record<Scenario, ScenarioStats> = {} as Record<Scenario, ScenarioStats>;
    const fresh = (): ScenarioStats => ({
      requests: 0,
      non2xx: 0,
      graphqlErrors: 0,
      expected: 0,
      errorSamples: [],
      minutes: [],
    });
    let t0 = Date.now();
    const record = (scenario: Scenario) => (status: number, body: string) => {
      const s = stats[scenario];
      s.requests++;
      if (status < 200 || status >= 300) {
        s.non2xx++;
        if (s.errorSamples.length < 5) s.errorSamples.push(`${status} ${body.slice(0, 200)}`);
        return;
      }
      const parsed = JSON.parse(body) as {
        errors?: { message: string; extensions?: { code?: string } }[];
      };
      if (parsed.errors?.length) {
        const code = parsed.errors[0].extensions?.code;
        if (scenario === 'cast' && code === 'ALREADY_VOTED') {
          s.expected++;
          return;
        }
        s.graphqlErrors++;
        if (s.errorSamples.length < 5) s.errorSamples.push(`${code}: ${parsed.errors[0].message}`);
      }
    };
    const run = (
      scenario: Scenario,
      seconds: number,
      rate: number,
      connections: number,
      setup: (i: number) => { token: string; body: string },
    ) => {
      stats[scenario] = fresh();
      let i = 0;
      return new Promise<void>((resolve, reject) => {
        const instance = autocannon(
          {
            url,
            connections,
            duration: seconds,
            overallRate: rate,
            // A board report over two million ballots can take tens of seconds: it may, it is not an error.
            timeout: scenario === 'reports' ? 180 : 30,
            requests: [
              {
                method: 'POST',
                setupRequest: (request) => {
                  const { token, body } = setup(i++);
                  return {
                    ...request,
                    headers: {
                      'content-type': 'application/json',
                      authorization: `Bearer ${token}`,
                    },
                    body,
                  };
                },
                onResponse: record(scenario),
              },
            ],
          },
          (error, result) => {
            if (error) return reject(error);
            stats[scenario].corrected = { p50: result.latency.p50, p99: result.latency.p99 };
            resolve();
          },
        );
        instance.on(
          'response',
          (_client: unknown, _status: number, _bytes: number, responseTime: number) => {
            const minute = Math.floor((Date.now() - t0) / 60_000);
            (stats[scenario].minutes[minute] ??= []).push(responseTime);
          },
        );
      });
    };
    const body = (query: string, variables: object = {}) => JSON.stringify({ query, variables });
    const browse = (i: number) => {
      const token = browseTokens[i % browseTokens.length];
      const kind = i % 3;
      if (kind === 0) {
        const status = ['Deliberation', 'Voting', 'Adopted', 'Consultation'][i % 4];
        return { token, body: body(PROPOSALS, { status }) };
      }
      if (kind === 1)
        return { token, body: body(PROPOSAL, { id: proposals[i % proposals.length].id }) };
      return { token, body: body(OPEN_VOTES) };
    };

    // Baseline: the floor of any authenticated request, at the same total rate, before the load.
    const total = RATES.browse + RATES.cast + RATES.reports;
    const BASELINE_SECONDS = Math.min(30, Math.max(10, Math.round(SECONDS / 10)));
    process.stdout.write(`baseline: { __typename } at ${total} req/s for ${BASELINE_SECONDS} s\n`);
    t0 = Date.now();
    await run('baseline', BASELINE_SECONDS, total, 10, (i) => ({
      token: browseTokens[i % browseTokens.length],
      body: body('{ __typename }'),
    }));

    // Memory of each process every 10 s during the load.
    const memory: {
      at: number;
      /** Requests answered so far (every scenario), API CPU seconds so far, machine load average. */
      served: number;
      apiCpu: number;
      loadavg: number;
      api: { rss: number; heap: number | null };
      worker: { rss: number; heap: number | null };
    }[] = [];
    const apiPid = api.pid!;
    const workerPid = worker.child.pid!;
    const workerPort = worker.port;
    const sample = async () =>
      memory.push({
        at: Math.round((Date.now() - t0) / 1000),
        served: (['browse', 'cast', 'reports'] as const).reduce(
          (sum, name) => sum + (stats[name]?.requests ?? 0),
          0,
        ),
        apiCpu: round(cpuSeconds(apiPid), 2),
        loadavg: round(loadavg()[0]),
        api: { rss: round(rssMb(apiPid)), heap: await heapMb(`http://127.0.0.1:${port}/metrics`) },
        worker: {
          rss: round(rssMb(workerPid)),
          heap: await heapMb(`http://127.0.0.1:${workerPort}/metrics`),
        },
      });
    process.stdout.write(
      `load: browse ${RATES.browse}/s, cast ${RATES.cast}/s, reports ${RATES.reports}/s for ${SECONDS} s — load average ${loadavg()[0].toFixed(1)}\n`,
    );
    t0 = Date.now();
    const cpuBefore = { api: cpuSeconds(apiPid), worker: cpuSeconds(workerPid) };
    await sample();
    const sampler = setInterval(() => void sample(), SAMPLE_MS);
    const progress = setInterval(() => {
      const s = (name: Scenario) => `${name} ${stats[name]?.requests ?? 0}`;
      process.stdout.write(
        `  ${Math.round((Date.now() - t0) / 1000)} s: ${s('browse')}, ${s('cast')}, ${s('reports')}; api ${memory.at(-1)?.api.rss} MB, worker ${memory.at(-1)?.worker.rss} MB; load ${loadavg()[0].toFixed(1)}\n`,
      );
    }, 30_000);
    const snapshots = HEAP_SNAPSHOTS.map((at) =>
      setTimeout(() => {
        process.stdout.write(`  ${at} s: API heap snapshot into ${HEAP_SNAPSHOT_DIR}\n`);
        api?.kill('SIGUSR2');
      }, at * 1000),
    );
    await Promise.all([
      run('browse', SECONDS, RATES.browse, 8, browse),
      run('cast', SECONDS, RATES.cast, 8, (i) => ({
        // Past the planned voters, a repeat: the server answers ALREADY_VOTED (or replaces a named ballot).
        token: casts[i % casts.length].token,
        body: casts[i % casts.length].body,
      })),
      run('reports', SECONDS, RATES.reports, 2, (i) => ({
        token: trusteeTokens[i % trusteeTokens.length],
        body: reportQueries[i % reportQueries.length].body,
      })),
    ]);
    clearInterval(sampler);
    clearInterval(progress);
    snapshots.forEach(clearTimeout);
    const cpu = {
      api: cpuSeconds(apiPid) - cpuBefore.api,
      worker: cpuSeconds(workerPid) - cpuBefore.worker,
    };
    await sample();

    // ── figures ─────────────────────────────────────────────────────────
    const base = stats.baseline.minutes.flat();
    const baseP50 = round(percentile(base, 50));
    const baseP99 = round(percentile(base, 99));
    const machine = `${cpus().length} CPUs shared, load average ${loadavg()[0].toFixed(1)}`;
    const rows: BenchRow[] = [];
    const perMinute: Record<
      string,
      { minute: number; requests: number; p50: number; p99: number }[]
    > = {};
    for (const scenario of ['browse', 'cast', 'reports'] as const) {
      const s = stats[scenario];
      const minutes = s.minutes.map((m, minute) => ({
        minute: minute + 1,
        requests: m?.length ?? 0,
        p50: round(percentile(m ?? [], 50)),
        p99: round(percentile(m ?? [], 99)),
      }));
      // A last partial minute (a few seconds of tail) says nothing about stability.
      const full = minutes.filter((m) => m.requests >= Math.max(10, (RATES[scenario] * 60) / 4));
      perMinute[scenario] = minutes;
      const all = s.minutes.flat();
      const first = full[0];
      const last = full[full.length - 1];
      rows.push(
        {
          suite: 'load',
          name: `${scenario}: errors (non-2xx + GraphQL errors${scenario === 'cast' ? ' other than ALREADY_VOTED' : ''}) of ${s.requests} requests`,
          figure: s.non2xx + s.graphqlErrors,
          unit: 'errors',
          target: '0',
          note: `${s.expected} expected ALREADY_VOTED; ${s.errorSamples.join(' | ')}`.trim(),
        },
        {
          suite: 'load',
          name: `${scenario}: requests served per second (asked: ${RATES[scenario]}/s)`,
          figure: round(s.requests / SECONDS),
          unit: 'req/s',
          target: `${RATES[scenario]}/s`,
          note: 'below the asked rate when the API (or the shared machine) cannot keep up',
        },
        {
          suite: 'load',
          name: `${scenario}: p99 latency over ${SECONDS} s at ${RATES[scenario]} req/s`,
          figure: round(percentile(all, 99)),
          unit: 'ms',
          target: scenario === 'reports' ? '< 1000 ms' : '< 200 ms',
          baseline: baseP99,
          ratio: round(percentile(all, 99) / Math.max(baseP99, 0.1), 2),
          note: `p50 ${round(percentile(all, 50))} ms; autocannon (coordinated-omission corrected) p50 ${s.corrected?.p50} / p99 ${s.corrected?.p99} ms; per-minute p99: ${full.map((m) => m.p99).join(', ')}; baseline: { __typename } p99 at ${total} req/s`,
        },
        {
          suite: 'load',
          name: `${scenario}: p99 of the last full minute vs the first (stability)`,
          figure: last?.p99 ?? 0,
          unit: 'ms',
          target: '≤ 1.5 × first minute',
          baseline: first?.p99,
          ratio: first && last ? round(last.p99 / Math.max(first.p99, 0.1), 2) : undefined,
        },
      );
    }
    const served = stats.browse.requests + stats.cast.requests + stats.reports.requests;
    const cpuByMinute = cpuPerRequestByMinute(
      memory.map((m) => ({ at: m.at, cpuSeconds: m.apiCpu, served: m.served })),
      SECONDS,
    );
    const loadByMinute = Array.from({ length: Math.ceil(SECONDS / 60) }, (_, i) =>
      Math.max(
        0,
        ...memory.filter((m) => m.at >= i * 60 && m.at < (i + 1) * 60).map((m) => m.loadavg),
      ),
    );
    rows.push(
      {
        suite: 'load',
        name: `API CPU per request, mixed load (${served} requests)`,
        figure: round((cpu.api * 1000) / Math.max(served, 1), 2),
        unit: 'ms',
        note: `one API core serves about ${Math.round(served / Math.max(cpu.api, 0.01))} such requests/s; API ${round(cpu.api)} s of CPU over ${SECONDS} s (${round((100 * cpu.api) / SECONDS)} % of one core); by minute: ${cpuByMinute.map((c) => (c === null ? '—' : round(c, 2))).join(', ')} ms, the machine's load average then: ${loadByMinute.join(', ')}`,
      },
      {
        suite: 'load',
        name: `worker CPU over the run (reconciler, queues)`,
        figure: round(cpu.worker, 1),
        unit: 's',
        note: `${round((100 * cpu.worker) / SECONDS, 1)} % of one core`,
      },
    );
    const firstMinute = memory.filter((m) => m.at <= 60);
    const lastMinute = memory.filter((m) => m.at >= SECONDS - 60);
    const avg = (values: (number | null)[]) => {
      const v = values.filter((x): x is number => x !== null);
      return v.length ? round(v.reduce((a, b) => a + b, 0) / v.length) : 0;
    };
    // The heap saw-tooths between collections: its floor (lowest sample) tells a leak from garbage.
    const trends = {
      api: memoryTrend(
        memory.map((m) => ({ at: m.at, value: m.api.heap })),
        SECONDS,
      ),
      worker: memoryTrend(
        memory.map((m) => ({ at: m.at, value: m.worker.heap })),
        SECONDS,
      ),
    };
    for (const proc of ['api', 'worker'] as const) {
      const floors = trends[proc].floors.filter((f) => f.floor !== null);
      const half = (second: boolean) =>
        Math.min(
          ...floors
            .filter((f) => f.minute > trends[proc].floors.length / 2 === second)
            .map((f) => f.floor as number),
        );
      const early = half(false);
      const late = half(true);
      if (Number.isFinite(early) && Number.isFinite(late)) {
        rows.push({
          suite: 'load',
          name: `${proc} process heap floor (lowest sample): second half vs first half`,
          figure: round(late),
          unit: 'MB',
          target: '≤ 1.2 × first half',
          baseline: round(early),
          ratio: round(late / early, 2),
          note: `heap floor per minute (MB): ${floors.map((f) => round(f.floor as number)).join(', ')}`,
        });
      }
      const slope = trends[proc].slopeMbPerMinute;
      if (slope !== null) {
        rows.push({
          suite: 'load',
          name: `${proc} process heap floor growth over the second half (least-squares slope of ${trends[proc].fittedMinutes} per-minute floors)`,
          figure: round(slope, 2),
          unit: 'MB/min',
          target: '≈ 0 (flat)',
          note: `${round(slope * 60, 1)} MB/hour at this load; RSS floor slope ${round(
            memoryTrend(
              memory.map((m) => ({ at: m.at, value: m[proc].rss })),
              SECONDS,
            ).slopeMbPerMinute ?? 0,
            2,
          )} MB/min; ${machine}`,
        });
      }
      for (const kind of ['rss', 'heap'] as const) {
        const before = avg(firstMinute.map((m) => m[proc][kind]));
        const after = avg(lastMinute.map((m) => m[proc][kind]));
        rows.push({
          suite: 'load',
          name: `${proc} process ${kind === 'rss' ? 'RSS' : 'heap used'}: last minute vs first minute (flat = no leak)`,
          figure: after,
          unit: 'MB',
          target: '≤ 1.2 × first minute',
          baseline: before,
          ratio: before ? round(after / before, 2) : undefined,
          note: `sampled every ${SAMPLE_MS / 1000} s; ${machine}`,
        });
      }
    }
    for (const row of rows) {
      process.stdout.write(
        `${row.name.padEnd(96)} ${String(row.figure).padStart(8)} ${row.unit}${row.baseline !== undefined ? `  baseline ${row.baseline} (×${row.ratio})` : ''}${row.target ? `  target ${row.target}` : ''}\n`,
      );
    }
    process.stdout.write(`per-minute: ${JSON.stringify(perMinute)}\n`);
    writeResults('load.json', rows, {
      scale: SCALE,
      database: new URL(target).pathname.slice(1),
      seconds: SECONDS,
      rates: RATES,
      machine: { cpus: cpus().length, loadavg: loadavg() },
      reportQueries: reportQueries.map((q) => q.name),
      baseline: { p50: baseP50, p99: baseP99, requests: stats.baseline.requests },
      scenarios: Object.fromEntries(
        (['browse', 'cast', 'reports'] as const).map((s) => [
          s,
          {
            requests: stats[s].requests,
            non2xx: stats[s].non2xx,
            graphqlErrors: stats[s].graphqlErrors,
            expectedAlreadyVoted: stats[s].expected,
            errorSamples: stats[s].errorSamples,
            corrected: stats[s].corrected,
            perMinute: perMinute[s],
          },
        ]),
      ),
      memory,
      heapFloors: trends,
      apiCpuPerRequestByMinute: cpuByMinute,
      loadavgByMinute: loadByMinute,
      heapSnapshots:
        HEAP_SNAPSHOTS.length > 0 ? { at: HEAP_SNAPSHOTS, dir: HEAP_SNAPSHOT_DIR } : undefined,
      cpuSeconds: cpu,
      totalSeconds: Math.round((Date.now() - started) / 1000),
    });
  } finally {
    worker?.child.kill('SIGTERM');
    api?.kill('SIGTERM');
    await db.end();
  }
}

/** The trustees' queries: every report of libs/reports when it is there, else the heaviest existing reads. */
function loadReportQueries(ids: {
  bigVote: string;
  fiscalYear: number;
}): { name: string; body: string }[] {
  const q = (name: string, query: string, variables: object = {}) => ({
    name,
    body: JSON.stringify({ query, variables }),
  });
  return [
    q(
      'proposals full-text search',
      `query ($s: String!) { proposals(first: 20, search: $s) { totalCount edges { node { id title status } } } }`,
      { s: 'logement abordable' },
    ),
    q(
      'contribution campaign',
      `query ($y: Int!) { contributionCampaign(fiscalYear: $y) { targetCents calledCents paidCents outstandingCents } }`,
      { y: ids.fiscalYear },
    ),
    q(
      'largest vote result with its details',
      `query ($id: UUID!) { vote(id: $id) { id rollSize result { outcome ballots eligible participations details } } }`,
      { id: ids.bigVote },
    ),
    q(
      'member register search',
      `{ members(first: 20, search: "Tremblay", status: Active) { totalCount edges { node { id displayName } } } }`,
    ),
    // The board's reports (libs/reports), over the last year. LOAD_REPORTS=heavy keeps the four reads above only.
    ...(process.env.LOAD_REPORTS === 'heavy'
      ? []
      : REPORT_CASES.filter((r) => r.role === 'trustee').map((r) =>
          q(
            r.name,
            r.query,
            r.variables({
              from: new Date(Date.now() - 365 * 86400_000).toISOString(),
              to: new Date().toISOString(),
              fiscalYear: ids.fiscalYear,
              voteId: ids.bigVote,
            }),
          ),
        )),
  ];
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
