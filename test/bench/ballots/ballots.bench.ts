/**
 * Ballot throughput of a referendum with 100,000 eligible voters.
 *
 *   npm run bench:ballots            (BALLOTS, BASELINE_BALLOTS, FRAMEWORK_BALLOTS, CLIENTS, FLOOR_REQUESTS override the sizes)
 *
 * A fresh database is migrated and seeded with INSERT … SELECT generate_series;
 * the real API runs in child processes (API_PROCESSES, default 2 replicas on
 * the 2 cores; production mode, no in-process worker);
 * 50 concurrent clients cast ballots through GraphQL, each request with the
 * voter's own token (minted with the app's TokenService and JWT secret, not
 * 100,000 argon2 logins) and, as the portal does, a client request id. Then
 * the vote is closed and counted. The framework floor runs the same cast
 * statement behind a minimal NestJS + Apollo server (framework-floor.server.ts,
 * as many processes as the API) on a second referendum, and the baseline
 * issues it directly with `pg` over 50 connections on a third: the table shows
 * Delibera's path against what the stack allows and what the database allows.
 */
import { JwtService } from '@nestjs/jwt';
import type { ChildProcess } from 'node:child_process';
import { createHash, createSecretKey, randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Agent, request as httpRequest } from 'node:http';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { Pool } from 'pg';
import { freePort, loadConfig, Role, SessionRevocations, TokenService } from '@delibera/kernel';
import { createDataSource } from '@delibera/platform';
import { CAST_BALLOT_SQL } from '@delibera/voting';
import { startApiProcess } from '../api-process';
import { writeResults } from '../results-file';

const SERVER = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const ELIGIBLE = Number(process.env.ELIGIBLE ?? 100_000);
const BALLOTS = Number(process.env.BALLOTS ?? ELIGIBLE);
const BASELINE_BALLOTS = Number(process.env.BASELINE_BALLOTS ?? 30_000);
const FRAMEWORK_BALLOTS = Number(process.env.FRAMEWORK_BALLOTS ?? 30_000);
const CLIENTS = Number(process.env.CLIENTS ?? 50);
/** API replicas (the API is stateless); clients spread their requests over them as a load balancer would. */
const API_PROCESSES = Number(process.env.API_PROCESSES ?? 2);
const WARMUP = 2_000;

type BenchRow = {
  suite: string;
  name: string;
  figure: number;
  unit: string;
  target?: string;
  baseline?: number;
  ratio?: number;
  note?: string;
};

const databaseUrl = (name: string) => {
  const url = new URL(SERVER);
  url.pathname = `/${name}`;
  return url.toString();
};

/** CPU seconds (user + system) a process has used so far, from /proc: a figure the machine's load does not inflate. */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (100 Hz)
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

async function createDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `delibera_bench_ballots_${randomBytes(4).toString('hex')}`;
  const admin = new Pool({ connectionString: SERVER, max: 1 });
  await admin.query(`CREATE DATABASE ${name}`);
  const url = databaseUrl(name);
  const dataSource = createDataSource(url, 2);
  await dataSource.initialize();
  await dataSource.runMigrations();
  await dataSource.destroy();
  return {
    url,
    async drop() {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

/** 100,000 active members across the three colleges, in one statement. */
async function seedMembers(pool: Pool): Promise<string[]> {
  await pool.query(
    `INSERT INTO member (kind, display_name, email, status, college_id, region, locale, admitted_at)
     SELECT 'person', 'Membre ' || i, 'm' || i || '@bench.example', 'active',
            (SELECT id FROM college ORDER BY code OFFSET (i % 3) LIMIT 1),
            lpad(((i % 17) + 1)::text, 2, '0'), 'fr', now()
       FROM generate_series(1, $1) AS i`,
    [ELIGIBLE],
  );
  const { rows } = await pool.query<{ id: string }>('SELECT id FROM member ORDER BY random()');
  return rows.map((r) => r.id);
}

async function startApi(
  env: Record<string, string>,
): Promise<{ url: string; child: ChildProcess }> {
  const child = await startApiProcess(env);
  return { url: `http://127.0.0.1:${env.PORT}/graphql`, child };
}

/** The framework-floor server in a process of its own; resolves once it listens. */
async function startFrameworkFloor(
  env: Record<string, string>,
): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(
    process.execPath,
    [
      // API_NODE_ARGS (e.g. --cpu-prof) applies here too, to compare both profiles.
      ...(process.env.API_NODE_ARGS?.split(' ').filter(Boolean) ?? []),
      '-r',
      '@swc-node/register',
      join(__dirname, 'framework-floor.server.ts'),
    ],
    { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('framework floor listening')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`framework floor exited with ${code}`)));
  });
  return { url: `http://127.0.0.1:${env.PORT}/graphql`, child };
}

