import { getQueueToken } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import { AuthUser, JobName, QueueName } from '@delibera/kernel';
import { BallotBoxService, VotesService } from '@delibera/voting';
import { createMember } from '../factories';
import { allowVotesOfSeconds } from '../factories/votes';
import { startTestApp, TestApp } from '../e2e/test-app';
import {
  inMs,
  scheduleYesNo,
  secretary,
  untilVoteIs,
  voterOf,
  voteRow,
  waitFor,
} from './vote-fixtures';

/**
 * Vote deadlines on real BullMQ, Redis and PostgreSQL with short real delays.
 * The reconciler's interval is long here, so only the delayed jobs themselves act.
 */
describe('vote deadlines (real BullMQ jobs, real delays)', () => {
  let app: TestApp;
  let queue: Queue;
  let actor: AuthUser;

  beforeAll(async () => {
    app = await startTestApp({ RECONCILE_INTERVAL_SECONDS: '600' });
    await allowVotesOfSeconds(app.dataSource);
    queue = app.app.get<Queue>(getQueueToken(QueueName.Deadlines));
    actor = await secretary(app.dataSource);
  });
  afterAll(() => app.close());

  const count = async (sql: string, params: unknown[]) =>
    Number((await app.dataSource.query(sql, params))[0].count);
  const auditCount = (voteId: string, action: string) =>
    count(`SELECT count(*) FROM audit_event WHERE entity_id = $1 AND action = $2`, [
      voteId,
      action,
    ]);

  it('opens at opensAt, closes at closesAt and is tallied, with the ballots cast in between', async () => {
    const [alice, bruno] = [await createMember(app.dataSource), await createMember(app.dataSource)];
    const vote = await scheduleYesNo(app, actor, { opensAt: inMs(1500), closesAt: inMs(4000) });
    expect((await voteRow(app.dataSource, vote.id)).status).toBe('scheduled');

    await untilVoteIs(app.dataSource, vote.id, 'open', 10_000);
    const opened = await voteRow(app.dataSource, vote.id);
    expect(opened.openedAt!.getTime()).toBeGreaterThanOrEqual(vote.opensAt.getTime());
    const ballots = app.app.get(BallotBoxService);
    await ballots.cast(voterOf(alice), vote.id, { option: 'yes' });
    await ballots.cast(voterOf(bruno), vote.id, { option: 'yes' });

    await untilVoteIs(app.dataSource, vote.id, 'tallied', 15_000);
    const closed = await voteRow(app.dataSource, vote.id);
    expect(closed.closedAt!.getTime()).toBeGreaterThanOrEqual(vote.closesAt.getTime());
    const [result] = await app.dataSource.query(
      `SELECT outcome, participations, ballots FROM vote_result WHERE vote_id = $1`,
      [vote.id],
    );
    expect(result).toMatchObject({ participations: 2, ballots: 2 });
    expect(await auditCount(vote.id, 'vote.closed')).toBe(1);
  });

  it('rescheduling closesAt makes the old close job a no-op; the vote closes at the new date', async () => {
    await createMember(app.dataSource);
    const vote = await scheduleYesNo(app, actor, { opensAt: inMs(500), closesAt: inMs(2500) });
    await untilVoteIs(app.dataSource, vote.id, 'open', 10_000);
    const newClose = inMs(6000);
    await app.app.get(VotesService).reschedule(actor, { voteId: vote.id, closesAt: newClose });

    // The version-1 close job fires at the old date and finds a newer version: nothing happens.
    const stale = `vote.${vote.id}.close.v1`;
    await waitFor(async () => (await queue.getJobState(stale)) === 'completed', 10_000, 'old job');
    expect((await queue.getJob(stale))?.returnvalue).toEqual({ closed: false });
    expect((await voteRow(app.dataSource, vote.id)).status).toBe('open');

    await untilVoteIs(app.dataSource, vote.id, 'tallied', 15_000);
    const closed = await voteRow(app.dataSource, vote.id);
    expect(closed.version).toBe(2);
    expect(closed.closedAt!.getTime()).toBeGreaterThanOrEqual(newClose.getTime());
    expect(await auditCount(vote.id, 'vote.closed')).toBe(1);
  });

  it('the same close and tally jobs delivered twice, even at once, change nothing more', async () => {
    await createMember(app.dataSource);
    const vote = await scheduleYesNo(app, actor, { opensAt: inMs(300), closesAt: inMs(2500) });
    // A redelivery of the close job (another id, same data) due at the same instant as the original.
    const close = (await queue.getDelayed()).find(
      (job) => job.data.id === vote.id && job.name === JobName.CloseVote,
    );
    if (!close) throw new Error('the close job was not scheduled');
    await queue.add(close.name, close.data, { jobId: `${close.id}.again`, delay: close.delay });

    await untilVoteIs(app.dataSource, vote.id, 'tallied', 15_000);
    const before = await app.dataSource.query(
      `SELECT v.closed_at, r.hash, r.created_at FROM vote v JOIN vote_result r ON r.vote_id = v.id WHERE v.id = $1`,
      [vote.id],
    );
    // And once more, after the fact: both close and tally again.
    const again = await Promise.all([
      queue.add(JobName.CloseVote, close.data, { jobId: `${close.id}.late` }),
      queue.add(JobName.TallyVote, { id: vote.id }, { jobId: `vote.${vote.id}.tally.late` }),
    ]);
    await waitFor(
      async () =>
        (await Promise.all(again.map((job) => job.getState()))).every((s) => s === 'completed'),
      10_000,
      'late duplicates',
    );

    expect(await auditCount(vote.id, 'vote.closed')).toBe(1);
    expect(await count(`SELECT count(*) FROM vote_result WHERE vote_id = $1`, [vote.id])).toBe(1);
    const after = await app.dataSource.query(
      `SELECT v.closed_at, r.hash, r.created_at FROM vote v JOIN vote_result r ON r.vote_id = v.id WHERE v.id = $1`,
      [vote.id],
    );
    expect(after).toEqual(before);
  });
});

describe('vote deadlines: a close job that ran too early is not the end of it', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ RECONCILE_INTERVAL_SECONDS: '1' });
    await allowVotesOfSeconds(app.dataSource);
  });
  afterAll(() => app.close());

  it('the reconciler runs the close again when its job already completed as a no-op', async () => {
    await createMember(app.dataSource);
    const actor = await secretary(app.dataSource);
    const vote = await scheduleYesNo(app, actor, { opensAt: inMs(200), closesAt: inMs(2500) });
    const queue = app.app.get<Queue>(getQueueToken(QueueName.Deadlines));
    // As when the worker's clock runs ahead of the database's: the close job fires before
    // closesAt, finds the vote not due, and completes. Its id now stays taken for a day.
    const closeId = `vote.${vote.id}.close.v1`;
    const scheduled = await queue.getJob(closeId);
    await scheduled!.remove();
    await queue.add(JobName.CloseVote, scheduled!.data, { jobId: closeId });
    await waitFor(
      async () => (await queue.getJobState(closeId)) === 'completed',
      5000,
      'early job',
    );
    expect((await queue.getJob(closeId))?.returnvalue).toEqual({ closed: false });

    await untilVoteIs(app.dataSource, vote.id, 'tallied', 10_000, 'the reconciled close');
    expect((await voteRow(app.dataSource, vote.id)).closedAt!.getTime()).toBeGreaterThanOrEqual(
      vote.closesAt.getTime(),
    );
  });
});
