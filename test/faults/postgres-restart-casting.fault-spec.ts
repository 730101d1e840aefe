import { createHash, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { AuditService } from '@delibera/audit';
import { Role } from '@delibera/kernel';
import { staffToken } from '../factories';
import { CAST, closeVote, openVote, scheduleVote, votersIn } from '../factories/votes';
import { GraphQLResponse, startTestApp, TestApp } from '../e2e/test-app';
import { TEST_SERVER_URL } from '../setup/test-database';
import { poll } from './fault-fixture';
import { TcpProxy } from './tcp-proxy';

const VOTERS = 120;
/** The database is cut once this many ballots are in, so the outage lands mid-casting. */
const CUT_AFTER = 40;
/** How long the database stays away: the length of a quick restart. */
const OUTAGE_MS = 3000;
const RETRY_PAUSE_MS = 100;

type CastResponse = GraphQLResponse<{ castBallot: { receipt: string } }>;

interface Attempt {
  status: number;
  code?: string;
  retryable?: unknown;
  message?: string;
}

/**
 * PostgreSQL restarts while members are casting: the API reaches its database
 * through a proxy the test cuts (every connection dropped, new ones refused)
 * and restores a few seconds later, as a restart would, without touching the
 * shared server. Each member is a client that retries what the API says is
 * retryable.
 */
describe('fault: PostgreSQL restarts during casting', () => {
  let proxy: TcpProxy;
  let app: TestApp;
  let db: Client;

  beforeAll(async () => {
    const server = new URL(TEST_SERVER_URL);
    proxy = new TcpProxy(server.hostname, Number(server.port || 5432));
    const port = await proxy.start();
    app = await startTestApp(
      {},
      {
        connectVia: (url) => {
          const viaProxy = new URL(url);
          viaProxy.port = String(port);
          return viaProxy.toString();
        },
      },
    );
    db = new Client({ connectionString: app.databaseUrl });
    await db.connect();
  });
  afterAll(async () => {
    await db?.end();
    await app?.close();
    await proxy?.stop();
  });

  it('answers TEMPORARILY_UNAVAILABLE (never INTERNAL), writes nothing by halves, and takes every ballot once on retry', async () => {
    const secretary = await staffToken(app, [Role.Secretary]);
    const voters = await votersIn(app, VOTERS);
    const vote = await scheduleVote(app, secretary, {
      electorateKind: 'AllMembers',
      subjectType: 'Referendum',
      decisionType: 'Referendum',
      rules: { secrecy: 'Secret' },
    });
    await openVote(app, secretary, vote.id);

    let accepted = 0;
    let outage: Promise<void> | undefined;
    const cutOnce = () => {
      outage ??= (async () => {
        await proxy.cut();
        await new Promise((resolve) => setTimeout(resolve, OUTAGE_MS));
        await proxy.start();
      })();
    };

    /** One member: casts, and on a retryable error pauses and casts again, under the same request id. */
    const member = async (token: string) => {
      const attempts: Attempt[] = [];
      const clientRequestId = randomUUID();
      const deadline = Date.now() + 30_000;
      for (;;) {
        const response = await fetch(app.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({
            query: CAST,
            variables: { input: { voteId: vote.id, ballot: { option: 'yes' }, clientRequestId } },
          }),
        });
        const body = (await response.json()) as CastResponse;
        const error = body.errors?.[0];
        attempts.push({
          status: response.status,
          code: error?.extensions?.code,
          retryable: error?.extensions?.retryable,
          message: error?.message,
        });
        if (!error) {
          if (++accepted === CUT_AFTER) cutOnce();
          return { attempts, receipt: body.data!.castBallot.receipt };
        }
        if (!error.extensions?.retryable || Date.now() > deadline) return { attempts };
        await new Promise((resolve) => setTimeout(resolve, RETRY_PAUSE_MS));
      }
    };

    const outcomes = await Promise.all(voters.map((v) => member(v.token)));
    await outage;

    const all = outcomes.flatMap((o) => o.attempts);
    const failed = all.filter((a) => a.code !== undefined);
    // The outage was felt, and felt only as a retryable unavailability in the caller's language.
    expect(failed.length).toBeGreaterThan(0);
    expect(all.every((a) => a.status === 200)).toBe(true);
    for (const attempt of failed) {
      expect(attempt).toMatchObject({
        code: 'TEMPORARILY_UNAVAILABLE',
        retryable: true,
        message: expect.stringMatching(/^Le service est momentanément indisponible/),
      });
    }

    // Every member ends with a receipt, even one whose ballot was committed while the
    // reply was lost to the cut: their retry carries the same request id, so it gets
    // that ballot's receipt instead of ALREADY_VOTED.
    expect(outcomes.filter((o) => !o.receipt)).toEqual([]);
    // Members turned away by the outage were taken once it was over.
    const recovered = outcomes.filter(
      (o) => o.receipt && o.attempts.some((a) => a.code === 'TEMPORARILY_UNAVAILABLE'),
    );
    expect(recovered.length).toBeGreaterThan(0);

    // Nothing half-written, nothing twice: one participation and one ballot with its
    // receipt per member, and every receipt a member holds is a stored ballot's.
    const [counts] = (
      await db.query(
        `SELECT (SELECT count(*)::int FROM participation WHERE vote_id = $1) AS participations,
                (SELECT count(DISTINCT member_id)::int FROM participation WHERE vote_id = $1) AS members,
                (SELECT count(*)::int FROM ballot WHERE vote_id = $1) AS ballots,
                (SELECT count(DISTINCT receipt_hash)::int FROM ballot WHERE vote_id = $1) AS receipts`,
        [vote.id],
      )
    ).rows;
    expect(counts).toEqual({
      participations: VOTERS,
      members: VOTERS,
      ballots: VOTERS,
      receipts: VOTERS,
    });
    const held = outcomes
      .filter((o) => o.receipt)
      .map((o) => createHash('sha256').update(o.receipt!).digest('hex'));
    const { rows } = await db.query(
      'SELECT count(*)::int AS found FROM ballot WHERE vote_id = $1 AND receipt_hash = ANY($2)',
      [vote.id, held],
    );
    expect(rows[0].found).toBe(held.length);

    // The API recovered by itself: the close is audited once, the tally's check of the
    // same counts too, and the audit chain written across the outage verifies.
    const ready = new URL('/ready', app.url).toString();
    await poll(async () => (await fetch(ready)).status === 200, 10_000, '/ready answering 200');
    await closeVote(app, secretary, vote.id);
    const audited = (action: string) =>
      db.query(`SELECT data FROM audit_event WHERE entity_id = $1 AND action = $2`, [
        vote.id,
        action,
      ]);
    expect((await audited('vote.closed')).rows).toHaveLength(1);
    await poll(
      async () =>
        (await db.query(`SELECT status FROM vote WHERE id = $1`, [vote.id])).rows[0].status ===
        'tallied',
      20_000,
      'the vote tallied',
    );
    const tallied = await audited('vote.tallied');
    expect(tallied.rows).toHaveLength(1);
    expect(tallied.rows[0].data).toMatchObject({
      participations: VOTERS,
      ballots: VOTERS,
      receipts: VOTERS,
    });
    expect((await app.app.get(AuditService).verify()).valid).toBe(true);
  });
});