async function stopAll(children: { child: ChildProcess }[]): Promise<void> {
  for (const c of children) c.child.kill('SIGTERM');
  await Promise.all(children.map((c) => new Promise((resolve) => c.child.once('exit', resolve))));
}

/**
 * The load generator shares the machine's two cores with the API and PostgreSQL, so it must cost little:
 * node:http with kept-alive sockets costs a fraction of fetch's CPU per request (the figure is printed).
 */
const agent = new Agent({ keepAlive: true, maxSockets: CLIENTS });
const REQUEST_TIMEOUT_MS = 30_000;

/**
 * Requests retried after a socket error (a kept-alive connection the server had just closed). A
 * retried cast is safe: it carries its client request id, so a cast that went through answers again.
 */
let socketRetries = 0;

async function post(url: string, token: string, body: string): Promise<Reply> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await postOnce(url, token, body);
    } catch (error) {
      if (attempt >= 2) throw error;
      socketRetries++;
    }
  }
}

interface Reply {
  status: number;
  text: string;
}

function postOnce(url: string, token: string, body: string): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      url,
      {
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          authorization: `Bearer ${token}`,
        },
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, text }));
        response.on('error', reject);
      },
    );
    request.setTimeout(REQUEST_TIMEOUT_MS, () =>
      request.destroy(new Error(`no answer in ${REQUEST_TIMEOUT_MS} ms`)),
    );
    request.on('error', reject);
    request.end(body);
  });
}

async function gql<T>(url: string, token: string, query: string, variables: object): Promise<T> {
  const { status, text } = await post(url, token, JSON.stringify({ query, variables }));
  let body: { data?: T; errors?: unknown[] };
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    throw new Error(`HTTP ${status}, not JSON: ${text.slice(0, 200)}`);
  }
  if (body.errors || !body.data) throw new Error(`HTTP ${status}: ${JSON.stringify(body.errors)}`);
  return body.data;
}

/** Runs `total` tasks on `clients` concurrent loops; returns the wall time and each task's latency. */
async function load(
  total: number,
  clients: number,
  task: (i: number) => Promise<void>,
): Promise<{ seconds: number; latencies: number[] }> {
  const latencies: number[] = [];
  let next = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      for (let i = next++; i < total; i = next++) {
        const t0 = process.hrtime.bigint();
        await task(i);
        latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
      }
    }),
  );
  return {
    seconds: Number(process.hrtime.bigint() - started) / 1e9,
    latencies: latencies.sort((a, b) => a - b),
  };
}

const VOTE = 'id status rollSize rollFingerprint';
const CALL = `mutation ($input: CallReferendumInput!) { callReferendum(input: $input) { ${VOTE} } }`;
const OPEN = `mutation ($voteId: UUID!) { openVote(voteId: $voteId) { ${VOTE} } }`;
const CLOSE = `mutation ($voteId: UUID!) { closeVote(voteId: $voteId) { ${VOTE} result { outcome ballots hash } } }`;
const RECOUNT = `mutation ($voteId: UUID!) { recount(voteId: $voteId) { matches } }`;
const CAST = `mutation ($input: CastBallotInput!) { castBallot(input: $input) { receipt } }`;
const FLOOR_CAST = `mutation ($input: FloorCastInput!) { castBallot(input: $input) { receipt } }`;

