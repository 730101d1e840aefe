/**
 * 1,000 votes, each with 1,000 ballots, all closing at the same instant.
 *
 *   npm run bench:deadlines            (BENCH_VOTES, BENCH_BALLOTS, BENCH_SECRECY=secret|named)
 *
 * Seeds in SQL (not through the API) a fresh database on the test server,
 * starts the API in this process (no in-process worker: it enqueues the close
 * jobs and takes ballots) and apps/worker as its own process, as in
 * production. While the votes close, voters not on time keep casting through
 * the real ballot box. Prints, from database timestamps, the lag from
 * closesAt to *closed* and to *result published*, and how many ballots were
 * accepted at or after closesAt (must be 0). Results: test/bench/results/deadlines.json.
 */
import { randomBytes } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { loadConfig, Role } from '@delibera/kernel';
import { BallotBoxService } from '@delibera/voting';
import { createApiApp } from '../../../apps/api/src/bootstrap';
import { MIGRATIONS } from '../../../migrations';
import { voteDeadlineJobs } from '../../../libs/voting/src/jobs/vote-deadlines';
import { killHard, startWorker } from '../../faults/worker-process';
import { deadlineQueues, TEST_REDIS_URL } from '../../support/deadline-queue';
import { seedOpenVotes, voteOutcomes } from '../../support/seed-votes';
import { writeResults } from '../results-file';

