import { EventEmitter2 } from '@nestjs/event-emitter';
import { Council, CouncilSeat, SeatStatus } from '@delibera/councils';
import {
  DomainEvent,
  OpinionPublishedEvent,
  ProposalVotingStartedEvent,
  quebecDate,
  ReconcileHandler,
  Role,
  VoteClosedEvent,
} from '@delibera/kernel';
import { Member } from '@delibera/membership';
import { ProposalConsultationDueHandler } from '@delibera/proposals';
import { createAccount, createMember, signedInMember, signIn } from '../factories';
import { assemblyWithProposal } from '../factories/assemblies';
import {
  consultationOver,
  councilVotesOnOpinion,
  PUT_OPINION_TO_VOTE,
} from '../factories/proposals';
import { errorCode, GraphQLResponse, ok, startTestApp, TestApp } from './test-app';

const PROPOSAL_FIELDS = `id status origin title currentVersion charterVersionId consultationEndsAt
  deliberationEndsAt votingOpensAt votingClosesAt`;
const DRAFT = `mutation ($input: DraftProposalInput!) { draftProposal(input: $input) { ${PROPOSAL_FIELDS} } }`;
const DRAFT_BOARD = `mutation ($input: DraftProposalInput!) { draftBoardProposal(input: $input) { ${PROPOSAL_FIELDS} } }`;
const EDIT = `mutation ($input: EditProposalDraftInput!) { editProposalDraft(input: $input) { ${PROPOSAL_FIELDS} } }`;
const SUBMIT = `mutation ($input: SubmitProposalInput!) { submitProposal(input: $input) { ${PROPOSAL_FIELDS} } }`;
const ADVANCE = `mutation ($input: AdvanceProposalInput!) { advanceProposal(input: $input) { ${PROPOSAL_FIELDS} } }`;
const DRAFT_OPINION = `mutation ($input: DraftOpinionInput!) { draftCouncilOpinion(input: $input) { id status position } }`;
const PROPOSE_AMENDMENT = `mutation ($input: ProposeAmendmentInput!) { proposeAmendment(input: $input) { id status baseVersion } }`;
const DECIDE_AMENDMENT = `mutation ($input: DecideAmendmentInput!) { decideAmendment(input: $input) { id status resultingVersion } }`;
const ATTACH = `mutation ($input: AttachLinkInput!) { attachProposalLink(input: $input) { id url title } }`;
const VIEW = `query ($id: UUID!) { proposal(id: $id) {
  ${PROPOSAL_FIELDS} renderedBody author { displayName }
  versions { version title note amendmentId }
  consultations { id status dueAt council { code } opinion { position status } }
  amendments { id status resultingVersion }
  attachments { url title }
  decisionRights { charterVersion pinned participates deliberates decides informed
    rule { voteMethod threshold { numerator denominator } }
    consulted { councilCode status council { code } opinion { position } } }
} }`;

interface ProposalView {
  id: string;
  status: string;
  origin: string;
  title: string;
  currentVersion: number;
  charterVersionId: string | null;
  consultationEndsAt: string | null;
  deliberationEndsAt: string | null;
  votingOpensAt: string | null;
  votingClosesAt: string | null;
}

interface ProposalDetail extends ProposalView {
  renderedBody: string;
  versions: { version: number; title: string; note: string; amendmentId: string | null }[];
  consultations: {
    id: string;
    status: string;
    dueAt: string;
    council: { code: string };
    opinion: { position: string; status: string } | null;
  }[];
  amendments: { id: string; status: string; resultingVersion: number | null }[];
  attachments: { url: string; title: string }[];
  decisionRights: {
    charterVersion: number;
    pinned: boolean;
    participates: string[];
    deliberates: string[];
    decides: string;
    informed: string[];
    consulted: { councilCode: string; status: string | null }[];
  };
}

const DAY = 86_400_000;

