import { getQueueToken } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import { DecisionType } from '@delibera/charter';
import { Council, CouncilSeat, SeatStatus } from '@delibera/councils';
import { AuthUser, QueueName, Role } from '@delibera/kernel';
import { Member } from '@delibera/membership';
import {
  ConsultationRemindersHandler,
  ConsultationService,
  OpinionPosition,
  ProposalLifecycleService,
} from '@delibera/proposals';
import { createAccount, createMember } from '../factories';
import { allowVotesOfSeconds, seatOnCouncil } from '../factories/votes';
import { startTestApp, TestApp } from '../e2e/test-app';
import { startSmtpSink } from '../support/smtp-sink';
import { inMs, secretary, waitFor } from './vote-fixtures';

/** Reminders fire this long before the due date; the tests' setup before it has 8–14 s to spare. */
const OFFSET_SECONDS = 6;

/**
 * Reminders before a consultation is due, end to end: scheduled when the
 * councils are asked → delayed job → the council's active seats read when it
 * is sent → outbox → a real SMTP conversation with a local server.
 */
describe('consultation reminders to the members of councils whose opinion is awaited', () => {
  let app: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  let staff: AuthUser;
  const councils: Record<string, Council> = {};

  beforeAll(async () => {
    smtp = await startSmtpSink();
    app = await startTestApp({
      SMTP_URL: smtp.url,
      CONSULTATION_REMINDERS: `${OFFSET_SECONDS}s`,
      RECONCILE_INTERVAL_SECONDS: '1',
    });
    // Consultations and the council's vote on its opinion of seconds, not days.
    await allowVotesOfSeconds(app.dataSource);
    await app.dataSource.query(
      `UPDATE decision_rule SET min_consultation_days = 0 WHERE decision_type = 'special_resolution'`,
    );
    staff = await secretary(app.dataSource);
    for (const council of await app.dataSource.getRepository(Council).find()) {
      councils[council.code] = council;
    }
  });
  afterAll(async () => {
    await app.close();
    await smtp.stop();
  });

  /** A special resolution (youth, seniors and artists consulted) whose consultation is due at `dueAt`. */
  async function inConsultation(title: string, dueAt: Date) {
    const lifecycle = app.app.get(ProposalLifecycleService);
    const draft = await lifecycle.draft(staff, {
      decisionType: DecisionType.SpecialResolution,
      title,
      body: 'Texte.',
      tabled: true,
    });
    await lifecycle.submit(staff, draft.id, { consultationEndsAt: dueAt });
    const rows = await app.dataSource.query<{ id: string; code: string; dueAt: Date }[]>(
      `SELECT cr.id, c.code, cr.due_at AS "dueAt"
         FROM consultation_request cr JOIN council c ON c.id = cr.council_id
        WHERE cr.proposal_id = $1`,
      [draft.id],
    );
    return { proposalId: draft.id, request: Object.fromEntries(rows.map((r) => [r.code, r])) };
  }

  const memberUser = async (member: Member): Promise<AuthUser> => {
    const account = await createAccount(app.dataSource, { member });
    return { accountId: account.id, memberId: member.id, roles: [Role.Member] };
  };
  const reminders = () => smtp.received.filter((m) => /^(Rappel|Reminder)/.test(m.subject));
  const mailTo = (member: Member) => reminders().filter((m) => m.to.includes(member.email));
  const sent = (requestId: string) =>
    app.dataSource.query<{ offsetSeconds: number; recipients: number }[]>(
      `SELECT offset_seconds AS "offsetSeconds", recipients FROM consultation_reminder
        WHERE consultation_id = $1`,
      [requestId],
    );
  const outbox = async (requestId: string) =>
    (
      await app.dataSource.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM notification
          WHERE kind = 'consultation_due_soon' AND dedupe_key LIKE $1`,
        [`consultation-due-soon:${requestId}:%`],
      )
    )[0].n;

  it('reminds each active member of an awaited council once, in their language; nobody else', async () => {
    const fr = await createMember(app.dataSource, { locale: 'fr', displayName: 'Léa Jeune' });
    const en = await createMember(app.dataSource, { locale: 'en', displayName: 'Sam Young' });
    const ended = await createMember(app.dataSource, { locale: 'fr' });
    const outsider = await createMember(app.dataSource, { locale: 'fr' });
    await seatOnCouncil(app.dataSource, councils.youth, [fr, en]);
    await app.dataSource.getRepository(CouncilSeat).save({
      councilId: councils.youth.id,
      memberId: ended.id,
      status: SeatStatus.Ended,
      termStart: '2023-01-01',
      termEnd: '2025-01-01',
    });
    // The seniors council adopts its opinion before the reminder: it is not reminded.
    const senior = await createMember(app.dataSource, { locale: 'fr' });
    await seatOnCouncil(app.dataSource, councils.seniors, [senior]);

    const { proposalId, request } = await inConsultation('Fonds jeunesse', inMs(20_000));
    const consultation = app.app.get(ConsultationService);
    const opinion = await consultation.draftOpinion(await memberUser(senior), {
      consultationId: request.seniors.id,
      position: OpinionPosition.Favourable,
      text: 'Favorable.',
    });
    const { voteId } = await consultation.putOpinionToVote(staff, {
      opinionId: opinion.id,
      closesAt: new Date(new Date(request.seniors.dueAt).getTime() - 1000),
    });
    // What the council's vote, once counted, does (see VoteClosedListener).
    await app.dataSource.transaction((manager) =>
      consultation.applyOpinionVote(manager, opinion.id, voteId!, 'adopted'),
    );

    await waitFor(
      async () => (await sent(request.youth.id)).length === 1,
      25_000,
      'the reminder to the youth council',
    );
    await waitFor(() => mailTo(en).length === 1 && mailTo(fr).length === 1, 10_000, 'emails');

    expect(await sent(request.youth.id)).toEqual([
      { offsetSeconds: OFFSET_SECONDS, recipients: 2 },
    ]);
    expect(await outbox(request.youth.id)).toBe(2);
    // Nobody sits on the artists council: the reminder is claimed, to no one.
    await waitFor(async () => (await sent(request.artists.id)).length === 1, 5000, 'artists');
    expect(await sent(request.artists.id)).toEqual([
      { offsetSeconds: OFFSET_SECONDS, recipients: 0 },
    ]);
    expect(await sent(request.seniors.id)).toEqual([]);
    expect(await outbox(request.seniors.id)).toBe(0);
    expect(mailTo(senior)).toHaveLength(0);
    expect(mailTo(ended)).toHaveLength(0);
    expect(mailTo(outsider)).toHaveLength(0);
    expect(reminders()).toHaveLength(2);

    const [french] = mailTo(fr);
    expect(french.language).toBe('fr-CA');
    expect(french.subject).toMatch(
      /^Rappel : l'avis du Conseil des jeunes sur « Fonds jeunesse » est attendu le /,
    );
    expect(french.text).toContain(
      "Bonjour Léa Jeune,\n\nLe Conseil des jeunes n'a pas encore adopté son avis sur la proposition « Fonds jeunesse ».",
    );
    expect(french.text).toContain("(heure de l'Est)");
    const [english] = mailTo(en);
    expect(english.language).toBe('en-CA');
    expect(english.subject).toMatch(
      /^Reminder: the Youth Council's opinion on “Fonds jeunesse” is due on /,
    );
    expect(english.text).toContain(
      'Hello Sam Young,\n\nThe Youth Council has not adopted its opinion on the proposal “Fonds jeunesse” yet.',
    );
    expect(english.text).toContain(`/proposals/${proposalId}`);

    // The same job again, even with a member seated since, sends nothing more.
    await seatOnCouncil(app.dataSource, councils.youth, [await createMember(app.dataSource)]);
    const handler = app.app.get(ConsultationRemindersHandler);
    const data = (id: string, dueAt: Date) => ({
      id,
      transition: `remind-${OFFSET_SECONDS}s`,
      version: new Date(dueAt).getTime(),
    });
    expect(await handler.handle(data(request.youth.id, request.youth.dueAt))).toEqual({
      skipped: 'already sent',
    });
    expect(await handler.handle(data(request.seniors.id, request.seniors.dueAt))).toEqual({
      skipped: 'no opinion awaited',
    });
    expect(await outbox(request.youth.id)).toBe(2);
    expect(await sent(request.youth.id)).toEqual([
      { offsetSeconds: OFFSET_SECONDS, recipients: 2 },
    ]);
  });

  it('makes the job of a consultation whose due date moved a no-op', async () => {
    const { proposalId, request } = await inConsultation('Plan vert', inMs(16_000));
    const before = new Date(request.youth.dueAt);
    await app.dataSource.query(
      `UPDATE proposal SET consultation_ends_at = consultation_ends_at + interval '1 hour',
              schedule_version = schedule_version + 1 WHERE id = $1`,
      [proposalId],
    );
    await app.dataSource.query(
      `UPDATE consultation_request SET due_at = due_at + interval '1 hour' WHERE proposal_id = $1`,
      [proposalId],
    );

    // The job enqueued for the old due date still runs at its time, and does nothing.
    const queue = app.app.get<Queue>(getQueueToken(QueueName.Deadlines));
    const jobId = `consultation.${request.youth.id}.remind-${OFFSET_SECONDS}s.v${before.getTime()}`;
    expect(await queue.getJob(jobId)).toBeDefined();
    await waitFor(async () => (await queue.getJobState(jobId)) === 'completed', 20_000, 'old job');
    expect((await queue.getJob(jobId))!.returnvalue).toEqual({ skipped: 'rescheduled' });
    expect(await sent(request.youth.id)).toEqual([]);
    expect(await outbox(request.youth.id)).toBe(0);
  });
});
