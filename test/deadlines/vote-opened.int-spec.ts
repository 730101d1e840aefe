import { getQueueToken } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import { JobName, QueueName } from '@delibera/kernel';
import { MemberStatus } from '@delibera/membership';
import { createMember, signedInMember } from '../factories';
import { ok, startTestApp, TestApp } from '../e2e/test-app';
import { startSmtpSink } from '../support/smtp-sink';
import { inMs, scheduleYesNo, secretary, voteRow, waitFor } from './vote-fixtures';

const DAY_MS = 24 * 3600 * 1000;
const INBOX = '{ myNotifications(first: 10) { totalCount edges { node { kind subject body } } } }';
const MUTE = `mutation { updateNotificationPreferences(input: { emailDisabledKinds: [VoteOpened] }) {
  emailDisabledKinds } }`;

type Inbox = {
  myNotifications: { totalCount: number; edges: { node: { kind: string; subject: string } }[] };
};

/**
 * "Vote opened" to the electorate, end to end: open job → outbox written in
 * the opening transaction → a real SMTP conversation with a local server, and
 * the member's inbox.
 */
describe('vote opened: every member of the roll is told, once, in their language', () => {
  let app: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;

  beforeAll(async () => {
    smtp = await startSmtpSink();
    app = await startTestApp({ SMTP_URL: smtp.url, RECONCILE_INTERVAL_SECONDS: '1' });
  });
  afterAll(async () => {
    await app.close();
    await smtp.stop();
  });

  it('emails fr and en members, keeps a muted member in-app only, and skips who is not on the roll', async () => {
    const fr = await createMember(app.dataSource, { locale: 'fr', displayName: 'Élise Tremblay' });
    const en = await createMember(app.dataSource, { locale: 'en', displayName: 'Ann Smith' });
    const { member: muted, token } = await signedInMember(app);
    ok(await app.gql(MUTE, {}, { token }));
    const suspended = await createMember(app.dataSource, { status: MemberStatus.Suspended });

    const vote = await scheduleYesNo(app, await secretary(app.dataSource), {
      opensAt: inMs(500),
      closesAt: new Date(Date.now() + 15 * DAY_MS),
      title: 'Budget 2027',
    });
    const mailTo = (email: string) => smtp.received.filter((m) => m.to.includes(email));
    await waitFor(() => mailTo(fr.email).length + mailTo(en.email).length === 2, 15_000, 'mail');
    expect((await voteRow(app.dataSource, vote.id)).status).toBe('open');

    const [french] = mailTo(fr.email);
    expect(french.language).toBe('fr-CA');
    expect(french.subject).toBe('Vote ouvert : « Budget 2027 »');
    expect(french.text).toContain('Bonjour Élise Tremblay,\n\nLe vote « Budget 2027 » est ouvert.');
    expect(french.text).toMatch(/Vous pouvez voter jusqu'au .+ \(heure de l'Est\)\./);
    expect(french.text).toContain(`/votes/${vote.id}`);
    const [english] = mailTo(en.email);
    expect(english.language).toBe('en-CA');
    expect(english.subject).toBe('Vote open: “Budget 2027”');
    expect(english.text).toContain('Hello Ann Smith,\n\nThe vote “Budget 2027” is open.');

    // The muted member has it in the portal, not by email; the suspended member, nowhere.
    await waitFor(
      async () =>
        (
          await app.dataSource.query(
            `SELECT 1 FROM notification WHERE recipient_member_id = $1 AND email_skipped`,
            [muted.id],
          )
        ).length === 1,
      10_000,
      'the muted notice settled',
    );
    expect(mailTo(muted.email)).toHaveLength(0);
    const inbox = ok(await app.gql<Inbox>(INBOX, {}, { token })).myNotifications;
    expect(inbox.totalCount).toBe(1);
    expect(inbox.edges[0].node).toMatchObject({
      kind: 'VoteOpened',
      subject: 'Vote ouvert : « Budget 2027 »',
    });
    expect(mailTo(suspended.email)).toHaveLength(0);
    const [{ toSuspended }] = await app.dataSource.query(
      `SELECT count(*)::int AS "toSuspended" FROM notification WHERE recipient_member_id = $1`,
      [suspended.id],
    );
    expect(toSuspended).toBe(0);

    // Written in the opening transaction: one notice per roll entry, no more.
    const [{ notices, roll }] = await app.dataSource.query(
      `SELECT (SELECT count(*)::int FROM notification WHERE kind = 'vote_opened'
                 AND dedupe_key LIKE 'vote-opened:' || $1::text || ':%') AS notices,
              (SELECT count(*)::int FROM vote_roll WHERE vote_id = $1::uuid) AS roll`,
      [vote.id],
    );
    expect(roll).toBe(3);
    expect(notices).toBe(roll);
  });

  it('an open job delivered again sends nothing more', async () => {
    const member = await createMember(app.dataSource, { locale: 'en' });
    const vote = await scheduleYesNo(app, await secretary(app.dataSource), {
      opensAt: inMs(300),
      closesAt: new Date(Date.now() + 15 * DAY_MS),
    });
    await waitFor(
      () => smtp.received.some((m) => m.to.includes(member.email)),
      15_000,
      'the first notice',
    );
    const queue = app.app.get<Queue>(getQueueToken(QueueName.Deadlines));
    const again = await queue.add(
      JobName.OpenVote,
      { id: vote.id, transition: 'open', version: 1 },
      { jobId: `vote.${vote.id}.open.v1.again` },
    );
    await waitFor(async () => (await again.getState()) === 'completed', 10_000, 'duplicate');
    expect((await queue.getJob(again.id!))?.returnvalue).toEqual({ opened: false });
    // Give a second delivery every chance to happen before counting.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(smtp.received.filter((m) => m.to.includes(member.email))).toHaveLength(1);
  });
});
