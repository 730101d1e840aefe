import { getQueueToken } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import { JobName, QueueName } from '@delibera/kernel';
import { BallotBoxService } from '@delibera/voting';
import { createMember } from '../factories';
import { allowVotesOfSeconds } from '../factories/votes';
import { startTestApp, TestApp } from '../e2e/test-app';
import { startSmtpSink } from '../support/smtp-sink';
import { inMs, scheduleYesNo, secretary, untilVoteIs, voterOf, waitFor } from './vote-fixtures';

/**
 * Reminders before close, end to end: reconciler → delayed job → SQL of who has
 * not voted → outbox → a real SMTP conversation with a local server.
 */
describe('vote reminders by email, only to those who have not voted', () => {
  let app: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;

  beforeAll(async () => {
    smtp = await startSmtpSink();
    app = await startTestApp({
      SMTP_URL: smtp.url,
      VOTE_REMINDERS: '6s,3s',
      RECONCILE_INTERVAL_SECONDS: '1',
    });
    await allowVotesOfSeconds(app.dataSource);
  });
  afterAll(async () => {
    await app.close();
    await smtp.stop();
  });

  it('reminds each non-voter in their language; who votes between two reminders gets only the first', async () => {
    const early = await createMember(app.dataSource, { locale: 'fr', displayName: 'Alice Tôt' });
    const between = await createMember(app.dataSource, {
      locale: 'en',
      displayName: 'Bob Between',
    });
    const never = await createMember(app.dataSource, { locale: 'fr', displayName: 'Chloé Jamais' });
    const neverEn = await createMember(app.dataSource, { locale: 'en', displayName: 'Dan Never' });
    const vote = await scheduleYesNo(app, await secretary(app.dataSource), {
      opensAt: inMs(500),
      closesAt: inMs(10_000),
      title: 'Budget 2027',
    });
    const ballots = app.app.get(BallotBoxService);
    // Every member is also told the vote opened (vote-opened.int-spec.ts): reminders only here.
    const reminders = () => smtp.received.filter((m) => /^(Rappel|Reminder)/.test(m.subject));
    const mailTo = (email: string) => reminders().filter((m) => m.to.includes(email));

    await untilVoteIs(app.dataSource, vote.id, 'open', 5000);
    await ballots.cast(voterOf(early), vote.id, { option: 'yes' });

    // First reminder, 6 s before close: everyone who has not voted yet.
    await waitFor(() => mailTo(between.email).length === 1, 10_000, 'first reminder');
    await ballots.cast(voterOf(between), vote.id, { option: 'no' });
    // Second reminder, 3 s before close: only those still missing.
    await waitFor(() => mailTo(neverEn.email).length === 2, 10_000, 'second reminder');
    await untilVoteIs(app.dataSource, vote.id, 'tallied', 10_000);

    expect(mailTo(early.email)).toHaveLength(0);
    expect(mailTo(between.email)).toHaveLength(1);
    expect(mailTo(never.email)).toHaveLength(2);
    expect(mailTo(neverEn.email)).toHaveLength(2);
    expect(reminders()).toHaveLength(5);

    const [fr] = mailTo(never.email);
    expect(fr.language).toBe('fr-CA');
    expect(fr.subject).toMatch(/^Rappel : le vote « Budget 2027 » se termine le /);
    expect(fr.text).toContain(
      "Bonjour Chloé Jamais,\n\nVous n'avez pas encore voté sur « Budget 2027 ».",
    );
    expect(fr.text).toContain(`/votes/${vote.id}`);
    const [en] = mailTo(between.email);
    expect(en.language).toBe('en-CA');
    expect(en.subject).toMatch(/^Reminder: the vote “Budget 2027” closes on /);
    expect(en.text).toContain('Hello Bob Between,\n\nYou have not voted yet on “Budget 2027”.');

    expect(
      await app.dataSource.query(
        `SELECT offset_seconds AS "offsetSeconds", recipients FROM vote_reminder WHERE vote_id = $1 ORDER BY 1 DESC`,
        [vote.id],
      ),
    ).toEqual([
      { offsetSeconds: 6, recipients: 3 },
      { offsetSeconds: 3, recipients: 2 },
    ]);
  });

  it('a reminder job delivered again sends nothing more', async () => {
    await createMember(app.dataSource, { locale: 'fr' });
    const vote = await scheduleYesNo(app, await secretary(app.dataSource), {
      opensAt: inMs(300),
      closesAt: inMs(8000),
    });
    await waitFor(
      async () =>
        Number(
          (
            await app.dataSource.query(`SELECT count(*) FROM vote_reminder WHERE vote_id = $1`, [
              vote.id,
            ])
          )[0].count,
        ) === 2,
      10_000,
      'both reminders',
    );
    const outbox = async () =>
      Number(
        (
          await app.dataSource.query(
            `SELECT count(*) FROM notification WHERE kind = 'vote_reminder'`,
          )
        )[0].count,
      );
    const before = await outbox();
    const queue = app.app.get<Queue>(getQueueToken(QueueName.Deadlines));
    const again = await queue.add(
      JobName.RemindVote,
      { id: vote.id, transition: 'remind-3s', version: 1 },
      { jobId: `vote.${vote.id}.remind-3s.v1.again` },
    );
    await waitFor(async () => (await again.getState()) === 'completed', 10_000, 'duplicate');
    expect(again.returnvalue ?? (await queue.getJob(again.id!))?.returnvalue).toEqual({
      skipped: 'already sent',
    });
    expect(await outbox()).toBe(before);
  });
});
