import { EventEmitter2 } from '@nestjs/event-emitter';
import { Council } from '@delibera/councils';
import { DomainEvent, OpinionPublishedEvent, Role, VoteClosedEvent } from '@delibera/kernel';
import { Member } from '@delibera/membership';
import {
  ProposalConsultationDueHandler,
  ProposalDeliberationEndHandler,
} from '@delibera/proposals';
import { signedInMember, staffToken } from '../factories';
import { assemblyWithProposal } from '../factories/assemblies';
import {
  consultationOver,
  councilVotesOnOpinion,
  PUT_OPINION_TO_VOTE,
} from '../factories/proposals';
import {
  castBallot,
  closeVote,
  seatOnCouncil,
  votersIn,
  waitForVoteStatus,
} from '../factories/votes';
import { errorCode, ok, startTestApp, TestApp } from './test-app';

const DRAFT_OPINION = `mutation ($input: DraftOpinionInput!) { draftCouncilOpinion(input: $input) { id status } }`;
const PROPOSE_AMENDMENT = `mutation ($input: ProposeAmendmentInput!) { proposeAmendment(input: $input) { id status baseVersion } }`;
const PUT_AMENDMENT_TO_VOTE = `mutation ($input: PutAmendmentToVoteInput!) {
  putAmendmentToVote(input: $input) { id status voteId resultingVersion } }`;
const DECIDE_AMENDMENT = `mutation ($input: DecideAmendmentInput!) { decideAmendment(input: $input) { id status } }`;
const ADVANCE = `mutation ($input: AdvanceProposalInput!) { advanceProposal(input: $input) { status } }`;
const CHECK_IN = `mutation ($input: CheckInInput!) { checkIn(input: $input) { memberId } }`;
const VOTE = `query ($id: UUID!) { vote(id: $id) { id status subjectType subjectId decisionType
  electorateKind electorateRef secrecy rollSize closesAt
  threshold { numerator denominator comparison base } result { outcome } } }`;
const VIEW = `query ($id: UUID!) { proposal(id: $id) { status currentVersion body
  versions { version title note amendmentId }
  amendments { id status resultingVersion voteId }
  consultations { id status opinionId council { code }
    opinionDrafts { id status voteId voteOutcome publishedAt } } } }`;

interface Opinion {
  id: string;
  status: string;
  voteId: string | null;
  voteOutcome: string | null;
  publishedAt: string | null;
}
interface ProposalView {
  status: string;
  currentVersion: number;
  body: string;
  versions: { version: number; title: string; note: string; amendmentId: string | null }[];
  amendments: { id: string; status: string; resultingVersion: number | null; voteId: string }[];
  consultations: {
    id: string;
    status: string;
    opinionId: string | null;
    council: { code: string };
    opinionDrafts: Opinion[];
  }[];
}

type Voter = { member: Member; token: string };

/** Longer than the charter's minimum voting period for a council opinion (2 days) or an amendment. */
const inDaysDate = (days: number) => new Date(Date.now() + days * 24 * 3_600_000);

