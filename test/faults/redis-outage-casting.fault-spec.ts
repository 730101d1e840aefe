import { Client } from 'pg';
import { Role } from '@delibera/kernel';
import { staffToken } from '../factories';
import {
  allowVotesOfSeconds,
  castBallot,
  openVote,
  scheduleVote,
  votersIn,
} from '../factories/votes';
import { errorCode, ok, startTestApp, TestApp } from '../e2e/test-app';
import { TEST_REDIS_URL } from '../support/deadline-queue';
import { startSmtpSink } from '../support/smtp-sink';
import { poll } from './fault-fixture';
import { TcpProxy } from './tcp-proxy';

const VOTERS = 40;
const ABSTAINERS = 5;
/** The reminder before close; the vote is scheduled so that it falls due during the outage. */
const REMINDER_SECONDS = 30;
const DUE_IN_MS = 8000;
/** No request may wait for Redis: each answers well within this even with Redis gone. */
const PROMPT_MS = 5000;
const INVITE = `mutation ($input: MemberFieldsInput!) { inviteMember(input: $input) { id } }`;

/** Resolves with the promise's value and how long it took; fails if it takes longer than `ms`. */
async function within<T>(ms: number, what: string, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} still waiting after ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Redis goes away while members cast: the API under test reaches Redis through
 * a proxy the test cuts (the shared Redis keeps running for everyone else).
 * Casting must not notice; a notification written during the outage (an
 * invitation) and one that falls due during it (a vote reminder) wait in
 * PostgreSQL and are delivered once Redis is back, and a vote that closed
 * meanwhile is closed and tallied with every ballot.
 */