async function main(): Promise<void> {
  const rows: BenchRow[] = [];
  const suite = 'ballots';
  const db = await createDatabase();
  const pool = new Pool({ connectionString: db.url, max: CLIENTS });
  // A backend ended under us (the server's connection limit is shared) must not crash the bench.
  pool.on('error', (error) => process.stderr.write(`pg pool: ${error.message}\n`));
  const secret = randomBytes(32).toString('hex');
  let apis: { url: string; child: ChildProcess }[] = [];
  let floors: { url: string; child: ChildProcess }[] = [];
  try {
    let t0 = Date.now();
    const voters = await seedMembers(pool);
    const seedSeconds = (Date.now() - t0) / 1000;
    process.stdout.write(`seeded ${voters.length} members in ${seedSeconds.toFixed(1)} s\n`);

    const apiEnv = (port: number): Record<string, string> => ({
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: db.url,
      DB_POOL_SIZE: process.env.DB_POOL_SIZE ?? String(Math.ceil(CLIENTS / API_PROCESSES)),
      REDIS_URL,
      QUEUE_PREFIX: `{bench-${randomBytes(3).toString('hex')}}`,
      JWT_SECRET: secret,
      PUBLIC_URL: 'http://127.0.0.1',
      LOG_LEVEL: 'warn',
      RUN_WORKER_IN_PROCESS: 'false',
      DATA_DIR: join(__dirname, '../../../.data/bench'),
      // 50 clients stand for thousands of voters but share 127.0.0.1: the per-IP
      // limit is lifted; per-account limits stay on and are paid for on every cast.
      BALLOTS_PER_IP_PER_MINUTE: '100000000',
    });
    apis = await Promise.all(
      // Free ports from the system: a random range collided with other processes on a shared machine.
      Array.from({ length: API_PROCESSES }, async () => startApi(apiEnv(await freePort()))),
    );
    const api = apis[0];
    const apiUrl = (i: number) => apis[i % apis.length].url;
    const apiCpu = () => apis.reduce((sum, a) => sum + cpuSeconds(a.child.pid!), 0);
    const tokens = new TokenService(
      new JwtService({
        secret: createSecretKey(Buffer.from(secret)),
        signOptions: { expiresIn: 3600 },
      }),
      loadConfig({ JWT_SECRET: secret }),
      new SessionRevocations(loadConfig({})),
    );
    const staff = tokens.signAccessToken({
      accountId: randomUUID(),
      memberId: null,
      roles: [Role.Secretary, Role.Trustee],
    });
    const window = {
      opensAt: new Date(Date.now() - 1000).toISOString(),
      // Longer than the charter's minimum for a referendum (14 days); the bench closes it itself.
      closesAt: new Date(Date.now() + 15 * 24 * 3600_000).toISOString(),
    };
    const referendum = async (titleFr: string) => {
      const { callReferendum } = await gql<{ callReferendum: { id: string } }>(
        api.url,
        staff,
        CALL,
        {
          input: { titleFr, titleEn: titleFr, binding: true, ...window },
        },
      );
      const started = Date.now();
      const { openVote } = await gql<{ openVote: { rollSize: number } }>(api.url, staff, OPEN, {
        voteId: callReferendum.id,
      });
      return {
        id: callReferendum.id,
        rollSize: openVote.rollSize,
        openSeconds: (Date.now() - started) / 1000,
      };
    };

    const vote = await referendum('Référendum (API)');
    // The floor's and the baseline's referendums, opened now: the API processes are stopped before they run.
    const floorVote = await referendum('Référendum (framework)');
    const second = await referendum('Référendum (pg)');
    process.stdout.write(
      `opened: roll of ${vote.rollSize} frozen in ${vote.openSeconds.toFixed(2)} s\n`,
    );
    rows.push({
      suite,
      name: 'open: freeze the roll and fingerprint it',
      figure: vote.openSeconds,
      unit: 's',
      note: `${vote.rollSize} voters`,
    });

    t0 = Date.now();
    const voterTokens = voters
      .slice(0, BALLOTS)
      .map((memberId) =>
        tokens.signAccessToken({ accountId: memberId, memberId, roles: [Role.Member] }),
      );
    process.stdout.write(
      `minted ${voterTokens.length} tokens in ${((Date.now() - t0) / 1000).toFixed(1)} s\n`,
    );

    const cast = async (i: number) => {
      await gql(apiUrl(i), voterTokens[i], CAST, {
        input: {
          voteId: vote.id,
          ballot: { option: i % 3 === 0 ? 'no' : 'yes' },
          clientRequestId: randomUUID(),
        },
      });
    };
    await load(WARMUP, CLIENTS, cast);

    // The framework's floor: the same requests' path (HTTP, auth, Apollo, logging) for an empty query.
    const FLOOR_REQUESTS = Number(process.env.FLOOR_REQUESTS ?? 5_000);
    const floorBefore = apiCpu();
    await load(FLOOR_REQUESTS, CLIENTS, (i) =>
      gql(apiUrl(i), voterTokens[i], '{ __typename }', {}),
    );
    const floorCpuMs = ((apiCpu() - floorBefore) * 1000) / FLOOR_REQUESTS;
    process.stdout.write(
      `GraphQL floor: { __typename } costs ${floorCpuMs.toFixed(2)} ms of API CPU\n`,
    );
    rows.push({
      suite,
      name: "API CPU per authenticated { __typename } request (Delibera's per-request floor)",
      figure: Number(floorCpuMs.toFixed(2)),
      unit: 'ms',
    });

    const cpuBefore = apiCpu();
    const clientCpuBefore = process.cpuUsage();
    const measured = await load(BALLOTS - WARMUP, CLIENTS, (i) => cast(i + WARMUP));
    const apiCpuMs = ((apiCpu() - cpuBefore) * 1000) / (BALLOTS - WARMUP);
    const clientCpu = process.cpuUsage(clientCpuBefore);
    const clientCpuMs = (clientCpu.user + clientCpu.system) / 1000 / (BALLOTS - WARMUP);
    const apiRate = (BALLOTS - WARMUP) / measured.seconds;
    const p50 = percentile(measured.latencies, 50);
    const p99 = percentile(measured.latencies, 99);
    process.stdout.write(
      `GraphQL: ${BALLOTS - WARMUP} ballots in ${measured.seconds.toFixed(1)} s = ${apiRate.toFixed(0)} ballots/s; p50 ${p50.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms; API CPU ${apiCpuMs.toFixed(2)} ms per ballot, clients' CPU ${clientCpuMs.toFixed(2)} ms; socket retries ${socketRetries}\n`,
    );

    t0 = Date.now();
    const { closeVote } = await gql<{
      closeVote: { result: { outcome: string; ballots: number } };
    }>(api.url, staff, CLOSE, { voteId: vote.id });
    const closeSeconds = (Date.now() - t0) / 1000;
    // The tally alone: from the close's audit event (end of the closing transaction) to the tally's.
    const {
      rows: [{ tallySeconds }],
    } = await pool.query<{ tallySeconds: number }>(
      `SELECT extract(epoch FROM max(occurred_at) FILTER (WHERE action = 'vote.tallied')
                              - max(occurred_at) FILTER (WHERE action = 'vote.closed'))::float AS "tallySeconds"
         FROM audit_event WHERE entity_id = $1`,
      [vote.id],
    );
    t0 = Date.now();
    const { recount } = await gql<{ recount: { matches: boolean } }>(api.url, staff, RECOUNT, {
      voteId: vote.id,
    });
    const recountSeconds = (Date.now() - t0) / 1000;
    process.stdout.write(
      `close + tally of ${closeVote.result.ballots} ballots: ${closeSeconds.toFixed(2)} s (${closeVote.result.outcome}), of which the tally ${tallySeconds.toFixed(2)} s; recount ${recountSeconds.toFixed(2)} s, matches: ${recount.matches}\n`,
    );
    rows.push(
      {
        suite,
        name: 'closeVote mutation: close, shuffle the secret ballots, tally, store the result',
        figure: closeSeconds,
        unit: 's',
        note: `${closeVote.result.ballots} ballots`,
      },
      {
        suite,
        name: 'tally after close: check counts, group in SQL, count, store, emit',
        figure: Number(tallySeconds.toFixed(3)),
        unit: 's',
        target: '< 2',
        note: 'between the vote.closed and vote.tallied audit events',
      },
      {
        suite,
        name: 'recount from the stored ballots',
        figure: recountSeconds,
        unit: 's',
        note: `matches: ${recount.matches}`,
      },
    );
    // Free the API's connections: the server allows 100, shared.
    await stopAll(apis);
    apis = [];

    // The framework floor: the same statement behind a minimal Nest + Apollo mutation, same processes and pool.
    floors = await Promise.all(
      Array.from({ length: API_PROCESSES }, async () =>
        startFrameworkFloor({
          PORT: String(await freePort()),
          DATABASE_URL: db.url,
          DB_POOL_SIZE: apiEnv(0).DB_POOL_SIZE,
        }),
      ),
    );
    const floorCast = async (i: number) => {
      await gql(floors[i % floors.length].url, voterTokens[i], FLOOR_CAST, {
        input: { voteId: floorVote.id, voterId: voters[i], option: i % 3 === 0 ? 'no' : 'yes' },
      });
    };
    const frameworkBallots = Math.min(FRAMEWORK_BALLOTS, BALLOTS - WARMUP);
    await load(WARMUP, CLIENTS, floorCast);
    const floorCpu = () => floors.reduce((sum, f) => sum + cpuSeconds(f.child.pid!), 0);
    const floorCpuBefore = floorCpu();
    const framework = await load(frameworkBallots, CLIENTS, (i) => floorCast(i + WARMUP));
    const frameworkCpuMs = ((floorCpu() - floorCpuBefore) * 1000) / frameworkBallots;
    const frameworkRate = frameworkBallots / framework.seconds;
    const frameworkP99 = percentile(framework.latencies, 99);
    process.stdout.write(
      `framework floor: ${frameworkBallots} ballots in ${framework.seconds.toFixed(1)} s = ${frameworkRate.toFixed(0)} ballots/s; p50 ${percentile(framework.latencies, 50).toFixed(1)} ms, p99 ${frameworkP99.toFixed(1)} ms; CPU ${frameworkCpuMs.toFixed(2)} ms per ballot; Delibera/floor = ${(apiRate / frameworkRate).toFixed(2)}\n`,
    );
    await stopAll(floors);
    floors = [];

    // Baseline: the same statement straight through pg, 50 connections, on the second referendum.
    const content = JSON.stringify({ option: 'yes' });
    const baseline = await load(BASELINE_BALLOTS, CLIENTS, async (i) => {
      const receiptHash = createHash('sha256').update(randomUUID()).digest('hex');
      const { rows: result } = await pool.query(CAST_BALLOT_SQL, [
        second.id,
        voters[i],
        voters[i],
        content,
        receiptHash,
        randomUUID(),
        null,
        null,
      ]);
      if (!result[0].cast) throw new Error('baseline cast refused');
    });
    const baselineRate = BASELINE_BALLOTS / baseline.seconds;
    const ratio = apiRate / baselineRate;
    process.stdout.write(
      `pg baseline: ${BASELINE_BALLOTS} ballots in ${baseline.seconds.toFixed(1)} s = ${baselineRate.toFixed(0)} ballots/s; p50 ${percentile(baseline.latencies, 50).toFixed(1)} ms, p99 ${percentile(baseline.latencies, 99).toFixed(1)} ms; API/baseline = ${ratio.toFixed(2)}\n`,
    );
    rows.push(
      {
        suite,
        name: 'castBallot through GraphQL',
        figure: Math.round(apiRate),
        unit: 'ballots/s',
        target: '>= 1000',
        baseline: Math.round(baselineRate),
        ratio: Number(ratio.toFixed(2)),
        note: `${CLIENTS} clients, ${API_PROCESSES} API process(es), ${BALLOTS - WARMUP} ballots after ${WARMUP} warm-up, each with a client request id; ${(apiRate / frameworkRate).toFixed(2)} of the framework floor; ${socketRetries} socket-level retries; load average ${loadavg()[0].toFixed(1)}`,
      },
      {
        suite,
        name: 'same statement behind a minimal Nest + Apollo mutation (framework floor)',
        figure: Math.round(frameworkRate),
        unit: 'ballots/s',
        baseline: Math.round(baselineRate),
        ratio: Number((frameworkRate / baselineRate).toFixed(2)),
        note: `${API_PROCESSES} process(es), ${frameworkBallots} ballots; no auth, validation, logging, rate limits or ballot checks`,
      },
      {
        suite,
        name: 'framework floor: CPU per ballot (all processes)',
        figure: Number(frameworkCpuMs.toFixed(2)),
        unit: 'ms',
      },
      {
        suite,
        name: 'framework floor p99 latency',
        figure: Number(frameworkP99.toFixed(1)),
        unit: 'ms',
      },
      {
        suite,
        name: 'API CPU per ballot (all API processes)',
        figure: Number(apiCpuMs.toFixed(2)),
        unit: 'ms',
        note: `one core sustains about ${Math.round(1000 / apiCpuMs)} ballots/s`,
      },
      {
        suite,
        name: "the bench's clients: CPU per ballot (same machine, same cores)",
        figure: Number(clientCpuMs.toFixed(2)),
        unit: 'ms',
        note: 'node:http with kept-alive sockets; fetch cost about 0.37 ms',
      },
      { suite, name: 'castBallot p50 latency', figure: Number(p50.toFixed(1)), unit: 'ms' },
      {
        suite,
        name: 'castBallot p99 latency',
        figure: Number(p99.toFixed(1)),
        unit: 'ms',
        target: '< 100',
        baseline: Number(percentile(baseline.latencies, 99).toFixed(1)),
        ratio: Number((p99 / percentile(baseline.latencies, 99)).toFixed(2)),
        note: 'baseline: p99 of the same statement through pg, 50 connections',
      },
      {
        suite,
        name: 'same statement through pg (baseline)',
        figure: Math.round(baselineRate),
        unit: 'ballots/s',
        note: `${CLIENTS} connections, ${BASELINE_BALLOTS} ballots`,
      },
      {
        suite,
        name: 'baseline p99 latency',
        figure: Number(percentile(baseline.latencies, 99).toFixed(1)),
        unit: 'ms',
      },
    );

    writeResults('ballots.json', rows, {
      machine: { cpus: cpus().length, model: cpus()[0]?.model, loadavg: loadavg() },
      eligible: ELIGIBLE,
    });
  } finally {
    for (const a of [...apis, ...floors]) a.child.kill('SIGTERM');
    await pool.end();
    if (!process.env.KEEP_DB) await db.drop();
    else process.stdout.write(`kept ${db.url}\n`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
