import { getQueueToken } from '@nestjs/bullmq';
import { Job, Queue } from 'bullmq';
import { JobName, QueueName } from '@delibera/kernel';
import { Member } from '@delibera/membership';
import {
  NewNotification,
  NOTIFICATION_DIGEST_SCHEDULER,
  NotificationKind,
  NotificationsService,
} from '@delibera/notifications';
import { ok, TestApp, startTestApp } from '../e2e/test-app';
import { waitFor } from '../deadlines/vote-fixtures';
import { createAccount, createMember, signIn } from '../factories';
import { startSmtpSink } from '../support/smtp-sink';

const PREFERENCES = `mutation ($input: NotificationPreferencesInput!) {
  updateNotificationPreferences(input: $input) { emailDisabledKinds emailDigest } }`;

/**
 * The daily digest, through a real SMTP conversation: the outbox drain holds a
 * Daily member's digestible emails, the digest job (real BullMQ) sends one
 * message per member and day, and the reconciler catches up a missed one.
 */
describe('daily email digest', () => {
  let app: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  let queue: Queue;
  const mailTo = (member: Member) => smtp.received.filter((m) => m.to.includes(member.email));
  const digests = () =>
    smtp.received.filter((m) => /résumé quotidien|daily digest/.test(m.subject));

  beforeAll(async () => {
    smtp = await startSmtpSink();
    app = await startTestApp({
      SMTP_URL: smtp.url,
      NOTIFICATION_DIGEST_HOUR: '7',
      RECONCILE_INTERVAL_SECONDS: '1',
    });
    queue = app.app.get<Queue>(getQueueToken(QueueName.Notifications));
  });
  afterAll(async () => {
    await app.close();
    await smtp.stop();
  });

  async function dailyMember(locale: 'fr' | 'en', displayName: string): Promise<Member> {
    const member = await createMember(app.dataSource, { locale, displayName });
    const account = await createAccount(app.dataSource, { member });
    const token = await signIn(app, account.email);
    const input = { emailDisabledKinds: [], emailDigest: 'Daily' };
    expect(ok(await app.gql(PREFERENCES, { input }, { token }))).toEqual({
      updateNotificationPreferences: { emailDisabledKinds: [], emailDigest: 'Daily' },
    });
    return member;
  }

  function notice(member: Member, kind: NotificationKind, key: string, title: string) {
    const { id, email, locale, displayName } = member;
    return {
      kind,
      dedupeKey: `${key}:${id}`,
      recipientEmail: email,
      recipientMemberId: id,
      locale,
      params: {
        name: displayName,
        title,
        closesAt: '2026-11-24T19:05:00Z',
        link: `http://localhost:3000/${key}`,
        startsAt: '2026-12-01 19:00',
        endsAt: '2026-12-01 21:00',
        agenda: '1. Ouverture',
      },
    } satisfies NewNotification;
  }

  async function notify(notices: NewNotification[]): Promise<void> {
    const notifications = app.app.get(NotificationsService);
    await app.dataSource.transaction((manager) => notifications.enqueue(manager, notices));
    await notifications.kick();
  }

  /** Until the drain has handled every row: sent, or set aside for a digest. */
  const drained = () =>
    waitFor(
      async () =>
        (
          await app.dataSource.query(
            `SELECT 1 FROM notification WHERE sent_at IS NULL AND NOT in_digest`,
          )
        ).length === 0,
      10_000,
      'drain',
    );

  async function runDigestJob(jobId: string): Promise<Job> {
    const job = await queue.add(JobName.SendNotificationDigests, {}, { jobId });
    await waitFor(async () => (await job.getState()) === 'completed', 10_000, jobId);
    return (await queue.getJob(jobId))!;
  }

  it('holds a Daily member’s emails for one digest a day in their language; reminders go at once', async () => {
    expect(await queue.getJobScheduler(NOTIFICATION_DIGEST_SCHEDULER)).toMatchObject({
      pattern: '0 7 * * *',
      tz: 'America/Montreal',
    });
    const daily = await dailyMember('fr', 'Alice Quotidienne');
    const dailyEn = await dailyMember('en', 'Bob Daily');
    const immediate = await createMember(app.dataSource, { displayName: 'Chloé Immédiate' });

    await notify([
      ...[daily, dailyEn, immediate].map((m) =>
        notice(m, NotificationKind.VoteOpened, 'budget', 'Budget 2027'),
      ),
      notice(daily, NotificationKind.VoteReminder, 'statuts', 'Statuts'),
    ]);
    await notify(
      [daily, dailyEn].map((m) =>
        notice(m, NotificationKind.AssemblyNotice, 'agm', 'Assemblée annuelle'),
      ),
    );
    await drained();

    // The reminder bypasses the digest; the Immediate member's notice goes as before.
    await waitFor(() => mailTo(immediate).length === 1 && mailTo(daily).length === 1);
    expect(mailTo(immediate)[0].subject).toBe('Vote ouvert : « Budget 2027 »');
    expect(mailTo(daily)[0].subject).toMatch(/^Rappel : le vote « Statuts » se termine le /);
    expect(mailTo(dailyEn)).toEqual([]);
    // Still in the inbox at once: in-app notifications do not wait.
    const [{ inbox }] = await app.dataSource.query(
      `SELECT count(*)::int AS inbox FROM notification WHERE recipient_member_id = $1`,
      [dailyEn.id],
    );
    expect(inbox).toBe(2);

    // Twice, at the same time: each member still gets one digest.
    const [first, second] = await Promise.all([runDigestJob('digest-a'), runDigestJob('digest-b')]);
    expect(first.returnvalue.sent + second.returnvalue.sent).toBe(2);

    expect(digests()).toHaveLength(2);
    const [fr] = mailTo(daily).filter((m) => digests().includes(m));
    expect(fr.language).toBe('fr-CA');
    expect(fr.subject).toBe('Votre résumé quotidien : 2 notifications');
    expect(fr.text).toContain('Bonjour Alice Quotidienne,');
    expect(fr.text).toContain('1. Vote ouvert : « Budget 2027 »\n   http://localhost:3000/budget');
    expect(fr.text).toContain(
      '2. Avis de convocation : Assemblée annuelle\n   http://localhost:3000/agm',
    );
    expect(fr.text).not.toContain('Statuts');
    const [en] = mailTo(dailyEn);
    expect(en.language).toBe('en-CA');
    expect(en.subject).toBe('Your daily digest: 2 notifications');
    expect(en.text).toContain('1. Vote open: “Budget 2027”');
    expect(en.text).toContain('2. Notice of meeting: Assemblée annuelle');
    expect(mailTo(immediate)).toHaveLength(1);

    // A notice after today's digest waits for tomorrow's, however often the job runs.
    await notify([notice(daily, NotificationKind.VoteOpened, 'later', 'Plan vert')]);
    await drained();
    expect((await runDigestJob('digest-c')).returnvalue).toEqual({ sent: 0, failed: 0 });
    expect(digests()).toHaveLength(2);
    expect(
      await app.dataSource.query(
        `SELECT dedupe_key FROM notification WHERE in_digest AND sent_at IS NULL`,
      ),
    ).toEqual([{ dedupe_key: `later:${daily.id}` }]);
  });

  it('keeps the choice when only the muted kinds are updated', async () => {
    const member = await createMember(app.dataSource);
    const account = await createAccount(app.dataSource, { member });
    const token = await signIn(app, account.email);
    const set = (input: Record<string, unknown>) => app.gql(PREFERENCES, { input }, { token });
    ok(await set({ emailDisabledKinds: [], emailDigest: 'Daily' }));
    expect(ok(await set({ emailDisabledKinds: ['VoteOpened'] }))).toEqual({
      updateNotificationPreferences: { emailDisabledKinds: ['VoteOpened'], emailDigest: 'Daily' },
    });
    expect(
      ok(await app.gql('{ myNotificationPreferences { emailDigest } }', {}, { token })),
    ).toEqual({ myNotificationPreferences: { emailDigest: 'Daily' } });
  });

  it('catches up a digest missed at its hour through the reconciler', async () => {
    const late = await dailyMember('fr', 'Denis Tardif');
    await notify([notice(late, NotificationKind.VoteOpened, 'missed', 'Plan vert')]);
    await drained();
    // Written two days ago, the digest of its day never ran: as when no worker was up at the hour.
    await app.dataSource.query(
      `UPDATE notification SET created_at = now() - interval '2 days' WHERE recipient_member_id = $1`,
      [late.id],
    );
    await waitFor(() => mailTo(late).length === 1, 10_000, 'the overdue digest');
    expect(mailTo(late)[0].subject).toBe('Votre résumé quotidien : 1 notification');
  });
});
