import Redis from 'ioredis';
import { AppConfig, AuthUser } from '@delibera/kernel';
import { signedInMember } from '../factories';
import { allowVotesOfSeconds, castBallot } from '../factories/votes';
import { ok, startTestApp, TestApp } from '../e2e/test-app';
import { LocalRedisCluster, startRedisCluster } from '../support/redis-cluster';
import { inMs, scheduleYesNo, secretary, untilVoteIs, voteRow } from './vote-fixtures';

/**
 * The platform on a real Redis Cluster of three masters (REDIS_CLUSTER_NODES):
 * the deadlines' BullMQ jobs, the workers and the rate limits all run on it,
 * and the prefix's hash tag keeps every key of this app on one node, as the
 * Lua scripts of BullMQ need.
 */
describe('on a real Redis Cluster', () => {
  let cluster: LocalRedisCluster;
  let app: TestApp;
  let appClosed = false;
  let actor: AuthUser;

  beforeAll(async () => {
    cluster = await startRedisCluster();
    app = await startTestApp({
      REDIS_CLUSTER_NODES: cluster.nodes,
      RECONCILE_INTERVAL_SECONDS: '600',
    });
    await allowVotesOfSeconds(app.dataSource);
    actor = await secretary(app.dataSource);
  });
  afterAll(async () => {
    if (app && !appClosed) await app.close();
    await cluster?.stop();
  });

  /** Runs a command on each node with a client of its own, closed after. */
  const onEachNode = <T>(command: (node: Redis) => Promise<T>) =>
    Promise.all(
      cluster.ports.map(async (port) => {
        const node = new Redis({ port, host: '127.0.0.1' });
        try {
          return await command(node);
        } finally {
          node.disconnect();
        }
      }),
    );

  it('opens and closes a vote on time by its jobs, takes ballots under the rate limits, and keeps the keys on one node', async () => {
    // Signing in goes through the login rate limits, on the cluster.
    const [alice, bruno] = [await signedInMember(app), await signedInMember(app)];
    const vote = await scheduleYesNo(app, actor, { opensAt: inMs(1500), closesAt: inMs(5000) });
    await untilVoteIs(app.dataSource, vote.id, 'open', 10_000);
    for (const voter of [alice, bruno]) {
      ok(await castBallot(app, voter.token, vote.id, { option: 'yes' }));
    }
    await untilVoteIs(app.dataSource, vote.id, 'tallied', 15_000);
    const closed = await voteRow(app.dataSource, vote.id);
    expect(closed.closedAt!.getTime()).toBeGreaterThanOrEqual(vote.closesAt.getTime());
    const [result] = await app.dataSource.query(
      `SELECT outcome, participations, ballots FROM vote_result WHERE vote_id = $1`,
      [vote.id],
    );
    expect(result).toEqual({ outcome: 'adopted', participations: 2, ballots: 2 });

    // Queues and rate limits share the prefix's hash tag: one slot, so one node holds them all.
    const prefix = app.app.get(AppConfig).QUEUE_PREFIX;
    const keysPerNode = await onEachNode(async (node) => {
      const keys: string[] = [];
      let cursor = '0';
      do {
        const [next, found] = await node.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
        keys.push(...found);
        cursor = next;
      } while (cursor !== '0');
      return keys;
    });
    const holding = keysPerNode.filter((keys) => keys.length > 0);
    expect(holding).toHaveLength(1);
    expect(holding[0]).toEqual(
      expect.arrayContaining([
        expect.stringContaining(':deadlines:'),
        expect.stringContaining(':rl:'),
      ]),
    );

    // Closed, the app leaves no client on the cluster: BullMQ does not close the Cluster
    // clients it is handed, which would otherwise refresh their slots forever.
    await app.close();
    appClosed = true;
    const clients = await onEachNode(async (node) =>
      String(await node.client('LIST'))
        .trim()
        .split('\n'),
    );
    expect(clients.map((list) => list.length)).toEqual([1, 1, 1]);
  });
});
