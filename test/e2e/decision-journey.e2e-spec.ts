import { CallsService } from '@delibera/contributions';
import { Council } from '@delibera/councils';
import { EventEmitter2 } from '@nestjs/event-emitter';
import {
  DomainEvent,
  JobScheduler,
  ProposalVotingStartedEvent,
  QueueName,
  Role,
} from '@delibera/kernel';
import { Member, OrganisationCategory, SizeBand } from '@delibera/membership';
import {
  ProposalConsultationDueHandler,
  ProposalDeliberationEndHandler,
} from '@delibera/proposals';
import { signedInMember, staffToken } from '../factories';
import { assemblyWithProposal, grantProxy, inDays, openDoors } from '../factories/assemblies';
import { consultationOver, councilVotesOnOpinion } from '../factories/proposals';
import {
  createOrganisations,
  CreatedOrganisation,
  TEST_CATEGORIES,
  TEST_SIZE_BANDS,
} from '../factories/organisations';
import {
  asVoter,
  castBallot,
  closeVote,
  openVote,
  seatOnCouncil,
  votersIn,
} from '../factories/votes';
import { errorCode, ok, startTestApp, TestApp } from './test-app';

const SCALE_DRAFT = `mutation ($input: ContributionScaleInput!) { draftContributionScale(input: $input) { id } }`;
const SCALE_SUBMIT = `mutation ($id: UUID!) { submitContributionScale(scaleId: $id) { proposalId status } }`;
const CONVENE = `mutation ($input: ConveneAssemblyInput!) { conveneAssembly(input: $input) { id noticeDays } }`;
const CHECK_IN = `mutation ($input: CheckInInput!) { checkIn(input: $input) { memberId } }`;
const DRAFT_OPINION = `mutation ($input: DraftOpinionInput!) { draftCouncilOpinion(input: $input) { id } }`;
const DRAFT_BOARD = `mutation ($input: DraftProposalInput!) { draftBoardProposal(input: $input) { id status } }`;
const SUBMIT = `mutation ($input: SubmitProposalInput!) { submitProposal(input: $input) { id status } }`;
const ADVANCE = `mutation ($input: AdvanceProposalInput!) { advanceProposal(input: $input) { id status } }`;
const PROPOSAL = `query ($id: UUID!) { proposal(id: $id) { status
  consultations { id status council { code } } } }`;
const VOTES_OF = `query ($id: UUID!) { votes(subjectType: Proposal, subjectId: $id, first: 5) { totalCount
  edges { node { id status decisionType charterVersion electorateKind electorateRef method choiceKind secrecy
    collegeWeighting opensAt closesAt threshold { numerator denominator } options { id } } } } }`;
const CAMPAIGN = `query ($year: Int!) { contributionCampaign(fiscalYear: $year) {
  callCount calledCents reconciliation { reconciles ledgerCents organisationsNotReconciling } } }`;

interface VoteNode {
  id: string;
  status: string;
  decisionType: string;
  charterVersion: number;
  electorateKind: string;
  electorateRef: string | null;
  method: string;
  choiceKind: string | null;
  secrecy: string;
  collegeWeighting: boolean;
  opensAt: string;
  closesAt: string;
  threshold: { numerator: number; denominator: number };
  options: { id: string }[];
}

const FISCAL_YEAR = 2027;
/** Tier amounts with odd cents, so any rounding would show. */
const tierAmount = (category: OrganisationCategory, band: SizeBand) =>
  50_000 * (TEST_CATEGORIES.indexOf(category) + 1) + 1_237 * TEST_SIZE_BANDS.indexOf(band) + 3;
/** GraphQL names enum values by their TypeScript keys. */
const gqlName = (values: Record<string, string>, value: string) =>
  Object.keys(values).find((key) => values[key] === value)!;

/**
 * Issue #7's decision, end to end through GraphQL: a contribution scale goes
 * from the treasurer's draft through consultation and deliberation to the
 * annual general assembly's vote, created by itself with the assembly's
 * electorate; adopted, it issues one call per organisation.
 */
