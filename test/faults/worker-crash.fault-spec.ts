import { killHard, startWorker } from './worker-process';
import { expectClosedAndTalliedOnce, faultWorld, poll } from './fault-fixture';

const VOTES = 60;
const BALLOTS = 400;

/**
 * SIGKILL the worker while it is closing a batch of votes, start another: its
 * transactions rolled back with it, the jobs it held are retried once their
 * lock expires (BullMQ's stalled-job check), and each vote still ends closed
 * and tallied exactly once. The votes close together in one sweep
 * transaction (all or none), so the kill lands once the sweep has committed
 * and while the tallies are still being counted: the first worker counts
 * one tally at a time so that moment lasts seconds, not a fraction of the
 * probe's interval, on however fast a machine.
 */
describe('fault: the worker is killed (SIGKILL) mid-way through closing votes', () => {
  let world: Awaited<ReturnType<typeof faultWorld>>;

  beforeAll(async () => {
    world = await faultWorld(60);
  });
  afterAll(() => world.dispose());

  it('every vote ends closed and tallied exactly once after a restart', async () => {
    let worker = await startWorker({ ...world.workerEnv(), WORKER_CONCURRENCY: '1' });
    const ids = await world.openVotes({
      votes: VOTES,
      rollSize: BALLOTS + 20,
      ballotsPerVote: BALLOTS,
      closesAt: new Date(Date.now() + 2000),
    });
    const countOf = async (status: string) =>
      (await world.outcomes(ids)).filter((v) => v.status === status).length;
    await poll(async () => (await countOf('open')) < VOTES, 30_000, 'the sweep closes');
    await killHard(worker);
    expect(await countOf('open')).toBe(0); // one sweep: all closed together, none left half-way
    expect(await countOf('tallied')).toBeLessThan(VOTES); // killed mid-way through the tallies

    worker = await startWorker(world.workerEnv());
    try {
      await poll(
        async () => (await world.outcomes(ids)).every((v) => v.status === 'tallied'),
        150_000,
        'every vote tallied after the restart',
      );
      expectClosedAndTalliedOnce(await world.outcomes(ids), BALLOTS);
    } finally {
      await killHard(worker);
    }
  }, 240_000);
});
