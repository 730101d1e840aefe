import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { createTestDatabase } from '../setup/test-database';
import { deadlineQueues, TEST_REDIS_URL } from '../support/deadline-queue';
import { seedOpenVotes, SeedOptions, voteOutcomes } from '../support/seed-votes';
import { voteDeadlineJobs } from '../../libs/voting/src/jobs/vote-deadlines';

/**
 * One fault scenario's world: its own database and queue prefix (never the
 * shared Redis as a whole), open votes seeded in SQL with their close jobs
 * enqueued as the API would have, and the environment of a worker process.
 */
export async function faultWorld(reconcileSeconds: number) {
  const database = await createTestDatabase();
  const client = new Client({ connectionString: database.url });
  await client.connect();
  const prefix = `{fault-${randomBytes(4).toString('hex')}}`;
  const queues = deadlineQueues(prefix);
  const workerEnv = (databaseUrl = database.url) => ({
    DATABASE_URL: databaseUrl,
    DB_POOL_SIZE: '6',
    REDIS_URL: TEST_REDIS_URL,
    QUEUE_PREFIX: prefix,
    JWT_SECRET: randomBytes(32).toString('hex'),
    RECONCILE_INTERVAL_SECONDS: String(reconcileSeconds),
    // A killed worker's jobs come back within seconds instead of BullMQ's default half-minute.
    JOB_LOCK_SECONDS: '5',
  });

  return {
    database,
    client,
    queues,
    workerEnv,
    /** Seeds open votes and enqueues their delayed close jobs. */
    async openVotes(options: SeedOptions): Promise<string[]> {
      const ids = await seedOpenVotes(client, options);
      await queues.schedule(
        ids.map(
          (id) =>
            voteDeadlineJobs({
              id,
              version: 1,
              opensAt: new Date(0),
              closesAt: options.closesAt,
            })[1],
        ),
      );
      return ids;
    },
    outcomes: (ids: string[]) => voteOutcomes(client, ids),
    async dispose(): Promise<void> {
      await queues.flush();
      await queues.close();
      await client.end();
      await database.drop();
    },
  };
}

/** Every vote tallied once: one close, one result, counts that agree. */
export function expectClosedAndTalliedOnce(
  outcomes: Awaited<ReturnType<typeof voteOutcomes>>,
  ballotsPerVote: number,
): void {
  for (const vote of outcomes) {
    expect(vote).toMatchObject({
      status: 'tallied',
      results: 1,
      closings: 1,
      participations: ballotsPerVote,
      ballots: ballotsPerVote,
      resultBallots: ballotsPerVote,
      lateParticipations: 0,
    });
  }
}

export async function poll(
  probe: () => Promise<boolean>,
  timeoutMs: number,
  what: string,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