describe('a contribution-scale proposal from draft to vote (e2e)', () => {
  let app: TestApp;
  let secretary: string;
  let author: { member: Member; token: string };
  let outsider: string;
  const seated: Record<string, { chair: string; members: string[] }> = {};
  const published: Omit<OpinionPublishedEvent, 'manager'>[] = [];
  const votingStarted: Omit<ProposalVotingStartedEvent, 'manager'>[] = [];
  let proposalId: string;

  const gql = <T>(query: string, variables: Record<string, unknown>, token: string) =>
    app.gql<T>(query, variables, { token });
  const view = async () =>
    ok(await gql<{ proposal: ProposalDetail }>(VIEW, { id: proposalId }, author.token)).proposal;
  const stored = async () =>
    (
      await app.dataSource.query(
        `SELECT status, current_version, title, body, charter_version_id FROM proposal WHERE id = $1`,
        [proposalId],
      )
    )[0];

  async function seat(code: string, size: number) {
    const council = await app.dataSource.getRepository(Council).findOneByOrFail({ code });
    const tokens: string[] = [];
    for (let i = 0; i < size; i++) {
      const member = await createMember(app.dataSource);
      await app.dataSource.getRepository(CouncilSeat).save({
        councilId: council.id,
        memberId: member.id,
        status: SeatStatus.Active,
        termStart: '2026-01-01',
        termEnd: '2028-01-01',
      });
      if (i === 0)
        await app.dataSource
          .getRepository(Council)
          .update(council.id, { chairMemberId: member.id });
      const account = await createAccount(app.dataSource, { member });
      tokens.push(await signIn(app, account.email));
    }
    seated[code] = { chair: tokens[0], members: tokens.slice(1) };
  }

  beforeAll(async () => {
    app = await startTestApp();
    secretary = (await signedInMember(app, [Role.Secretary])).token;
    author = await signedInMember(app);
    outsider = (await signedInMember(app)).token;
    for (const code of ['youth', 'seniors', 'artists']) await seat(code, 3);
    const events = app.app.get(EventEmitter2);
    events.on(DomainEvent.OpinionPublished, ({ manager: _m, ...e }: OpinionPublishedEvent) => {
      published.push(e);
    });
    events.on(
      DomainEvent.ProposalVotingStarted,
      ({ manager: _m, ...e }: ProposalVotingStartedEvent) => {
        votingStarted.push(e);
      },
    );
  });
  afterAll(() => app.close());

  it('lets a member draft and edit a contribution-scale proposal, keeping every version', async () => {
    const drafted = ok(
      await gql<{ draftProposal: ProposalView }>(
        DRAFT,
        {
          input: {
            decisionType: 'ContributionScale',
            title: 'Barème des contributions 2027',
            body: '# Barème\n\nPalier A : 100 $\nPalier B : 200 $',
          },
        },
        author.token,
      ),
    ).draftProposal;
    proposalId = drafted.id;
    expect(drafted).toMatchObject({
      status: 'Draft',
      origin: 'MemberInitiative',
      currentVersion: 1,
    });

    // Only the author edits a draft.
    const edit = {
      proposalId,
      title: 'Barème des contributions 2027',
      body: '# Barème\n\nPalier A : 100 $\nPalier B : 200 $\nPalier C : 400 $',
      note: 'Ajout du palier C',
    };
    expect(errorCode(await gql(EDIT, { input: edit }, outsider))).toBe('FORBIDDEN');
    const edited = ok(
      await gql<{ editProposalDraft: ProposalView }>(EDIT, { input: edit }, author.token),
    );
    expect(edited.editProposalDraft.currentVersion).toBe(2);
    expect(await stored()).toMatchObject({ status: 'draft', current_version: 2, body: edit.body });

    // A draft is invisible to other members.
    expect(errorCode(await gql(VIEW, { id: proposalId }, outsider))).toBe('PROPOSAL_NOT_FOUND');
  });

  it('refuses dates earlier than the charter minimums with DEADLINE_TOO_SOON and changes nothing', async () => {
    const tooSoon = new Date(Date.now() + 10 * DAY).toISOString();
    const response = await gql(
      SUBMIT,
      { input: { proposalId, votingClosesAt: tooSoon } },
      secretary,
    );
    expect(errorCode(response)).toBe('DEADLINE_TOO_SOON');
    expect((await stored()).status).toBe('draft');
    const [{ n }] = await app.dataSource.query(
      'SELECT count(*)::int AS n FROM consultation_request WHERE proposal_id = $1',
      [proposalId],
    );
    expect(n).toBe(0);
  });

  it('on submission by the secretary, pins the charter, dates the phases and consults youth, seniors and artists', async () => {
    const before = Date.now();
    const submitted = ok(
      await gql<{ submitProposal: ProposalView }>(SUBMIT, { input: { proposalId } }, secretary),
    ).submitProposal;
    expect(submitted).toMatchObject({ status: 'Consultation', origin: 'Board' });
    // Founding charter, contribution scale: consultation 21 days, deliberation 14, notice 30, voting 7.
    const at = (iso: string | null) => new Date(iso!).getTime() - before;
    expect(at(submitted.consultationEndsAt)).toBeGreaterThanOrEqual(21 * DAY);
    expect(at(submitted.consultationEndsAt)).toBeLessThan(21 * DAY + 60_000);
    expect(at(submitted.deliberationEndsAt) - at(submitted.consultationEndsAt)).toBe(14 * DAY);
    expect(at(submitted.votingClosesAt) - at(submitted.votingOpensAt)).toBe(7 * DAY);

    const [{ id: charterV1 }] = await app.dataSource.query(
      'SELECT id FROM charter_version WHERE version = 1',
    );
    expect(submitted.charterVersionId).toBe(charterV1);
    const requests = await app.dataSource.query(
      `SELECT c.code, r.status, r.due_at FROM consultation_request r JOIN council c ON c.id = r.council_id
       WHERE r.proposal_id = $1 ORDER BY c.code`,
      [proposalId],
    );
    expect(requests.map((r: { code: string; status: string }) => [r.code, r.status])).toEqual([
      ['artists', 'requested'],
      ['seniors', 'requested'],
      ['youth', 'requested'],
    ]);
    expect(requests[0].due_at.toISOString()).toBe(submitted.consultationEndsAt);

    // Every sitting member of the three councils is told, in their language, once.
    const told = await app.dataSource.query(
      `SELECT n.recipient_email, n.locale, n.params->>'councilFr' AS council, n.params->>'dueOn' AS due_on
       FROM notification n WHERE n.kind = 'consultation_requested' AND n.params->>'title' = $1`,
      [submitted.title],
    );
    const seatHolders = await app.dataSource.query(
      `SELECT m.email FROM council_seat s JOIN member m ON m.id = s.member_id WHERE s.status = 'active'`,
    );
    expect(told.map((n: { recipient_email: string }) => n.recipient_email).sort()).toEqual(
      seatHolders.map((m: { email: string }) => m.email).sort(),
    );
    expect(told).toHaveLength(9);
    // The due date members read is Montréal's (the due instant's UTC date may be the next day).
    expect(told[0].due_on).toBe(quebecDate(new Date(submitted.consultationEndsAt!)));

    const rights = (await view()).decisionRights;
    expect(rights).toMatchObject({
      charterVersion: 1,
      pinned: true,
      decides: 'GeneralAssembly',
      informed: ['AllMembers', 'Board'],
      deliberates: ['all_members', 'youth', 'seniors', 'artists'],
      rule: { voteMethod: 'Choice', threshold: { numerator: 1, denominator: 2 } },
    });
    expect(rights.consulted.map((c) => c.status)).toEqual(['Requested', 'Requested', 'Requested']);
  });

  it('does not let the author skip consultation, nor leave it while councils are pending', async () => {
    const toVoting = await gql(ADVANCE, { input: { proposalId, to: 'Voting' } }, author.token);
    expect(errorCode(toVoting)).toBe('INVALID_TRANSITION');
    const early = await gql(ADVANCE, { input: { proposalId, to: 'Deliberation' } }, author.token);
    expect(errorCode(early)).toBe('CONSULTATION_PENDING');
    expect(
      errorCode(await gql(ADVANCE, { input: { proposalId, to: 'Deliberation' } }, outsider)),
    ).toBe('FORBIDDEN');
    expect((await stored()).status).toBe('consultation');
  });

  async function draftsOf(code: string, token: string): Promise<{ status: string }[]> {
    const { proposal } = ok(
      await gql<{
        proposal: {
          consultations: { council: { code: string }; opinionDrafts: { status: string }[] }[];
        };
      }>(
        `query ($id: UUID!) { proposal(id: $id) { consultations { council { code } opinionDrafts { status } } } }`,
        { id: proposalId },
        token,
      ),
    );
    return proposal.consultations.find((c) => c.council.code === code)!.opinionDrafts;
  }

  async function consultationOf(code: string): Promise<string> {
    const consultations = (await view()).consultations as {
      id: string;
      council: { code: string };
    }[];
    return consultations.find((c) => c.council.code === code)!.id;
  }

  it('lets council members draft and the council adopt its opinion by a vote of its seats, which publishes it', async () => {
    const youth = await consultationOf('youth');
    // Someone who does not sit on the youth council cannot draft its opinion.
    const foreign = await gql(
      DRAFT_OPINION,
      { input: { consultationId: youth, position: 'Favourable', text: 'Oui' } },
      seated.seniors.members[0],
    );
    expect(errorCode(foreign)).toBe('NOT_ON_COUNCIL');
    expect(
      errorCode(
        await gql(
          DRAFT_OPINION,
          { input: { consultationId: youth, position: 'Favourable', text: 'Oui' } },
          outsider,
        ),
      ),
    ).toBe('NOT_ON_COUNCIL');

    const youthDraft = ok(
      await gql<{ draftCouncilOpinion: { id: string; status: string } }>(
        DRAFT_OPINION,
        {
          input: {
            consultationId: youth,
            position: 'Favourable',
            text: 'Le conseil appuie le barème.',
          },
        },
        seated.youth.members[0],
      ),
    ).draftCouncilOpinion;
    expect(youthDraft.status).toBe('Draft');
    // Only the chair (or the secretary) puts a draft to the council's vote.
    const putByMember = await gql(
      PUT_OPINION_TO_VOTE,
      {
        input: {
          opinionId: youthDraft.id,
          closesAt: new Date(Date.now() + 3 * 24 * 3_600_000).toISOString(),
        },
      },
      seated.youth.members[1],
    );
    expect(errorCode(putByMember)).toBe('FORBIDDEN');
    // The council's three seats vote: two for, one abstains.
    const youthVote = (opinionId: string, ballots: Record<string, unknown>[]) =>
      councilVotesOnOpinion(
        app,
        { chair: seated.youth.chair, secretary },
        opinionId,
        ballots.map((ballot, i) => [[seated.youth.chair, ...seated.youth.members][i], ballot]),
      );
    expect(
      await youthVote(youthDraft.id, [{ option: 'yes' }, { option: 'yes' }, { abstain: true }]),
    ).toBe('adopted');

    // Seniors: a first draft splits the council evenly (not a majority); the second is adopted.
    const seniors = await consultationOf('seniors');
    const draft = (position: string, text: string) =>
      gql<{ draftCouncilOpinion: { id: string } }>(
        DRAFT_OPINION,
        { input: { consultationId: seniors, position, text } },
        seated.seniors.members[1],
      );
    const seniorsVote = (opinionId: string, ballots: Record<string, unknown>[]) =>
      councilVotesOnOpinion(
        app,
        { chair: seated.seniors.chair, secretary },
        opinionId,
        ballots.map((ballot, i) => [[seated.seniors.chair, ...seated.seniors.members][i], ballot]),
      );
    const first = ok(await draft('Unfavourable', 'Trop cher.')).draftCouncilOpinion;
    expect(await seniorsVote(first.id, [{ option: 'yes' }, { option: 'no' }])).toBe('rejected');
    const second = ok(
      await draft('FavourableWithConditions', 'Oui, avec un palier réduit.'),
    ).draftCouncilOpinion;
    expect(
      await seniorsVote(second.id, [{ option: 'yes' }, { option: 'yes' }, { option: 'yes' }]),
    ).toBe('adopted');
    // Published once: the consultation is answered.
    const again = await gql(
      PUT_OPINION_TO_VOTE,
      {
        input: {
          opinionId: second.id,
          closesAt: new Date(Date.now() + 3 * 24 * 3_600_000).toISOString(),
        },
      },
      seated.seniors.chair,
    );
    expect(errorCode(again)).toBe('OPINION_ALREADY_DECIDED');

    const councilIds = await app.dataSource.query(
      `SELECT code, id FROM council WHERE code IN ('youth', 'seniors')`,
    );
    const idOf = (code: string) => councilIds.find((c: { code: string }) => c.code === code).id;
    expect(published).toEqual([
      { proposalId, councilId: idOf('youth') },
      { proposalId, councilId: idOf('seniors') },
    ]);
    const consultations = (await view()).consultations as {
      status: string;
      council: { code: string };
      opinion: { position: string } | null;
    }[];
    const byCode = Object.fromEntries(consultations.map((c) => [c.council.code, c]));
    expect(byCode.youth).toMatchObject({ status: 'Answered', opinion: { position: 'Favourable' } });
    expect(byCode.seniors).toMatchObject({
      status: 'Answered',
      opinion: { position: 'FavourableWithConditions' },
    });
    expect(byCode.artists).toMatchObject({ status: 'Requested', opinion: null });

    // The artists' drafts are the artists council's own while its consultation is open.
    const artists = await consultationOf('artists');
    ok(
      await gql(
        DRAFT_OPINION,
        { input: { consultationId: artists, position: 'Abstain', text: 'Brouillon' } },
        seated.artists.members[0],
      ),
    );
    expect(await draftsOf('artists', seated.artists.members[1])).toHaveLength(1);
    expect(await draftsOf('artists', secretary)).toHaveLength(1);
    expect(await draftsOf('artists', outsider)).toEqual([]);
    // Answered consultations show how each draft fared to everyone.
    expect((await draftsOf('seniors', outsider)).map((d) => d.status)).toEqual([
      'Draft',
      'Published',
    ]);
    expect(
      errorCode(await gql(ADVANCE, { input: { proposalId, to: 'Deliberation' } }, author.token)),
    ).toBe('CONSULTATION_PENDING');
  });

  it('at the due date records the silent council as did_not_answer and opens deliberation, once', async () => {
    await consultationOver(app.dataSource, proposalId);
    const handler = app.app.get(ProposalConsultationDueHandler);
    await handler.handle({ id: proposalId, version: 1 });
    expect(await handler.handle({ id: proposalId, version: 1 })).toBe('not_due');

    const proposal = await view();
    expect(proposal.status).toBe('Deliberation');
    const statuses = Object.fromEntries(
      proposal.decisionRights.consulted.map((c) => [c.councilCode, c.status]),
    );
    expect(statuses).toEqual({ youth: 'Answered', seniors: 'Answered', artists: 'DidNotAnswer' });
    const [{ n }] = await app.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_event WHERE entity_id = $1 AND action = 'proposal.deliberation'`,
      [proposalId],
    );
    expect(n).toBe(1);
    // The artists council can no longer answer.
    const artists = await consultationOf('artists');
    expect(
      errorCode(
        await gql(
          DRAFT_OPINION,
          { input: { consultationId: artists, position: 'Abstain', text: 'Trop tard' } },
          seated.artists.members[0],
        ),
      ),
    ).toBe('CONSULTATION_CLOSED');
    // Closed, the silent council's unadopted draft is part of the record.
    expect(await draftsOf('artists', outsider)).toEqual([{ status: 'Draft' }]);
  });

  it('accepts an amendment as a new linked version with a diff and refuses others', async () => {
    const member = (await signedInMember(app)).token;
    const body = '# Barème\n\nPalier A : 100 $\nPalier B : 150 $\nPalier C : 400 $';
    const amendment = ok(
      await gql<{ proposeAmendment: { id: string; baseVersion: number } }>(
        PROPOSE_AMENDMENT,
        {
          input: {
            proposalId,
            title: 'Barème des contributions 2027',
            body,
            rationale: 'Palier B trop élevé',
          },
        },
        member,
      ),
    ).proposeAmendment;
    expect(amendment.baseVersion).toBe(2);
    const accept = { input: { amendmentId: amendment.id, decision: 'Accepted' } };
    expect(errorCode(await gql(DECIDE_AMENDMENT, accept, member))).toBe('FORBIDDEN');
    const accepted = ok(
      await gql<{ decideAmendment: { status: string; resultingVersion: number } }>(
        DECIDE_AMENDMENT,
        accept,
        author.token,
      ),
    ).decideAmendment;
    expect(accepted).toMatchObject({ status: 'Accepted', resultingVersion: 3 });
    expect(errorCode(await gql(DECIDE_AMENDMENT, accept, author.token))).toBe(
      'AMENDMENT_ALREADY_DECIDED',
    );
    expect(await stored()).toMatchObject({ current_version: 3, body });

    const other = ok(
      await gql<{ proposeAmendment: { id: string } }>(
        PROPOSE_AMENDMENT,
        { input: { proposalId, title: 'Barème', body: 'Tout gratuit', rationale: '' } },
        member,
      ),
    ).proposeAmendment;
    ok(
      await gql(
        DECIDE_AMENDMENT,
        { input: { amendmentId: other.id, decision: 'Refused' } },
        author.token,
      ),
    );
    const diff = ok(
      await gql<{
        proposal: {
          diff: {
            titleChanged: boolean;
            changes: { kind: string; text: string }[];
            unified: string;
          };
        };
      }>(
        `query ($id: UUID!) { proposal(id: $id) { diff(from: 2, to: 3) { titleChanged changes { kind text } unified } } }`,
        { id: proposalId },
        member,
      ),
    ).proposal.diff;
    expect(diff.titleChanged).toBe(false);
    expect(diff.changes.filter((c) => c.kind !== 'unchanged')).toEqual([
      { kind: 'removed', text: 'Palier B : 200 $\n' },
      { kind: 'added', text: 'Palier B : 150 $\n' },
    ]);
    expect(diff.unified).toContain('+Palier B : 150 $');

    const proposal = await view();
    expect(
      proposal.versions.map((v: { version: number; amendmentId: string | null }) => [
        v.version,
        v.amendmentId,
      ]),
    ).toEqual([
      [1, null],
      [2, null],
      [3, amendment.id],
    ]);
    expect(proposal.amendments.map((a: { status: string }) => a.status)).toEqual([
      'Accepted',
      'Refused',
    ]);
    expect(proposal.renderedBody).toContain('<h1>Barème</h1>');
  });

  it('attaches documents by validated URL only', async () => {
    const bad = await gql(
      ATTACH,
      { input: { proposalId, url: 'javascript:alert(1)', title: 'Étude' } },
      author.token,
    );
    expect(errorCode(bad)).toBe('INVALID_VALUE');
    const tooLong = await gql(
      ATTACH,
      { input: { proposalId, url: 'https://example.org/etude.pdf', title: 'x'.repeat(201) } },
      author.token,
    );
    expect(errorCode(tooLong)).toBe('INVALID_VALUE');
    ok(
      await gql(
        ATTACH,
        { input: { proposalId, url: 'https://example.org/etude.pdf', title: 'Étude d’impact' } },
        author.token,
      ),
    );
    expect((await view()).attachments).toEqual([
      { url: 'https://example.org/etude.pdf', title: 'Étude d’impact' },
    ]);
  });

  it('goes to the vote when deliberation ends (found by the reconciler), announcing the voting dates', async () => {
    // A scale is decided by a general assembly: the proposal is on a convened one's agenda.
    await assemblyWithProposal(app.dataSource, proposalId);
    expect(
      errorCode(await gql(ADVANCE, { input: { proposalId, to: 'Voting' } }, author.token)),
    ).toBe('PHASE_NOT_OVER');
    await app.dataSource.query(
      `UPDATE proposal SET deliberation_ends_at = now() - interval '1 second', schedule_version = schedule_version + 1
       WHERE id = $1`,
      [proposalId],
    );
    // As a rescheduled deadline (new version) whose job was lost: the reconciler finds it overdue
    // in PostgreSQL and the worker runs it; the stale v1 job will find nothing to do.
    await app.app.get(ReconcileHandler).handle();
    const deadline = Date.now() + 15_000;
    while ((await stored()).status !== 'voting' && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
    }
    const proposal = await view();
    expect(proposal.status).toBe('Voting');
    expect(votingStarted).toEqual([
      expect.objectContaining({
        proposalId,
        decisionType: 'contribution_scale',
        charterVersionId: proposal.charterVersionId,
        opensAt: new Date(proposal.votingOpensAt!),
        closesAt: new Date(proposal.votingClosesAt!),
      }),
    ]);
    expect(
      new Date(proposal.votingClosesAt!).getTime() - new Date(proposal.votingOpensAt!).getTime(),
    ).toBe(7 * DAY);
  });

  it('takes the outcome of its closed vote, once', async () => {
    const close = (outcome: VoteClosedEvent['outcome']) =>
      app.dataSource.transaction((manager) =>
        app.app.get(EventEmitter2).emitAsync(DomainEvent.VoteClosed, {
          manager,
          voteId: '00000000-0000-4000-8000-000000000001',
          subjectType: 'proposal',
          subjectId: proposalId,
          outcome,
        } satisfies VoteClosedEvent),
      );
    await close('adopted');
    await close('rejected'); // a duplicate delivery changes nothing
    expect((await stored()).status).toBe('adopted');
    const implemented = `mutation ($id: UUID!) { markProposalImplemented(proposalId: $id) { status } }`;
    expect(errorCode(await gql(implemented, { id: proposalId }, author.token))).toBe('FORBIDDEN');
    ok(await gql(implemented, { id: proposalId }, secretary));
    expect((await stored()).status).toBe('implemented');
  });

  it('lets the author withdraw before the vote only, and the secretary cancel with a reason', async () => {
    const tabled = async (title: string) => {
      const { id } = ok(
        await gql<{ draftBoardProposal: ProposalView }>(
          DRAFT_BOARD,
          { input: { decisionType: 'OrdinaryResolution', title, body: 'Texte' } },
          secretary,
        ),
      ).draftBoardProposal;
      // An ordinary resolution consults no council: tabled, it opens deliberation at once.
      const submitted = ok(
        await gql<{ submitProposal: ProposalView }>(
          SUBMIT,
          { input: { proposalId: id } },
          secretary,
        ),
      ).submitProposal;
      expect(submitted.status).toBe('Deliberation');
      return id;
    };
    // A member cannot table.
    expect(
      errorCode(
        await gql(
          DRAFT_BOARD,
          { input: { decisionType: 'Budget', title: 'x', body: 'y' } },
          outsider,
        ),
      ),
    ).toBe('FORBIDDEN');

    const first = await tabled('Motion A');
    const edit = { proposalId: first, title: 'Motion A', body: 'Autre texte' };
    expect(errorCode(await gql(EDIT, { input: edit }, secretary))).toBe('NOT_IN_PHASE');
    const withdraw = `mutation ($id: UUID!) { withdrawProposal(proposalId: $id) { status } }`;
    expect(errorCode(await gql(withdraw, { id: first }, author.token))).toBe('FORBIDDEN');
    ok(await gql(withdraw, { id: first }, secretary));
    expect(errorCode(await gql(withdraw, { id: first }, secretary))).toBe('INVALID_TRANSITION');

    const second = await tabled('Motion B');
    const cancel = `mutation ($input: CancelProposalInput!) { cancelProposal(input: $input) { status cancelReason } }`;
    expect(
      errorCode(
        await gql(cancel, { input: { proposalId: second, reason: 'Hors sujet' } }, author.token),
      ),
    ).toBe('FORBIDDEN');
    expect(
      errorCode(await gql(cancel, { input: { proposalId: second, reason: '' } }, secretary)),
    ).toBe('INVALID_VALUE');
    const cancelled = ok(
      await gql<{ cancelProposal: { status: string; cancelReason: string } }>(
        cancel,
        { input: { proposalId: second, reason: 'Hors sujet' } },
        secretary,
      ),
    ).cancelProposal;
    expect(cancelled).toEqual({ status: 'Cancelled', cancelReason: 'Hors sujet' });
    const rows = await app.dataSource.query(
      `SELECT status, cancel_reason FROM proposal WHERE id IN ($1, $2) ORDER BY title`,
      [first, second],
    );
    expect(rows).toEqual([
      { status: 'withdrawn', cancel_reason: null },
      { status: 'cancelled', cancel_reason: 'Hors sujet' },
    ]);
  });

  it('lets exactly one of 50 simultaneous identical submissions through', async () => {
    const draft = ok(
      await gql<{ draftProposal: ProposalView }>(
        DRAFT,
        { input: { decisionType: 'ContributionScale', title: 'Barème 2028', body: 'Texte' } },
        author.token,
      ),
    ).draftProposal;
    const responses: GraphQLResponse<unknown>[] = await Promise.all(
      Array.from({ length: 50 }, () => gql(SUBMIT, { input: { proposalId: draft.id } }, secretary)),
    );
    expect(responses.filter((r) => !r.errors)).toHaveLength(1);
    expect(responses.filter((r) => errorCode(r) === 'INVALID_TRANSITION')).toHaveLength(49);
    const [{ requests, submissions }] = await app.dataSource.query(
      `SELECT (SELECT count(*)::int FROM consultation_request WHERE proposal_id = $1) AS requests,
              (SELECT count(*)::int FROM audit_event WHERE entity_id = $2 AND action = 'proposal.submitted') AS submissions`,
      [draft.id, draft.id],
    );
    expect({ requests, submissions }).toEqual({ requests: 3, submissions: 1 });
  });
});
