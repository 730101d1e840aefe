import { Role } from '@delibera/kernel';
import { signedInMember } from '../factories';
import {
  CAST,
  castBallot,
  closeVote,
  openVote,
  VOTE_FIELDS,
  VoteView,
  votersIn,
  voteRows,
} from '../factories/votes';
import { errorCode, ok, startTestApp, TestApp } from './test-app';

const CALL = `mutation ($input: CallReferendumInput!) { callReferendum(input: $input) { ${VOTE_FIELDS} binding } }`;

describe('a referendum of all active members (e2e)', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('is called by a trustee, keeps ballots secret and final, and fails its participation quorum (1/4 of the roll)', async () => {
    const trustee = await signedInMember(app, [Role.Trustee]);
    const secretary = await signedInMember(app, [Role.Secretary]);
    const voters = await votersIn(app, 10);
    const member = await signedInMember(app);
    const input = {
      titleFr: 'Adopter la politique de données ouvertes ?',
      titleEn: 'Adopt the open-data policy?',
      binding: false,
      opensAt: new Date(Date.now() - 1000).toISOString(),
      closesAt: new Date(Date.now() + 15 * 24 * 3600_000).toISOString(),
    };
    // Only the board calls a referendum.
    expect(errorCode(await app.gql(CALL, { input }, { token: member.token }))).toBe('FORBIDDEN');
    const called = ok(
      await app.gql<{ callReferendum: VoteView & { binding: boolean } }>(
        CALL,
        { input },
        { token: trustee.token },
      ),
    ).callReferendum;
    expect(called.binding).toBe(false);

    const opened = await openVote(app, secretary.token, called.id);
    // Trustee, secretary, 10 voters and the member: 13 active members; the quorum is 13/4 = 3.25 voters.
    expect(opened.rollSize).toBe(13);

    const first = ok(await castBallot(app, voters[0].token, called.id, { option: 'yes' }));
    ok(await castBallot(app, voters[1].token, called.id, { option: 'no' }));
    ok(await castBallot(app, voters[2].token, called.id, { option: 'yes' }));
    // A secret ballot is final.
    expect(errorCode(await castBallot(app, voters[0].token, called.id, { option: 'no' }))).toBe(
      'ALREADY_VOTED',
    );
    const en = await app.gql(
      CAST,
      { input: { voteId: called.id, ballot: { option: 'no' } } },
      { token: voters[0].token, locale: 'en' },
    );
    expect(en.errors?.[0].message).toBe(
      'This ballot has already been cast; a secret ballot is final.',
    );

    const closed = await closeVote(app, secretary.token, called.id);
    expect(closed.result).toMatchObject({
      outcome: 'quorum_not_met',
      quorumMet: false,
      eligible: 13,
      participations: 3,
      ballots: 3,
      winners: [],
    });
    expect(closed.result!.details.quorum).toMatchObject({ required: '13/4', participating: 3 });
    // Yes won among the votes cast, but without quorum nothing is decided.
    expect(closed.result!.details.tally.votes).toEqual({ yes: '2', no: '1' });

    // A vote past its close refuses ballots and writes nothing.
    expect(errorCode(await castBallot(app, voters[3].token, called.id, { option: 'yes' }))).toBe(
      'VOTE_CLOSED',
    );
    expect(await voteRows(app.dataSource, called.id)).toEqual({
      participations: 3,
      ballots: 3,
      results: 1,
    });

    // The voter finds their receipt in the published list; a made-up one is not there.
    const check = (receipt: string) =>
      app.gql<{ checkReceipt: boolean }>(
        'query ($voteId: UUID!, $receipt: String!) { checkReceipt(voteId: $voteId, receipt: $receipt) }',
        { voteId: called.id, receipt },
        { token: voters[0].token },
      );
    expect(ok(await check(first.castBallot.receipt)).checkReceipt).toBe(true);
    expect(ok(await check('not-a-receipt')).checkReceipt).toBe(false);

    // Who voted is published; how is not.
    const published = ok(
      await app.gql<{
        voteParticipants: { totalCount: number; edges: { node: { ballot: unknown } }[] };
        voteReceipts: { totalCount: number };
        voteBallots: {
          totalCount: number;
          edges: { node: { content: unknown; collegeId: string | null } }[];
        };
      }>(
        `query ($voteId: UUID!) {
           voteParticipants(voteId: $voteId) { totalCount edges { node { memberId ballot } } }
           voteReceipts(voteId: $voteId) { totalCount }
           voteBallots(voteId: $voteId) { totalCount edges { node { content collegeId } } } }`,
        { voteId: called.id },
        { token: member.token },
      ),
    );
    expect(published.voteParticipants.totalCount).toBe(3);
    expect(published.voteParticipants.edges.every((e) => e.node.ballot === null)).toBe(true);
    expect(published.voteReceipts.totalCount).toBe(3);
    expect(published.voteBallots.edges.map((e) => e.node.content)).toEqual(
      expect.arrayContaining([{ option: 'yes' }, { option: 'yes' }, { option: 'no' }]),
    );
    expect(published.voteBallots.edges.every((e) => e.node.collegeId === null)).toBe(true);
  });
});