describe('council opinions and amendments decided by votes (e2e)', () => {
  let app: TestApp;
  let secretary: string;
  let proposalId: string;
  const councils: Record<string, { id: string; chair: Voter; members: Voter[] }> = {};
  const published: Omit<OpinionPublishedEvent, 'manager'>[] = [];

  const gql = <T>(query: string, variables: Record<string, unknown>, token: string) =>
    app.gql<T>(query, variables, { token });
  const view = async () =>
    ok(await gql<{ proposal: ProposalView }>(VIEW, { id: proposalId }, secretary)).proposal;
  const consultation = async (code: string) =>
    (await view()).consultations.find((c) => c.council.code === code)!;
  const auditCount = async (entityId: string) =>
    (
      await app.dataSource.query(
        'SELECT count(*)::int AS n FROM audit_event WHERE entity_id = $1',
        [entityId],
      )
    )[0].n as number;
  const deliverAgain = (event: Omit<VoteClosedEvent, 'manager'>) =>
    app.dataSource.transaction((manager) =>
      app.app.get(EventEmitter2).emitAsync(DomainEvent.VoteClosed, { manager, ...event }),
    );

  /** A council with a chair and three members, each with a token. */
  async function seat(code: string) {
    const council = await app.dataSource.getRepository(Council).findOneByOrFail({ code });
    const [chair, ...members] = await votersIn(app, 4);
    await seatOnCouncil(app.dataSource, council, [chair.member, ...members.map((m) => m.member)]);
    await app.dataSource
      .getRepository(Council)
      .update({ id: council.id }, { chairMemberId: chair.member.id });
    councils[code] = { id: council.id, chair, members };
  }

  async function draftOpinion(code: string, position: string, text: string): Promise<string> {
    const { id } = await consultation(code);
    return ok(
      await gql<{ draftCouncilOpinion: { id: string } }>(
        DRAFT_OPINION,
        { input: { consultationId: id, position, text } },
        councils[code].members[0].token,
      ),
    ).draftCouncilOpinion.id;
  }

  beforeAll(async () => {
    app = await startTestApp();
    secretary = await staffToken(app, [Role.Secretary]);
    for (const code of ['youth', 'seniors', 'artists']) await seat(code);
    app.app
      .get(EventEmitter2)
      .on(DomainEvent.OpinionPublished, ({ manager: _m, ...e }: OpinionPublishedEvent) => {
        published.push(e);
      });
    // A special resolution: youth, seniors and artists are consulted; a general assembly decides.
    const { draftBoardProposal } = ok(
      await gql<{ draftBoardProposal: { id: string } }>(
        'mutation ($input: DraftProposalInput!) { draftBoardProposal(input: $input) { id } }',
        {
          input: {
            decisionType: 'SpecialResolution',
            title: 'Fonds jeunesse',
            body: 'Un fonds de 50 000 $ pour les projets des jeunes.',
          },
        },
        secretary,
      ),
    );
    proposalId = draftBoardProposal.id;
    ok(
      await gql(
        'mutation ($input: SubmitProposalInput!) { submitProposal(input: $input) { status } }',
        { input: { proposalId } },
        secretary,
      ),
    );
  });
  afterAll(() => app.close());

  it('has the chair put a draft to the council’s vote; three members vote; counted, the opinion is published and answers the consultation', async () => {
    const youth = councils.youth;
    const opinionId = await draftOpinion(
      'youth',
      'FavourableWithConditions',
      'Oui, si les jeunes décident.',
    );
    const put = (closesAt: Date, token: string) =>
      gql(PUT_OPINION_TO_VOTE, { input: { opinionId, closesAt: closesAt.toISOString() } }, token);

    // Only the chair (or the secretary); the vote must close before the consultation is due.
    expect(errorCode(await put(new Date(Date.now() + 3_600_000), youth.members[1].token))).toBe(
      'FORBIDDEN',
    );
    const { dueAt: due } = (
      await app.dataSource.query(
        'SELECT due_at AS "dueAt" FROM consultation_request WHERE id = $1',
        [(await consultation('youth')).id],
      )
    )[0] as { dueAt: Date };
    const late = await put(new Date(due.getTime() + 60_000), youth.chair.token);
    expect(errorCode(late)).toBe('OPINION_VOTE_AFTER_DUE_DATE');
    expect(errorCode(await put(due, youth.chair.token))).toBe('OPINION_VOTE_AFTER_DUE_DATE');
    expect(errorCode(await put(new Date(Date.now() - 60_000), youth.chair.token))).toBe(
      'VOTE_WINDOW_INVALID',
    );
    // The charter's council_opinion rule gives a vote at least 2 days.
    const short = await put(new Date(Date.now() + 3_600_000), youth.chair.token);
    expect(errorCode(short)).toBe('VOTING_PERIOD_TOO_SHORT');
    expect(short.errors?.[0].message).toMatch(/^La charte exige au moins 2 jour\(s\) de vote/);
    const [{ votes }] = await app.dataSource.query(
      `SELECT count(*)::int AS votes FROM vote WHERE subject_id = $1`,
      [opinionId],
    );
    expect(votes).toBe(0);

    const closesAt = inDaysDate(3);
    const { putCouncilOpinionToVote: putted } = ok(
      await gql<{ putCouncilOpinionToVote: Opinion }>(
        PUT_OPINION_TO_VOTE,
        { input: { opinionId, closesAt: closesAt.toISOString() } },
        youth.chair.token,
      ),
    );
    expect(putted).toMatchObject({ id: opinionId, status: 'Draft', voteOutcome: null });
    const voteId = putted.voteId!;
    // One council vote at a time on a consultation.
    expect(errorCode(await put(closesAt, youth.chair.token))).toBe('OPINION_VOTE_PENDING');

    // The vote opens by its job, with the council's active seats as its roll and the charter's rule.
    await waitForVoteStatus(app, secretary, voteId, 'Open');
    const { vote } = ok(
      await gql<{ vote: Record<string, unknown> }>(VOTE, { id: voteId }, secretary),
    );
    expect(vote).toMatchObject({
      subjectType: 'CouncilOpinion',
      subjectId: opinionId,
      decisionType: 'CouncilOpinion',
      electorateKind: 'Council',
      electorateRef: youth.id,
      secrecy: 'Named',
      rollSize: 4,
      closesAt: closesAt.toISOString(),
      threshold: { numerator: 1, denominator: 2, comparison: 'MoreThan', base: 'Cast' },
    });

    // Neither a member outside the council nor another council's member is on the roll.
    const outsider = await signedInMember(app);
    for (const token of [outsider.token, councils.seniors.members[0].token]) {
      expect(errorCode(await castBallot(app, token, voteId, { option: 'yes' }))).toBe(
        'NOT_IN_ELECTORATE',
      );
    }
    const [m1, m2, m3] = youth.members;
    ok(await castBallot(app, m1.token, voteId, { option: 'yes' }));
    ok(await castBallot(app, m2.token, voteId, { option: 'yes' }));
    ok(await castBallot(app, m3.token, voteId, { option: 'no' }));
    const closed = await closeVote(app, secretary, voteId);
    expect(closed.result).toMatchObject({ outcome: 'adopted', participations: 3 });

    const answered = await consultation('youth');
    expect(answered).toMatchObject({ status: 'Answered', opinionId });
    expect(answered.opinionDrafts).toEqual([
      expect.objectContaining({
        id: opinionId,
        status: 'Published',
        voteId,
        voteOutcome: 'adopted',
        publishedAt: expect.any(String),
      }),
    ]);
    expect(published).toEqual([{ proposalId, councilId: youth.id }]);
    const actions = await app.dataSource.query(
      `SELECT action FROM audit_event WHERE entity_id = $1 ORDER BY seq`,
      [opinionId],
    );
    expect(actions.map((a: { action: string }) => a.action)).toEqual([
      'proposal.opinion_drafted',
      'proposal.opinion_put_to_vote',
      'proposal.opinion_adopted',
      'proposal.opinion_published',
    ]);

    // VoteClosed delivered twice (and with another outcome) changes nothing more.
    const audits = await auditCount(opinionId);
    await deliverAgain({
      voteId,
      subjectType: 'council_opinion',
      subjectId: opinionId,
      outcome: 'rejected',
    });
    expect(await auditCount(opinionId)).toBe(audits);
    expect((await consultation('youth')).opinionDrafts[0]).toMatchObject({
      status: 'Published',
      voteOutcome: 'adopted',
    });
    expect(published).toHaveLength(1);
    // Published: nothing more to put to the vote.
    expect(errorCode(await put(closesAt, youth.chair.token))).toBe('OPINION_ALREADY_DECIDED');
  });

  it('keeps a draft the council rejects as a draft, the consultation still waiting for an answer', async () => {
    const seniors = councils.seniors;
    const opinionId = await draftOpinion('seniors', 'Unfavourable', 'Trop cher pour nos membres.');
    const [m1, m2, m3] = seniors.members;
    const outcome = await councilVotesOnOpinion(
      app,
      { chair: seniors.chair.token, secretary },
      opinionId,
      [
        [m1.token, { option: 'no' }],
        [m2.token, { option: 'no' }],
        [m3.token, { abstain: true }],
      ],
    );
    expect(outcome).toBe('rejected');
    const pending = await consultation('seniors');
    expect(pending).toMatchObject({ status: 'Requested', opinionId: null });
    expect(pending.opinionDrafts).toEqual([
      expect.objectContaining({ id: opinionId, status: 'Draft', voteOutcome: 'rejected' }),
    ]);
    const [{ action }] = await app.dataSource.query(
      `SELECT action FROM audit_event WHERE entity_id = $1 ORDER BY seq DESC LIMIT 1`,
      [opinionId],
    );
    expect(action).toBe('proposal.opinion_not_adopted');
    expect(published).toHaveLength(1);
    // The consultation is not satisfied: the proposal cannot leave it early.
    expect(
      errorCode(await gql(ADVANCE, { input: { proposalId, to: 'Deliberation' } }, secretary)),
    ).toBe('CONSULTATION_PENDING');
    // Still a draft: the chair may put it to the council again.
    const again = ok(
      await gql<{ putCouncilOpinionToVote: Opinion }>(
        PUT_OPINION_TO_VOTE,
        { input: { opinionId, closesAt: inDaysDate(3).toISOString() } },
        seniors.chair.token,
      ),
    ).putCouncilOpinionToVote;
    expect(again.voteId).not.toBeNull();
    expect(again.voteOutcome).toBeNull();
    await closeVote(app, secretary, again.voteId!);
  });

  it('records an opinion adopted once the consultation closed as adopted, not published', async () => {
    const artists = councils.artists;
    const opinionId = await draftOpinion('artists', 'Favourable', 'Le conseil appuie le fonds.');
    const put = ok(
      await gql<{ putCouncilOpinionToVote: Opinion }>(
        PUT_OPINION_TO_VOTE,
        { input: { opinionId, closesAt: inDaysDate(3).toISOString() } },
        artists.chair.token,
      ),
    ).putCouncilOpinionToVote;
    await waitForVoteStatus(app, secretary, put.voteId!, 'Open');
    for (const { token } of artists.members)
      ok(await castBallot(app, token, put.voteId!, { option: 'yes' }));
    // The consultation's due date passes before the count (a tally running late):
    // the silent councils are recorded, and deliberation opens.
    await consultationOver(app.dataSource, proposalId);
    await app.app.get(ProposalConsultationDueHandler).handle({ id: proposalId, version: 1 });
    expect((await closeVote(app, secretary, put.voteId!)).result?.outcome).toBe('adopted');
    const late = await consultation('artists');
    expect(late).toMatchObject({ status: 'DidNotAnswer', opinionId: null });
    expect(late.opinionDrafts).toEqual([
      expect.objectContaining({
        id: opinionId,
        status: 'Adopted',
        voteOutcome: 'adopted',
        publishedAt: null,
      }),
    ]);
    const [{ data }] = await app.dataSource.query(
      `SELECT data FROM audit_event WHERE entity_id = $1 AND action = 'proposal.opinion_adopted'`,
      [opinionId],
    );
    expect(data).toMatchObject({ voteId: put.voteId, published: false });
    expect(published).toHaveLength(1);
  });

  describe('amendments put to their own vote', () => {
    let assemblyId: string;
    let attendees: Voter[];
    const proposalRow = async () =>
      (
        await app.dataSource.query(
          'SELECT status, current_version AS "currentVersion", body, schedule_version AS version FROM proposal WHERE id = $1',
          [proposalId],
        )
      )[0] as { status: string; currentVersion: number; body: string; version: number };
    const deliberationEnds = (sql: string) =>
      app.dataSource.query(`UPDATE proposal SET deliberation_ends_at = ${sql} WHERE id = $1`, [
        proposalId,
      ]);
    const propose = async (body: string) =>
      ok(
        await gql<{ proposeAmendment: { id: string; baseVersion: number } }>(
          PROPOSE_AMENDMENT,
          { input: { proposalId, title: 'Fonds jeunesse', body, rationale: 'Mieux cibler' } },
          attendees[0].token,
        ),
      ).proposeAmendment;
    const putToVote = (amendmentId: string, token: string, closesAt = inDaysDate(8)) =>
      gql<{ putAmendmentToVote: { id: string; status: string; voteId: string } }>(
        PUT_AMENDMENT_TO_VOTE,
        { input: { amendmentId, closesAt: closesAt.toISOString() } },
        token,
      );
    async function assemblyVotes(voteId: string, options: string[]) {
      await waitForVoteStatus(app, secretary, voteId, 'Open');
      for (const [i, option] of options.entries())
        ok(await castBallot(app, attendees[i].token, voteId, { option }));
      return (await closeVote(app, secretary, voteId)).result!.outcome;
    }

    beforeAll(async () => {
      // The consultation is over (previous test): the proposal deliberates.
      expect((await proposalRow()).status).toBe('deliberation');
      // A special resolution is voted by the general assembly whose agenda holds it; four members attend.
      assemblyId = await assemblyWithProposal(app.dataSource, proposalId, 'special_resolution');
      attendees = await votersIn(app, 4);
      for (const { member } of attendees)
        ok(
          await gql(
            CHECK_IN,
            { input: { assemblyId, memberId: member.id, mode: 'Present' } },
            secretary,
          ),
        );
    });

    it('has the assembly vote on it and, adopted, merges it as a new version; the proposal’s own vote waits meanwhile', async () => {
      const body = 'Un fonds de 75 000 $ pour les projets des jeunes de 16 à 30 ans.';
      const amendment = await propose(body);
      expect(amendment.baseVersion).toBe(1);
      // Only the author (here the board, through the secretary) or the secretary puts it to a vote.
      expect(errorCode(await putToVote(amendment.id, attendees[1].token))).toBe('FORBIDDEN');
      // The author's own decisions no longer include a vote.
      expect(
        errorCode(
          await gql(
            DECIDE_AMENDMENT,
            { input: { amendmentId: amendment.id, decision: 'PutToVote' } },
            secretary,
          ),
        ),
      ).toBe('INVALID_VALUE');
      // A special resolution's rule gives its votes, an amendment's too, at least 7 days.
      const short = await putToVote(amendment.id, secretary, inDaysDate(6));
      expect(errorCode(short)).toBe('VOTING_PERIOD_TOO_SHORT');
      expect((await view()).amendments.find((a) => a.id === amendment.id)?.status).toBe('Proposed');
      const put = ok(await putToVote(amendment.id, secretary)).putAmendmentToVote;
      expect(put).toMatchObject({ status: 'PutToVote' });
      expect(errorCode(await putToVote(amendment.id, secretary))).toBe('AMENDMENT_ALREADY_DECIDED');
      const { vote } = ok(
        await gql<{ vote: Record<string, unknown> }>(VOTE, { id: put.voteId }, secretary),
      );
      expect(vote).toMatchObject({
        subjectType: 'Amendment',
        subjectId: amendment.id,
        decisionType: 'SpecialResolution',
        electorateKind: 'Assembly',
        electorateRef: assemblyId,
        secrecy: 'Secret',
        threshold: { numerator: 2, denominator: 3, comparison: 'AtLeast' },
      });

      // Deliberation is over, but the proposal's own vote may not open while the amendment's runs.
      await deliberationEnds(`now() - interval '1 second'`);
      expect(
        errorCode(await gql(ADVANCE, { input: { proposalId, to: 'Voting' } }, secretary)),
      ).toBe('AMENDMENT_VOTE_PENDING');
      const { version } = await proposalRow();
      expect(
        await app.app.get(ProposalDeliberationEndHandler).handle({ id: proposalId, version }),
      ).toBe('refused');
      expect((await proposalRow()).status).toBe('deliberation');
      const [{ votes }] = await app.dataSource.query(
        `SELECT count(*)::int AS votes FROM vote WHERE subject_type = 'proposal' AND subject_id = $1`,
        [proposalId],
      );
      expect(votes).toBe(0);
      await deliberationEnds(`now() + interval '1 day'`);

      // Two thirds of the votes cast: adopted.
      expect(await assemblyVotes(put.voteId, ['yes', 'yes', 'no'])).toBe('adopted');
      const proposal = await view();
      expect(proposal).toMatchObject({ currentVersion: 2, body });
      expect(proposal.versions.map((v) => [v.version, v.amendmentId])).toEqual([
        [1, null],
        [2, amendment.id],
      ]);
      expect(proposal.amendments).toEqual([
        { id: amendment.id, status: 'Adopted', resultingVersion: 2, voteId: put.voteId },
      ]);
      const diff = ok(
        await gql<{ proposal: { diff: { unified: string } } }>(
          'query ($id: UUID!) { proposal(id: $id) { diff(from: 1, to: 2) { unified } } }',
          { id: proposalId },
          secretary,
        ),
      ).proposal.diff;
      expect(diff.unified).toContain(`+${body}`);

      // VoteClosed delivered twice changes nothing more: no third version.
      const audits = await auditCount(amendment.id);
      await deliverAgain({
        voteId: put.voteId,
        subjectType: 'amendment',
        subjectId: amendment.id,
        outcome: 'adopted',
      });
      expect(await auditCount(amendment.id)).toBe(audits);
      expect((await proposalRow()).currentVersion).toBe(2);
    });

    it('marks a rejected amendment rejected, leaves the text as it was, and then lets the proposal go to its vote', async () => {
      const amendment = await propose('Aucun fonds.');
      expect(amendment.baseVersion).toBe(2);
      const put = ok(await putToVote(amendment.id, secretary)).putAmendmentToVote;
      expect(await assemblyVotes(put.voteId, ['no', 'no', 'yes'])).toBe('rejected');
      const proposal = await view();
      expect(proposal.currentVersion).toBe(2);
      expect(proposal.amendments.find((a) => a.id === amendment.id)).toMatchObject({
        status: 'Rejected',
        resultingVersion: null,
      });
      const [{ action }] = await app.dataSource.query(
        `SELECT action FROM audit_event WHERE entity_id = $1 ORDER BY seq DESC LIMIT 1`,
        [amendment.id],
      );
      expect(action).toBe('proposal.amendment_rejected');

      // No amendment vote left: the proposal goes to its own vote.
      await deliberationEnds(`now() - interval '1 second'`);
      const moved = await gql<{ advanceProposal: { status: string } }>(
        ADVANCE,
        { input: { proposalId, to: 'Voting' } },
        secretary,
      );
      // The reconciler may have moved it first; either way it is in voting, with one vote.
      if (moved.errors) expect(errorCode(moved)).toBe('INVALID_TRANSITION');
      expect((await proposalRow()).status).toBe('voting');
      const [{ votes }] = await app.dataSource.query(
        `SELECT count(*)::int AS votes FROM vote WHERE subject_type = 'proposal' AND subject_id = $1`,
        [proposalId],
      );
      expect(votes).toBe(1);
    });
  });
});