describe('from a contribution scale to its calls, through the general assembly (e2e)', () => {
  let app: TestApp;
  let secretary: string;
  let treasurer: string;
  let organisations: CreatedOrganisation[];
  let orgVoters: { member: Member; token: string }[];
  let people: { member: Member; token: string }[];
  const chairs: Record<string, string> = {};
  const seatMembers: Record<string, string> = {};
  let proposalId: string;
  let assemblyId: string;
  let vote: VoteNode;

  const gql = <T>(query: string, variables: Record<string, unknown>, token = secretary) =>
    app.gql<T>(query, variables, { token });
  const proposalRow = async (id = proposalId) =>
    (
      await app.dataSource.query(
        `SELECT status, schedule_version AS "version" FROM proposal WHERE id = $1`,
        [id],
      )
    )[0] as { status: string; version: number };
  const votesOf = async (id: string) =>
    ok(await gql<{ votes: { totalCount: number; edges: { node: VoteNode }[] } }>(VOTES_OF, { id }))
      .votes;
  const until = async (check: () => Promise<boolean>, what: string) => {
    const deadline = Date.now() + 15_000;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };

  beforeAll(async () => {
    app = await startTestApp();
    secretary = await staffToken(app, [Role.Secretary]);
    treasurer = (await signedInMember(app, [Role.Treasurer])).token;
    organisations = await createOrganisations(app.dataSource, 300, { prefix: 'Org' });
    // Three organisations vote through their representative's account.
    const members = await app.dataSource
      .getRepository(Member)
      .findBy(organisations.slice(0, 3).map((o) => ({ id: o.id })));
    orgVoters = await Promise.all(members.map((member) => asVoter(app, member)));
    people = await votersIn(app, 4);
    for (const code of ['youth', 'seniors', 'artists']) {
      const council = await app.dataSource.getRepository(Council).findOneByOrFail({ code });
      const [chair, member] = await votersIn(app, 2);
      await seatOnCouncil(app.dataSource, council, [chair.member, member.member]);
      await app.dataSource
        .getRepository(Council)
        .update(council.id, { chairMemberId: chair.member.id });
      chairs[code] = chair.token;
      seatMembers[code] = member.token;
    }
  });
  afterAll(() => app.close());

  it('submits the treasurer’s scale as a contribution_scale proposal, consulting three councils', async () => {
    const tiers = TEST_CATEGORIES.flatMap((category) =>
      TEST_SIZE_BANDS.map((band) => ({
        organisationCategory: gqlName(OrganisationCategory, category),
        sizeBand: gqlName(SizeBand, band),
        amountCents: tierAmount(category, band),
      })),
    );
    const { id: scaleId } = ok(
      await gql<{ draftContributionScale: { id: string } }>(
        SCALE_DRAFT,
        {
          input: {
            fiscalYear: FISCAL_YEAR,
            fiscalYearStartsOn: '2027-04-01',
            name: 'Barème 2027',
            dueOn: '2027-12-31',
            campaignTargetCents: 100_000_000,
            individualDuesCents: 2_500,
            prorationRule: 'RemainingMonths',
            tiers,
          },
        },
        treasurer,
      ),
    ).draftContributionScale;
    const submitted = ok(
      await gql<{ submitContributionScale: { proposalId: string; status: string } }>(
        SCALE_SUBMIT,
        { id: scaleId },
        treasurer,
      ),
    ).submitContributionScale;
    proposalId = submitted.proposalId;
    const { proposal } = ok(
      await gql<{ proposal: { status: string; consultations: { council: { code: string } }[] } }>(
        PROPOSAL,
        { id: proposalId },
      ),
    );
    expect(proposal.status).toBe('Consultation');
    expect(proposal.consultations.map((c) => c.council.code).sort()).toEqual([
      'artists',
      'seniors',
      'youth',
    ]);
  });

  it('lets the secretary convene the annual general assembly with the scale on its agenda, with 30 days’ notice', async () => {
    const input = (startsInDays: number) => ({
      input: {
        kind: 'GeneralAssembly',
        generalAssemblyType: 'Annual',
        mode: 'Hybrid',
        titleFr: 'Assemblée générale annuelle 2027',
        titleEn: 'Annual general assembly 2027',
        place: 'Salle communautaire, Rimouski',
        url: 'https://meet.example.org/aga-2027',
        startsAt: inDays(startsInDays),
        endsAt: inDays(startsInDays + 1),
        agenda: [
          {
            kind: 'Proposal',
            titleFr: 'Barème des contributions 2027',
            titleEn: 'Contribution scale 2027',
            refId: proposalId,
            decisionType: 'ContributionScale',
          },
        ],
      },
    });
    expect(errorCode(await gql(CONVENE, input(10)))).toBe('NOTICE_TOO_SHORT');
    const assembly = ok(
      await gql<{ conveneAssembly: { id: string; noticeDays: number } }>(CONVENE, input(31)),
    ).conveneAssembly;
    expect(assembly.noticeDays).toBe(30);
    assemblyId = assembly.id;
  });

  it('hears two councils, records the silent third at its due date, then deliberates', async () => {
    const { proposal } = ok(
      await gql<{ proposal: { consultations: { id: string; council: { code: string } }[] } }>(
        PROPOSAL,
        { id: proposalId },
      ),
    );
    const consultationOf = (code: string) =>
      proposal.consultations.find((c) => c.council.code === code)!.id;
    for (const code of ['youth', 'seniors']) {
      const { id } = ok(
        await gql<{ draftCouncilOpinion: { id: string } }>(
          DRAFT_OPINION,
          {
            input: {
              consultationId: consultationOf(code),
              position: 'Favourable',
              text: `Le conseil ${code} appuie le barème.`,
            },
          },
          seatMembers[code],
        ),
      ).draftCouncilOpinion;
      // The council's two seats vote for it: adopted, the opinion is published.
      const outcome = await councilVotesOnOpinion(app, { chair: chairs[code], secretary }, id, [
        [chairs[code], { option: 'yes' }],
        [seatMembers[code], { option: 'yes' }],
      ]);
      expect(outcome).toBe('adopted');
    }
    // The artists stay silent; their due date passes, and the deadline job runs.
    await consultationOver(app.dataSource, proposalId);
    const { version } = await proposalRow();
    expect(
      await app.app.get(ProposalConsultationDueHandler).handle({ id: proposalId, version }),
    ).toBe('done');
    const [{ statuses }] = await app.dataSource.query(
      `SELECT array_agg(c.code || ':' || r.status ORDER BY c.code) AS statuses
         FROM consultation_request r JOIN council c ON c.id = r.council_id WHERE r.proposal_id = $1`,
      [proposalId],
    );
    expect(statuses).toEqual(['artists:did_not_answer', 'seniors:answered', 'youth:answered']);
    expect((await proposalRow()).status).toBe('deliberation');
  });

  it('creates the vote by itself when deliberation ends: the assembly decides, under the pinned charter rule', async () => {
    expect((await votesOf(proposalId)).totalCount).toBe(0);
    // Deliberation ends; the vote is planned during the assembly, an hour from now.
    await app.dataSource.query(
      `UPDATE proposal SET deliberation_ends_at = now() - interval '1 second',
              voting_opens_at = now() + interval '1 hour', voting_closes_at = now() + interval '1 day'
        WHERE id = $1`,
      [proposalId],
    );
    const { version } = await proposalRow();
    expect(
      await app.app.get(ProposalDeliberationEndHandler).handle({ id: proposalId, version }),
    ).toBe('done');
    expect((await proposalRow()).status).toBe('voting');

    const votes = await votesOf(proposalId);
    expect(votes.totalCount).toBe(1);
    vote = votes.edges[0].node;
    // Founding charter, contribution scale: general assembly, choice, more than 1/2 of cast, secret, weighted.
    expect(vote).toMatchObject({
      status: 'Scheduled',
      decisionType: 'ContributionScale',
      charterVersion: 1,
      electorateKind: 'Assembly',
      electorateRef: assemblyId,
      method: 'Choice',
      choiceKind: 'Motion',
      secrecy: 'Secret',
      collegeWeighting: true,
      threshold: { numerator: 1, denominator: 2 },
      options: [{ id: 'yes' }, { id: 'no' }],
    });
    const [dates] = await app.dataSource.query(
      `SELECT voting_opens_at AS "opensAt", voting_closes_at AS "closesAt" FROM proposal WHERE id = $1`,
      [proposalId],
    );
    expect([new Date(vote.opensAt), new Date(vote.closesAt)]).toEqual([
      dates.opensAt,
      dates.closesAt,
    ]);
    // Its open and close jobs were enqueued once the proposal's transaction committed.
    const deadlines = app.app.get(JobScheduler).queue(QueueName.Deadlines);
    for (const transition of ['open', 'close'])
      expect(await deadlines.getJobState(`vote.${vote.id}.${transition}.v1`)).toBe('delayed');
    // The deadline delivered again, or the event itself, changes nothing: still one vote.
    expect(
      await app.app.get(ProposalDeliberationEndHandler).handle({ id: proposalId, version }),
    ).toBe('not_due');
    const [pinned] = await app.dataSource.query(
      `SELECT charter_version_id AS id, title FROM proposal WHERE id = $1`,
      [proposalId],
    );
    await app.dataSource.transaction((manager) =>
      app.app.get(EventEmitter2).emitAsync(DomainEvent.ProposalVotingStarted, {
        manager,
        proposalId,
        decisionType: 'contribution_scale',
        charterVersionId: pinned.id,
        title: pinned.title,
        opensAt: new Date(vote.opensAt),
        closesAt: new Date(vote.closesAt),
        actorAccountId: null,
      } satisfies ProposalVotingStartedEvent),
    );
    expect((await votesOf(proposalId)).totalCount).toBe(1);
  });

  it('holds the vote at the assembly: check-in of people and organisations, a proxy, secret ballots, tally', async () => {
    const [holder, voter, against, grantor] = people;
    ok(await grantProxy(app, grantor.token, assemblyId, holder.member.id));
    await openDoors(app, assemblyId);
    const checkIn = (memberId: string) =>
      gql(CHECK_IN, { input: { assemblyId, memberId, mode: 'Present' } });
    for (const person of [holder, voter, against]) ok(await checkIn(person.member.id));
    // The assembly's quorum is a tenth of ~315 active members: 40 organisations come.
    for (const organisation of organisations.slice(0, 40)) ok(await checkIn(organisation.id));

    const opened = await openVote(app, secretary, vote.id);
    expect(opened).toMatchObject({ status: 'Open', rollSize: 44 });
    const yes = { option: 'yes' };
    ok(await castBallot(app, holder.token, vote.id, yes));
    ok(await castBallot(app, holder.token, vote.id, yes, grantor.member.id));
    ok(await castBallot(app, voter.token, vote.id, yes));
    ok(await castBallot(app, against.token, vote.id, { option: 'no' }));
    for (const organisation of orgVoters)
      ok(await castBallot(app, organisation.token, vote.id, yes));
    // The grantor gave their vote away.
    expect(errorCode(await castBallot(app, grantor.token, vote.id, yes))).toBe('NOT_IN_ELECTORATE');

    const closed = await closeVote(app, secretary, vote.id);
    expect(closed.result).toMatchObject({
      outcome: 'adopted',
      quorumMet: true,
      eligible: 44,
      participations: 7,
      ballots: 7,
    });
    await until(async () => (await proposalRow()).status === 'adopted', 'the adoption');
  });

  it('issues 300 calls with the tier amounts once, and the campaign reconciles', async () => {
    // Organisations' calls; individual members' dues calls (the scale has dues) are checked below.
    const callsOf = () =>
      app.dataSource.query<{ member_id: string; amount_cents: string }[]>(
        `SELECT c.member_id, c.amount_cents FROM contribution_call c
           JOIN contribution_scale s ON s.id = c.scale_id WHERE s.proposal_id = $1 AND c.tier_id IS NOT NULL`,
        [proposalId],
      );
    await until(async () => (await callsOf()).length === 300, '300 calls');
    const calls = await callsOf();
    const byMember = new Map(calls.map((c) => [c.member_id, Number(c.amount_cents)]));
    const expectedTotal = organisations.reduce((sum, o) => {
      expect(byMember.get(o.id)).toBe(tierAmount(o.organisationCategory, o.sizeBand));
      return sum + tierAmount(o.organisationCategory, o.sizeBand);
    }, 0);

    const [{ scaleId }] = await app.dataSource.query(
      `SELECT id AS "scaleId" FROM contribution_scale WHERE proposal_id = $1`,
      [proposalId],
    );
    expect(await app.app.get(CallsService).issueOutstanding(scaleId)).toBe(0);
    expect(await callsOf()).toHaveLength(300);
    const dues = await app.dataSource.query<
      { amount_cents: string; full_amount_cents: string; prorated_months: number | null }[]
    >(
      `SELECT c.amount_cents, c.full_amount_cents, c.prorated_months FROM contribution_call c
         JOIN member m ON m.id = c.member_id WHERE c.scale_id = $1 AND c.tier_id IS NULL AND m.kind = 'person'`,
      [scaleId],
    );
    const [{ persons }] = await app.dataSource.query(
      `SELECT count(*)::int AS persons FROM member WHERE kind = 'person' AND status = 'active'`,
    );
    expect(dues).toHaveLength(persons);
    for (const call of dues) {
      expect(Number(call.full_amount_cents)).toBe(2_500);
      expect(Number(call.amount_cents)).toBe(
        call.prorated_months === null ? 2_500 : Math.floor((2_500 * call.prorated_months + 6) / 12),
      );
    }
    const duesCents = dues.reduce((sum, call) => sum + Number(call.amount_cents), 0);

    const campaign = ok(
      await gql<{
        contributionCampaign: {
          callCount: number;
          calledCents: number;
          reconciliation: {
            reconciles: boolean;
            ledgerCents: number;
            organisationsNotReconciling: number;
          };
        };
      }>(CAMPAIGN, { year: FISCAL_YEAR }, treasurer),
    ).contributionCampaign;
    expect(campaign).toEqual({
      callCount: 300 + dues.length,
      calledCents: expectedTotal + duesCents,
      reconciliation: { reconciles: true, ledgerCents: 0, organisationsNotReconciling: 0 },
    });
  });

  /** A proposal the board tables and submits, its deliberation over. */
  async function tabledPastDeliberation(decisionType: string, title: string): Promise<string> {
    const { id } = ok(
      await gql<{ draftBoardProposal: { id: string } }>(DRAFT_BOARD, {
        input: { decisionType, title, body: 'Texte de la proposition.' },
      }),
    ).draftBoardProposal;
    const submitted = ok(
      await gql<{ submitProposal: { status: string } }>(SUBMIT, { input: { proposalId: id } }),
    ).submitProposal;
    expect(submitted.status).toBe('Deliberation');
    await app.dataSource.query(
      `UPDATE proposal SET deliberation_ends_at = now() - interval '1 second' WHERE id = $1`,
      [id],
    );
    return id;
  }

  it('refuses to put a general-assembly decision to the vote without an assembly, changing nothing', async () => {
    const id = await tabledPastDeliberation('OrdinaryResolution', 'Politique de savoirs ouverts');
    // An assembly that was cancelled does not count.
    const cancelled = await assemblyWithProposal(app.dataSource, id, 'ordinary_resolution');
    await app.dataSource.query(`UPDATE assembly SET status = 'cancelled' WHERE id = $1`, [
      cancelled,
    ]);
    const before = await app.dataSource.query(
      `SELECT (SELECT count(*)::int FROM audit_event WHERE entity_id = $1) AS audit,
              (SELECT count(*)::int FROM vote) AS votes`,
      [id],
    );
    const refused = await gql(ADVANCE, { input: { proposalId: id, to: 'Voting' } });
    expect(errorCode(refused)).toBe('NO_ASSEMBLY_FOR_PROPOSAL');
    expect(refused.errors?.[0].message).toBe(
      "Cette proposition doit être inscrite à l'ordre du jour d'une assemblée générale convoquée avant son vote.",
    );
    const english = await app.gql(
      ADVANCE,
      { input: { proposalId: id, to: 'Voting' } },
      { token: secretary, locale: 'en' },
    );
    expect(english.errors?.[0].message).toBe(
      'This proposal must be on the agenda of a convened general assembly before it can be put to the vote.',
    );
    // The deadline job is refused too, without failing (the reconciler will try it again).
    const deliberationEnd = app.app.get(ProposalDeliberationEndHandler);
    const { version } = await proposalRow(id);
    expect(await deliberationEnd.handle({ id, version })).toBe('refused');
    expect((await proposalRow(id)).status).toBe('deliberation');
    expect((await votesOf(id)).totalCount).toBe(0);
    expect(
      await app.dataSource.query(
        `SELECT (SELECT count(*)::int FROM audit_event WHERE entity_id = $1) AS audit,
                (SELECT count(*)::int FROM vote) AS votes`,
        [id],
      ),
    ).toEqual(before);

    // On a convened assembly's agenda, the next attempt puts it to that assembly's vote.
    const assembly = await assemblyWithProposal(app.dataSource, id, 'ordinary_resolution');
    expect(await deliberationEnd.handle({ id, version })).toBe('done');
    expect((await votesOf(id)).edges.map((e) => e.node)).toEqual([
      expect.objectContaining({ electorateKind: 'Assembly', electorateRef: assembly }),
    ]);
  });

  it.each([
    ['Admission', 'Board', 'Named'],
    ['Referendum', 'AllMembers', 'Secret'],
  ])(
    'gives a %s proposal the electorate of its deciding body (%s)',
    async (decisionType, electorateKind, secrecy) => {
      const id = await tabledPastDeliberation(decisionType, `Décision ${decisionType}`);
      // The deliberation deadline runs (an admission deliberates 0 days: its own job may be first).
      const { version } = await proposalRow(id);
      await app.app.get(ProposalDeliberationEndHandler).handle({ id, version });
      expect((await proposalRow(id)).status).toBe('voting');
      const votes = await votesOf(id);
      expect(votes.totalCount).toBe(1);
      expect(votes.edges[0].node).toMatchObject({
        decisionType,
        electorateKind,
        electorateRef: null,
        secrecy,
      });
    },
  );
});
