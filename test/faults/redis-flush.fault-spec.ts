import { killHard, startWorker, WorkerProcess } from './worker-process';
import { expectClosedAndTalliedOnce, faultWorld, poll } from './fault-fixture';

const INTERVAL_SECONDS = 2;
const VOTES = 30;
const BALLOTS = 50;

/**
 * Every key of the app's queues deleted while deadlines are pending (this
 * app's prefix only: the Redis is shared). PostgreSQL still knows the votes
 * are open and when they close, so the reconciler enqueues each overdue close
 * within one interval of its date.
 */
describe('fault: Redis loses the queues (FLUSHALL of this prefix) with deadlines pending', () => {
  let world: Awaited<ReturnType<typeof faultWorld>>;
  let worker: WorkerProcess;

  beforeAll(async () => {
    world = await faultWorld(INTERVAL_SECONDS);
    worker = await startWorker(world.workerEnv());
  });
  afterAll(async () => {
    await killHard(worker);
    await world.dispose();
  });

  it('restores every lost close within one reconcile interval, and each vote closes once', async () => {
    const closesAt = new Date(Date.now() + 3000);
    const ids = await world.openVotes({
      votes: VOTES,
      rollSize: BALLOTS,
      ballotsPerVote: BALLOTS,
      closesAt,
    });
    const deadlines = world.queues.queue('deadlines' as never);
    expect(await deadlines.getDelayedCount()).toBe(VOTES);
    expect(await world.queues.flush()).toBeGreaterThan(0);
    expect(await deadlines.getDelayedCount()).toBe(0);

    await poll(
      async () => (await world.outcomes(ids)).every((v) => v.status === 'tallied'),
      closesAt.getTime() - Date.now() + INTERVAL_SECONDS * 1000 + 10_000,
      'every vote tallied',
    );
    const outcomes = await world.outcomes(ids);
    expectClosedAndTalliedOnce(outcomes, BALLOTS);
    // Lost jobs cost at most one interval (plus the close itself), never the close.
    const worstLagMs = Math.max(...outcomes.map((v) => v.closedLagMs ?? Infinity));
    expect(worstLagMs).toBeLessThan(INTERVAL_SECONDS * 1000 + 3000);
  });
});