describe('fault: Redis down during casting', () => {
  let proxy: TcpProxy;
  let app: TestApp;
  let db: Client;
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;

  beforeAll(async () => {
    const redis = new URL(TEST_REDIS_URL);
    proxy = new TcpProxy(redis.hostname, Number(redis.port || 6379));
    const port = await proxy.start();
    smtp = await startSmtpSink();
    app = await startTestApp({
      REDIS_URL: `redis://127.0.0.1:${port}`,
      SMTP_URL: smtp.url,
      RECONCILE_INTERVAL_SECONDS: '2',
      VOTE_REMINDERS: `${REMINDER_SECONDS}s`,
      // Low enough to see the in-memory fallback refuse a member's third try.
      BALLOTS_PER_ACCOUNT_PER_MINUTE: '2',
    });
    db = new Client({ connectionString: app.databaseUrl });
    await db.connect();
    await allowVotesOfSeconds(app.dataSource);
  });
  afterAll(async () => {
    await db?.end();
    // Closing the app's queues needs Redis: bring it back if the test stopped mid-outage.
    if (proxy && !proxy.listening) await proxy.start();
    await app?.close();
    await proxy?.stop();
    await smtp?.stop();
  });

  it('accepts every ballot without Redis; once it is back, delivers the invitation and the reminders and closes the vote that fell due', async () => {
    const secretary = await staffToken(app, [Role.Secretary]);
    const voters = await votersIn(app, VOTERS);
    const abstainers = await votersIn(app, ABSTAINERS);
    const remindAt = Date.now() + DUE_IN_MS;
    const referendum = (closesAt: number) =>
      scheduleVote(app, secretary, {
        electorateKind: 'AllMembers',
        subjectType: 'Referendum',
        decisionType: 'Referendum',
        rules: { secrecy: 'Secret' },
        opensAt: new Date(Date.now() - 1000).toISOString(),
        closesAt: new Date(closesAt).toISOString(),
      });
    // One vote whose reminder falls due during the outage, one that closes during it.
    const vote = await referendum(remindAt + REMINDER_SECONDS * 1000);
    const closing = await referendum(remindAt);
    await openVote(app, secretary, vote.id);
    await openVote(app, secretary, closing.id);
    // Both openings are told to every member while Redis is up (vote-opened.int-spec.ts).
    const unsentOpenings = async () =>
      (
        await db.query(
          `SELECT count(*)::int AS n FROM notification WHERE kind = 'vote_opened' AND sent_at IS NULL`,
        )
      ).rows[0].n as number;
    await poll(async () => (await unsentOpenings()) === 0, 20_000, 'the openings delivered');
    const sentBeforeOutage = smtp.received.length;

    await proxy.cut();

    // Every member casts at once in both votes (all but the first in the closing one);
    // each ballot is taken promptly, rate limits counted in memory.
    const receipts = await within(
      PROMPT_MS,
      'casting',
      Promise.all([
        ...voters.map((v) => castBallot(app, v.token, vote.id, { option: 'yes' })),
        ...voters.slice(1).map((v) => castBallot(app, v.token, closing.id, { option: 'no' })),
      ]),
    );
    for (const response of receipts)
      expect(ok(response).castBallot.receipt).toMatch(/^[0-9a-f]{32}$/);
    const [counts] = (
      await db.query(
        `SELECT (SELECT count(*)::int FROM participation WHERE vote_id = $1) AS participations,
                (SELECT count(*)::int FROM ballot WHERE vote_id = $1) AS ballots`,
        [vote.id],
      )
    ).rows;
    expect(counts).toEqual({ participations: VOTERS, ballots: VOTERS });

    // The rate limit still holds, counted in this process's memory while Redis is away.
    const again = () => castBallot(app, voters[0].token, vote.id, { option: 'no' });
    expect(errorCode(await again())).toBe('ALREADY_VOTED');
    expect(errorCode(await again())).toBe('RATE_LIMITED');

    // The secretary's invitation is committed at once; its email waits in the outbox.
    const invited = ok(
      await within(
        PROMPT_MS,
        'the invitation',
        app.gql<{ inviteMember: { id: string } }>(
          INVITE,
          {
            input: {
              kind: 'Person',
              displayName: 'Josée Tremblay',
              email: 'invitee@example.org',
              college: 'individuals',
              region: '01',
            },
          },
          { token: secretary },
        ),
      ),
    );

    // The reminder falls due while Redis is still away: nothing can be sent yet.
    await poll(async () => Date.now() > remindAt + 1000, DUE_IN_MS + 2000, 'the reminder due');
    const pending = await db.query(
      `SELECT kind, sent_at FROM notification WHERE recipient_member_id = $1`,
      [invited.inviteMember.id],
    );
    expect(pending.rows).toEqual([{ kind: 'invitation', sent_at: null }]);
    expect(smtp.received).toHaveLength(sentBeforeOutage);
    // The closing vote's window is checked by database time: past it, a ballot is
    // refused though no close job could run yet.
    expect(
      errorCode(await castBallot(app, abstainers[0].token, closing.id, { option: 'no' })),
    ).toBe('VOTE_CLOSED');
    const status = async (id: string) =>
      (await db.query(`SELECT status FROM vote WHERE id = $1`, [id])).rows[0].status as string;
    expect(await status(closing.id)).toBe('open');

    await proxy.start();

    // Once Redis is back the reconciler re-kicks the outbox and runs the overdue reminder.
    const abstainerEmails = abstainers.map((a) => a.member.email).sort();
    await poll(
      async () =>
        smtp.received.some((m) => m.to.includes('invitee@example.org')) &&
        abstainerEmails.every((email) =>
          smtp.received.some((m) => m.to.includes(email) && m.subject.startsWith('Rappel')),
        ),
      30_000,
      'the invitation and the reminders delivered',
    );
    const invitation = smtp.received.find((m) => m.to.includes('invitee@example.org'));
    expect(invitation?.subject).toMatch(/^Invitation à rejoindre/);
    // Only members who had not voted are reminded: the ballots cast without Redis count.
    const reminded = smtp.received
      .filter((m) => m.subject.startsWith('Rappel'))
      .flatMap((m) => m.to)
      .sort();
    expect(reminded).toEqual(abstainerEmails);
    // Each is marked sent in the transaction that delivered it, just after the mail left.
    const outbox = async () =>
      (
        await db.query(
          `SELECT count(*) FILTER (WHERE sent_at IS NULL)::int AS unsent, count(*)::int AS total
             FROM notification WHERE kind NOT IN ('vote_opened', 'vote_result_published')`,
        )
      ).rows[0] as { unsent: number; total: number };
    await poll(async () => (await outbox()).unsent === 0, 10_000, 'the outbox drained');
    expect(await outbox()).toEqual({ unsent: 0, total: 1 + ABSTAINERS });
    // The close and the tally missed during the outage run too, with every ballot.
    await poll(async () => (await status(closing.id)) === 'tallied', 20_000, 'the vote tallied');
    const result = await db.query(
      `SELECT r.participations, r.ballots FROM vote_result r WHERE r.vote_id = $1`,
      [closing.id],
    );
    expect(result.rows).toEqual([{ participations: VOTERS - 1, ballots: VOTERS - 1 }]);
    // And its roll is told the result is out, once each.
    const announced = async () =>
      (
        await db.query(
          `SELECT (SELECT count(*)::int FROM notification WHERE kind = 'vote_result_published'
                     AND dedupe_key LIKE 'vote-result:' || $1::text || ':%') AS notices,
                  (SELECT count(*)::int FROM vote_roll WHERE vote_id = $1::uuid) AS roll`,
          [closing.id],
        )
      ).rows[0] as { notices: number; roll: number };
    await poll(async () => (await announced()).notices > 0, 20_000, 'the result announced');
    const { notices, roll } = await announced();
    expect(notices).toBe(roll);
    const ready = new URL('/ready', app.url).toString();
    await poll(async () => (await fetch(ready)).status === 200, 10_000, '/ready answering 200');
  });
});