const VOTES = Number(process.env.BENCH_VOTES ?? 1000);
const BALLOTS = Number(process.env.BENCH_BALLOTS ?? 1000);
const SECRECY = (process.env.BENCH_SECRECY ?? 'secret') as 'secret' | 'named';
/** Members on every roll who have not voted yet: they try to vote around closesAt. */
const LATE_VOTERS = 50;
const SERVER = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const log = (line: string) => process.stdout.write(`${line}\n`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function main(): Promise<void> {
  const name = `delibera_bench_${randomBytes(4).toString('hex')}`;
  const url = new URL(SERVER);
  url.pathname = `/${name}`;
  const admin = new Client({ connectionString: SERVER });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const prefix = `{bench-${randomBytes(4).toString('hex')}}`;
  const queues = deadlineQueues(prefix);
  const client = new Client({ connectionString: url.toString() });
  const cleanups: (() => Promise<unknown>)[] = [];
  try {
    const migrations = new DataSource({
      type: 'postgres',
      url: url.toString(),
      migrations: MIGRATIONS,
    });
    await migrations.initialize();
    await migrations.runMigrations({ transaction: 'each' });
    await migrations.destroy();
    await client.connect();

    let started = Date.now();
    const ids = await seedOpenVotes(client, {
      votes: VOTES,
      rollSize: BALLOTS + LATE_VOTERS,
      ballotsPerVote: BALLOTS,
      closesAt: new Date(Date.now() + 3_600_000),
      secrecy: SECRECY,
    });
    log(
      `seeded ${VOTES} votes × ${BALLOTS} ballots (${SECRECY}) in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    const { rows: lateVoters } = await client.query<{ member_id: string }>(
      `SELECT member_id FROM vote_roll r WHERE vote_id = $1
          AND NOT EXISTS (SELECT 1 FROM participation p WHERE p.vote_id = r.vote_id AND p.member_id = r.member_id)`,
      [ids[0]],
    );

    const env = {
      DATABASE_URL: url.toString(),
      REDIS_URL: TEST_REDIS_URL,
      QUEUE_PREFIX: prefix,
      JWT_SECRET: randomBytes(32).toString('hex'),
      LOG_LEVEL: 'warn',
    };
    const worker = await startWorker(env);
    cleanups.push(() => killHard(worker));
    const api = await createApiApp(
      loadConfig({
        ...env,
        NODE_ENV: 'test',
        RUN_WORKER_IN_PROCESS: 'false',
        LOG_LEVEL: 'silent',
        BALLOTS_PER_IP_PER_MINUTE: '100000000', // every late voter is 127.0.0.1 here
      }),
      { logs: false },
    );
    cleanups.push(() => api.close());
    const ballotBox = api.get(BallotBoxService);

    // Every vote closes at the same instant; the close jobs are enqueued as scheduling would.
    const closesAt = new Date(Math.ceil((Date.now() + 8000) / 1000) * 1000);
    await client.query(`UPDATE vote SET closes_at = $1 WHERE id = ANY($2::uuid[])`, [
      closesAt,
      ids,
    ]);
    await queues.schedule(
      ids.map((id) => voteDeadlineJobs({ id, version: 1, opensAt: new Date(0), closesAt })[1]),
    );
    log(`${VOTES} close jobs due at ${closesAt.toISOString()}`);

    // Late voters cast from 300 ms before to 1.5 s after closesAt, 16 at a time.
    const casts = { accepted: 0, refusedClosed: 0, other: 0 };
    await sleep(closesAt.getTime() - 300 - Date.now());
    const stopCasting = closesAt.getTime() + 1500;
    let next = 0;
    await Promise.all(
      Array.from({ length: 16 }, async () => {
        while (Date.now() < stopCasting) {
          const n = next++;
          const voteId = ids[n % ids.length];
          const member = lateVoters[Math.floor(n / ids.length) % lateVoters.length].member_id;
          try {
            await ballotBox.cast(
              { accountId: member, memberId: member, roles: [Role.Member] },
              voteId,
              {
                option: 'yes',
              },
            );
            casts.accepted++;
          } catch (error) {
            if ((error as { code?: string }).code === 'VOTE_CLOSED') casts.refusedClosed++;
            else casts.other++;
          }
        }
      }),
    );

    started = Date.now();
    for (;;) {
      const { rows } = await client.query<{ left: number }>(
        `SELECT count(*)::int AS left FROM vote WHERE id = ANY($1::uuid[])
            AND (status <> 'tallied' OR (secrecy = 'secret' AND ballots_unlinked_at IS NULL))`,
        [ids],
      );
      if (rows[0].left === 0) break;
      if (Date.now() - started > 600_000)
        throw new Error(`${rows[0].left} votes still not tallied and published after 10 min`);
      await sleep(250);
    }

    const outcomes = await voteOutcomes(client, ids);
    const closed = outcomes.map((v) => v.closedLagMs ?? Infinity).sort((a, b) => a - b);
    const published = outcomes.map((v) => v.publishedLagMs ?? Infinity).sort((a, b) => a - b);
    const unlinked = outcomes.map((v) => v.unlinkedLagMs ?? Infinity).sort((a, b) => a - b);
    const late = outcomes.reduce((sum, v) => sum + v.lateParticipations, 0);
    const mismatched = outcomes.filter(
      (v) =>
        v.results !== 1 ||
        v.closings !== 1 ||
        v.participations !== v.ballots ||
        v.ballots !== v.resultBallots,
    ).length;
    const stats = (values: number[]) => ({
      p50: Math.round(percentile(values, 50)),
      p99: Math.round(percentile(values, 99)),
      max: Math.round(values[values.length - 1]),
    });
    const toClosed = stats(closed);
    const toPublished = stats(published);
    const toUnlinked = stats(unlinked);
    // Baselines measured on the same data: the bare SQL a close and a count cannot do without —
    // one UPDATE closing every vote (rolled back) and one GROUP BY of every ballot.
    await client.query('BEGIN');
    let t0 = Date.now();
    await client.query(
      `UPDATE vote SET status = 'closed', closed_at = now() WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    const bareCloseMs = Date.now() - t0;
    await client.query('ROLLBACK');
    t0 = Date.now();
    await client.query(
      'SELECT vote_id, content, count(*) FROM ballot WHERE vote_id = ANY($1::uuid[]) GROUP BY 1, 2',
      [ids],
    );
    const bareCountMs = Date.now() - t0;
    const shape = `${VOTES} votes × ${BALLOTS} ballots (${SECRECY}), one worker process`;
    const machine = `${cpus().length} cores, load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} at the end (the machine is shared)`;
    const rows = [
      {
        suite: 'deadlines',
        name: `closesAt → closed · ${shape} — p50`,
        figure: toClosed.p50,
        unit: 'ms',
      },
      {
        suite: 'deadlines',
        name: `closesAt → closed · ${shape} — p99`,
        figure: toClosed.p99,
        unit: 'ms',
        target: '< 1000 ms',
        baseline: bareCloseMs,
        ratio: Number((toClosed.p99 / Math.max(bareCloseMs, 1)).toFixed(1)),
        note: `${machine}; baseline: one bare UPDATE closing all ${VOTES} votes`,
      },
      {
        suite: 'deadlines',
        name: `closesAt → closed · ${shape} — max`,
        figure: toClosed.max,
        unit: 'ms',
      },
      {
        suite: 'deadlines',
        name: `closesAt → result published · ${shape} — p50`,
        figure: toPublished.p50,
        unit: 'ms',
      },
      {
        suite: 'deadlines',
        name: `closesAt → result published · ${shape} — p99`,
        figure: toPublished.p99,
        unit: 'ms',
      },
      {
        suite: 'deadlines',
        name: `closesAt → result published · ${shape} — max (all published)`,
        figure: toPublished.max,
        unit: 'ms',
        target: '< 10000 ms',
        baseline: bareCountMs,
        ratio: Number((toPublished.max / Math.max(bareCountMs, 1)).toFixed(1)),
        note: `baseline: one bare GROUP BY of all ${VOTES * BALLOTS} ballots by vote and content`,
      },
      {
        suite: 'deadlines',
        name: `closesAt → ballots and receipts published · ${shape} — max (all published)`,
        figure: toUnlinked.max,
        unit: 'ms',
        note:
          SECRECY === 'secret'
            ? 'secret ballots are rewritten in random order (unlinked) after the result, then published'
            : 'named ballots are published with the result',
      },
      {
        suite: 'deadlines',
        name: `ballots accepted at or after closesAt · ${shape}`,
        figure: late,
        unit: 'ballots',
        target: '0',
        note: `late voters' attempts around closesAt: ${casts.accepted} accepted before it, ${casts.refusedClosed} refused VOTE_CLOSED, ${casts.other} other`,
      },
      {
        suite: 'deadlines',
        name: `votes not closed and tallied exactly once with matching counts · ${shape}`,
        figure: mismatched,
        unit: 'votes',
        target: '0',
      },
    ];
    log('');
    for (const row of rows)
      log(
        `${row.name.padEnd(100)} ${String(row.figure).padStart(7)} ${row.unit}${row.target ? `   (target ${row.target})` : ''}`,
      );
    log(
      `\nmachine: ${cpus().length} cores, load ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
    );
    writeResults(SECRECY === 'secret' ? 'deadlines.json' : `deadlines-${SECRECY}.json`, rows);
  } finally {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
    await queues.flush().catch(() => undefined);
    await queues.close();
    await client.end().catch(() => undefined);
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
