import { TcpProxy } from './tcp-proxy';
import { killHard, startWorker, WorkerProcess } from './worker-process';
import { expectClosedAndTalliedOnce, faultWorld, poll } from './fault-fixture';

const VOTES = 20;
const BALLOTS = 50;

/**
 * PostgreSQL goes away just as votes are due to close (the worker reaches it
 * through a proxy the test cuts, so the shared server keeps running), then
 * comes back: the close jobs fail, are retried with backoff, and succeed.
 */
describe('fault: PostgreSQL unavailable mid-run', () => {
  let world: Awaited<ReturnType<typeof faultWorld>>;
  let proxy: TcpProxy;
  let worker: WorkerProcess;

  beforeAll(async () => {
    world = await faultWorld(60);
    const target = new URL(world.database.url);
    proxy = new TcpProxy(target.hostname, Number(target.port || 5432));
    const port = await proxy.start();
    const viaProxy = new URL(world.database.url);
    viaProxy.port = String(port);
    worker = await startWorker(world.workerEnv(viaProxy.toString()));
  });
  afterAll(async () => {
    await killHard(worker);
    await proxy.stop();
    await world.dispose();
  });

  it('retries the failed jobs after the outage; every vote is closed and tallied once', async () => {
    const closesAt = new Date(Date.now() + 2000);
    const ids = await world.openVotes({
      votes: VOTES,
      rollSize: BALLOTS,
      ballotsPerVote: BALLOTS,
      closesAt,
    });
    await new Promise((resolve) => setTimeout(resolve, closesAt.getTime() - Date.now() - 300));
    await proxy.cut();
    const ready = await worker.get('/ready');
    expect(ready.status).toBe(503);
    expect(JSON.parse(ready.text).error.database.status).toBe('down');
    await new Promise((resolve) => setTimeout(resolve, 4000));
    await proxy.start();

    await poll(
      async () => (await world.outcomes(ids)).every((v) => v.status === 'tallied'),
      60_000,
      'every vote tallied after the outage',
    );
    expectClosedAndTalliedOnce(await world.outcomes(ids), BALLOTS);
    const metrics = (await worker.get('/metrics')).text;
    const failures = /delibera_job_failures_total\{queue="deadlines",job="vote.close"\} (\d+)/.exec(
      metrics,
    );
    expect(Number(failures?.[1])).toBeGreaterThan(0);
    expect((await worker.get('/ready')).status).toBe(200);
  });
});
