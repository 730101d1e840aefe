import { DomainEvent, Role, VoteClosedEvent } from '@delibera/kernel';
import { Council } from '@delibera/councils';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { createAccount, createMember, signedInMember, signIn } from '../factories';
import {
  castBallot,
  closeVote,
  openVote,
  scheduleVote,
  seatOnCouncil,
  voteRows,
} from '../factories/votes';
import { errorCode, ok, startTestApp, TestApp } from './test-app';

describe('a council vote adopting an opinion (e2e)', () => {
  let app: TestApp;
  let secretary: string;

  beforeAll(async () => {
    app = await startTestApp();
    secretary = (await signedInMember(app, [Role.Secretary])).token;
  });
  afterAll(() => app.close());

  it('freezes the active seats as the roll, counts named ballots by hand-checked figures, and tells the opinion it was adopted', async () => {
    const youth = await app.dataSource.getRepository(Council).findOneByOrFail({ code: 'youth' });
    const seated = await Promise.all(Array.from({ length: 5 }, () => createMember(app.dataSource)));
    await seatOnCouncil(app.dataSource, youth, seated);
    const tokens = await Promise.all(
      seated.map(async (member) =>
        signIn(app, (await createAccount(app.dataSource, { member })).email),
      ),
    );
    const outsider = await signedInMember(app);
    const closed: VoteClosedEvent[] = [];
    app.app.get(EventEmitter2).on(DomainEvent.VoteClosed, (event: VoteClosedEvent) => {
      closed.push(event);
    });

    const opinionId = '6f1c1d4e-9a43-4a55-8a3c-0d3c1f7b2a10';
    const scheduled = await scheduleVote(app, secretary, {
      subjectType: 'CouncilOpinion',
      subjectId: opinionId,
      decisionType: 'CouncilOpinion',
      electorateKind: 'Council',
      electorateRef: youth.id,
    });
    expect(scheduled.status).toBe('Scheduled');
    const opened = await openVote(app, secretary, scheduled.id);
    expect(opened.status).toBe('Open');
    expect(opened.rollSize).toBe(5);
    expect(opened.rollFingerprint).toMatch(/^[0-9a-f]{64}$/);

    // Out of the roll: refused, nothing written.
    const refused = await castBallot(app, outsider.token, scheduled.id, { option: 'yes' });
    expect(errorCode(refused)).toBe('NOT_IN_ELECTORATE');
    expect(await voteRows(app.dataSource, scheduled.id)).toEqual({
      participations: 0,
      ballots: 0,
      results: 0,
    });

    // 3 for, 1 against, 1 abstains: votes cast = 4, more than half of 4 is 3 → adopted.
    const ballots = [
      { option: 'yes' },
      { option: 'yes' },
      { option: 'no' },
      { option: 'no' },
      { abstain: true },
    ];
    for (const [i, ballot] of ballots.entries())
      ok(await castBallot(app, tokens[i], scheduled.id, ballot));
    // A named ballot may be changed until close: the fourth member changes to "for".
    const changed = ok(await castBallot(app, tokens[3], scheduled.id, { option: 'yes' }));
    expect(changed.castBallot.replaced).toBe(true);
    // Invalid ballot: refused with INVALID_BALLOT.
    expect(errorCode(await castBallot(app, tokens[0], scheduled.id, { option: 'maybe' }))).toBe(
      'INVALID_BALLOT',
    );

    const result = await closeVote(app, secretary, scheduled.id);
    expect(result.status).toBe('Tallied');
    expect(result.result).toMatchObject({
      outcome: 'adopted',
      quorumMet: true,
      eligible: 5,
      participations: 5,
      ballots: 5,
      winners: ['yes'],
    });
    const tally = result.result!.details.tally;
    expect(tally.votes).toEqual({ yes: '3', no: '1' });
    expect(tally.cast).toBe('4');
    expect(tally.ballots.abstentions).toBe('1');
    expect(tally.threshold).toMatchObject({ line: '2', needed: '3', support: '3', met: true });
    expect(closed).toEqual([
      expect.objectContaining({
        voteId: scheduled.id,
        subjectType: 'council_opinion',
        subjectId: opinionId,
        outcome: 'adopted',
      }),
    ]);

    // Named vote: who voted and how is published.
    const participants = ok(
      await app.gql<{
        voteParticipants: {
          totalCount: number;
          edges: { node: { memberId: string; ballot: unknown } }[];
        };
      }>(
        `query ($voteId: UUID!) { voteParticipants(voteId: $voteId, first: 10) { totalCount edges { node { memberId ballot } } } }`,
        { voteId: scheduled.id },
        { token: tokens[0] },
      ),
    ).voteParticipants;
    expect(participants.totalCount).toBe(5);
    const byMember = new Map(participants.edges.map((e) => [e.node.memberId, e.node.ballot]));
    expect(byMember.get(seated[2].id)).toEqual({ option: 'no' });
    expect(byMember.get(seated[3].id)).toEqual({ option: 'yes' });

    const recount = ok(
      await app.gql<{ recount: { matches: boolean } }>(
        'mutation ($voteId: UUID!) { recount(voteId: $voteId) { matches storedHash recountHash } }',
        { voteId: scheduled.id },
        { token: secretary },
      ),
    );
    expect(recount.recount.matches).toBe(true);
  });
});
