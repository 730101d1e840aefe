import { EventEmitter2 } from '@nestjs/event-emitter';
import { CharterService, DecisionType, VoteMethod } from '@delibera/charter';
import { CallsService } from '@delibera/contributions';
import { DomainEvent, ProposalDecidedEvent, Role } from '@delibera/kernel';
import { NotificationKind, render } from '@delibera/notifications';
import { Member, OrganisationCategory, SizeBand } from '@delibera/membership';
import { ProposalsService, ProposalStatus } from '@delibera/proposals';
import { signedInMember, staffToken } from '../factories';
import { assemblyWithProposal } from '../factories/assemblies';
import {
  createOrganisations,
  CreatedOrganisation,
  TEST_CATEGORIES,
  TEST_SIZE_BANDS,
} from '../factories/organisations';
import { receivedAgainstLedger } from '../factories/contributions';
import { asVoter, castBallot, closeVote, openVote } from '../factories/votes';
import { errorCode, ok, startTestApp, TestApp } from './test-app';

const SCALE_FIELDS = 'id name status fiscalYear proposalId';
const DRAFT = `mutation ($input: ContributionScaleInput!) { draftContributionScale(input: $input) { ${SCALE_FIELDS} } }`;
const UPDATE = `mutation ($input: UpdateContributionScaleInput!) { updateContributionScale(input: $input) { ${SCALE_FIELDS} } }`;
const SUBMIT = `mutation ($id: UUID!) { submitContributionScale(scaleId: $id) { ${SCALE_FIELDS} } }`;
const SUBMIT_COMPETING = `mutation ($input: SubmitCompetingScalesInput!) {
  submitCompetingContributionScales(input: $input) { ${SCALE_FIELDS} } }`;
const SCALES = `query ($year: Int) { contributionScales(fiscalYear: $year) { ${SCALE_FIELDS} } }`;
const VOTES_OF = `query ($id: UUID!) { votes(subjectType: Proposal, subjectId: $id, first: 5) { totalCount
  edges { node { id status method options { id labelFr } } } } }`;
const CHECK_IN = `mutation ($input: CheckInInput!) { checkIn(input: $input) { memberId } }`;
const CALL_FIELDS =
  'id reference memberId amountCents status paidCents outstandingCents creditCents receivedCents payments { id amountCents method creditCallId }';
const MY_CALLS = `query ($scaleId: UUID) { contributionCalls(scaleId: $scaleId, first: 20) {
  totalCount edges { node { ${CALL_FIELDS} } } } }`;
const PAY = `mutation ($input: RecordPaymentInput!) { recordContributionPayment(input: $input) { ${CALL_FIELDS} } }`;
const REVERSE = `mutation ($input: ReversePaymentInput!) { reverseContributionPayment(input: $input) { id } }`;
const CAMPAIGN = `query ($year: Int!) { contributionCampaign(fiscalYear: $year) {
  callCount calledCents receivedCents paidCents outstandingCents waivedCents creditCents
  creditCarriedInCents creditCarriedOutCents reconciliation { reconciles ledgerCents organisationsNotReconciling } } }`;

interface Scale {
  id: string;
  name: string;
  status: string;
  fiscalYear: number;
  proposalId: string | null;
}
interface Call {
  id: string;
  reference: string;
  memberId: string;
  amountCents: number;
  status: string;
  paidCents: number;
  outstandingCents: number;
  creditCents: number;
  receivedCents: number;
  payments: { id: string; amountCents: number; method: string; creditCallId: string | null }[];
}

const gqlName = (values: Record<string, string>, value: string) =>
  Object.keys(values).find((key) => values[key] === value)!;
/** Every category × band, each scale its own odd amounts so a wrong winner shows in the cents. */
const tiersOf = (amount: (category: number, band: number) => number) =>
  TEST_CATEGORIES.flatMap((category, c) =>
    TEST_SIZE_BANDS.map((band, b) => ({
      organisationCategory: gqlName(OrganisationCategory, category),
      sizeBand: gqlName(SizeBand, band),
      amountCents: amount(c, b),
    })),
  );
const amountA = (c: number, b: number) => 200_000 + 10_000 * c + 1_001 * b + 7;
const amountB = (c: number, b: number) => 150_000 + 9_000 * c + 2_003 * b + 11;
const amountC = (c: number, b: number) => 300_000 + 5_000 * c + 3_007 * b + 13;
const DUES = 2_501;
const amount2026 = (c: number, b: number) => 100_000 + 1_000 * c + 101 * b + 3;
const amountOf = (amount: (c: number, b: number) => number, o: CreatedOrganisation) =>
  amount(TEST_CATEGORIES.indexOf(o.organisationCategory), TEST_SIZE_BANDS.indexOf(o.sizeBand));

const scaleInput = (
  fiscalYear: number,
  name: string,
  amount: (c: number, b: number) => number,
) => ({
  fiscalYear,
  fiscalYearStartsOn: `${fiscalYear}-04-01`,
  name,
  dueOn: `${fiscalYear}-12-31`,
  campaignTargetCents: 100_000_000,
  prorationRule: 'None',
  tiers: tiersOf(amount),
});

describe('competing contribution scales voted as options, and credit carried to the next call (e2e)', () => {
  let app: TestApp;
  let treasurer: string;
  let secretary: string;
  let member: string;
  /** The individual members (the treasurer and a member; the secretary is staff only). */
  let persons: string[];
  let organisations: CreatedOrganisation[];
  let voters: { member: Member; token: string }[];
  const scales: Record<'A' | 'B' | 'C' | 'Other2026', string> = {
    A: '',
    B: '',
    C: '',
    Other2026: '',
  };
  let proposalId: string;
  let voteId: string;
  /** 2026 credit held by organisation 0 (small: fully used) and organisation 1 (larger than its 2027 call). */
  const smallCredit = 12_345;
  let largeCredit: number;

  const count = async (sql: string, params: unknown[] = []) =>
    Number((await app.dataSource.query(sql, params))[0].n);
  const draft = async (input: Record<string, unknown>) =>
    ok(await app.gql<{ draftContributionScale: Scale }>(DRAFT, { input }, { token: treasurer }))
      .draftContributionScale.id;
  const scalesOf = async (year: number) =>
    ok(await app.gql<{ contributionScales: Scale[] }>(SCALES, { year }, { token: treasurer }))
      .contributionScales;
  const callsOf = async (scaleId: string) =>
    ok(
      await app.gql<{ contributionCalls: { totalCount: number; edges: { node: Call }[] } }>(
        MY_CALLS,
        { scaleId },
        { token: treasurer },
      ),
    ).contributionCalls;
  const callOf = async (scaleId: string, memberId: string) =>
    (await callsOf(scaleId)).edges.map((e) => e.node).find((c) => c.memberId === memberId)!;
  const campaign = async (year: number) =>
    ok(
      await app.gql<{
        contributionCampaign: {
          callCount: number;
          calledCents: number;
          receivedCents: number;
          paidCents: number;
          outstandingCents: number;
          waivedCents: number;
          creditCents: number;
          creditCarriedInCents: number;
          creditCarriedOutCents: number;
          reconciliation: {
            reconciles: boolean;
            ledgerCents: number;
            organisationsNotReconciling: number;
          };
        };
      }>(CAMPAIGN, { year }, { token: treasurer }),
    ).contributionCampaign;
  /**
   * The proposal's way to its vote (decision-journey drives it through
   * GraphQL): deliberation, then voting, the vote opening in `opensInMs`
   * (the secretary opens it once members have checked in).
   */
  const toVoting = async (id: string, opensInMs = 0) => {
    await app.dataSource.transaction(async (manager) => {
      const proposals = app.app.get(ProposalsService);
      await proposals.transition(manager, {
        proposalId: id,
        to: ProposalStatus.Deliberation,
        actorAccountId: null,
      });
      await proposals.transition(manager, {
        proposalId: id,
        to: ProposalStatus.Voting,
        actorAccountId: null,
        set: {
          votingOpensAt: new Date(Date.now() + opensInMs),
          votingClosesAt: new Date(Date.now() + 86_400_000),
        },
      });
    });
  };
  const until = async (check: () => Promise<boolean>, what: string) => {
    const deadline = Date.now() + 15_000;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };

  beforeAll(async () => {
    app = await startTestApp();
    treasurer = (await signedInMember(app, [Role.Treasurer])).token;
    secretary = await staffToken(app, [Role.Secretary]);
    const plain = await signedInMember(app);
    member = plain.token;
    persons = (
      await app.dataSource.query<{ id: string }[]>(
        `SELECT id FROM member WHERE kind = 'person' AND status = 'active' ORDER BY id`,
      )
    ).map((p) => p.id);
    expect(persons).toContain(plain.member.id);
    expect(persons).toHaveLength(2);
    organisations = await createOrganisations(app.dataSource, 12, { prefix: 'Org' });
    const members = await app.dataSource
      .getRepository(Member)
      .findBy(organisations.slice(0, 9).map((o) => ({ id: o.id })));
    voters = await Promise.all(
      organisations.slice(0, 9).map((o) =>
        asVoter(
          app,
          members.find((m) => m.id === o.id)!,
        ),
      ),
    );
  });
  afterAll(() => app.close());

  it('holds a 2026 campaign where two organisations overpaid: their excess is credit', async () => {
    const id = await draft(scaleInput(2026, 'Barème 2026', amount2026));
    const { proposalId: p2026 } = ok(
      await app.gql<{ submitContributionScale: Scale }>(SUBMIT, { id }, { token: treasurer }),
    ).submitContributionScale;
    await assemblyWithProposal(app.dataSource, p2026!);
    await toVoting(p2026!);
    await app.dataSource.transaction((manager) =>
      app.app.get(ProposalsService).transition(manager, {
        proposalId: p2026!,
        to: ProposalStatus.Adopted,
        actorAccountId: null,
      }),
    );
    expect((await callsOf(id)).totalCount).toBe(12);

    const [small, large] = organisations;
    const pay = async (o: CreatedOrganisation, extra: number) => {
      const call = await callOf(id, o.id);
      return ok(
        await app.gql<{ recordContributionPayment: Call }>(
          PAY,
          {
            input: {
              callId: call.id,
              amountCents: call.amountCents + extra,
              paidOn: '2026-06-01',
              method: 'Transfer',
              reference: call.reference,
            },
          },
          { token: treasurer },
        ),
      ).recordContributionPayment;
    };
    expect((await pay(small, smallCredit)).creditCents).toBe(smallCredit);
    // More than any 2027 call: what is left after the 2027 call stays credit.
    largeCredit = amountOf(amountA, large) + amountOf(amountB, large) + amountOf(amountC, large);
    expect((await pay(large, largeCredit)).creditCents).toBe(largeCredit);

    // Credit entries are Delibera's own: the treasurer cannot record one.
    const call = await callOf(id, organisations[2].id);
    const byHand = await app.gql(
      PAY,
      {
        input: {
          callId: call.id,
          amountCents: 100,
          paidOn: '2026-06-01',
          method: 'Credit',
        },
      },
      { token: treasurer },
    );
    expect(errorCode(byHand)).toBe('CREDIT_ENTRY_RESERVED');
    expect((await campaign(2026)).creditCents).toBe(smallCredit + largeCredit);
  });

  it('refuses competing scales while the charter does not allow them, and changes nothing', async () => {
    scales.A = await draft(scaleInput(2027, 'Barème A', amountA));
    // Only B asks individual members for dues.
    scales.B = await draft({ ...scaleInput(2027, 'Barème B', amountB), individualDuesCents: DUES });
    scales.C = await draft(scaleInput(2027, 'Barème C', amountC));
    scales.Other2026 = await draft(scaleInput(2026, 'Autre 2026', amountA));
    const proposalsBefore = await count('SELECT count(*) AS n FROM proposal');
    const auditBefore = await count('SELECT count(*) AS n FROM audit_event');

    const refused = await app.gql(
      SUBMIT_COMPETING,
      { input: { scaleIds: [scales.A, scales.B] } },
      { token: treasurer },
    );
    expect(errorCode(refused)).toBe('COMPETING_SCALES_NOT_ALLOWED');
    expect(await count('SELECT count(*) AS n FROM proposal')).toBe(proposalsBefore);
    expect(await count('SELECT count(*) AS n FROM audit_event')).toBe(auditBefore);
    expect((await scalesOf(2027)).map((s) => s.status)).toEqual(['Draft', 'Draft', 'Draft']);

    const asMember = await app.gql(
      SUBMIT_COMPETING,
      { input: { scaleIds: [scales.A, scales.B] } },
      { token: member },
    );
    expect(errorCode(asMember)).toBe('FORBIDDEN');
  });

  it('puts competing scales of one year to one proposal whose vote ranks them, once the charter allows it', async () => {
    await app.dataSource.transaction((manager) =>
      app.app.get(CharterService).adoptNextVersion(manager, {
        proposalId: '00000000-0000-4000-8000-0000000000bb',
        actorAccountId: null,
        summary: 'Barèmes concurrents votés par vote préférentiel',
        rules: {
          [DecisionType.ContributionScale]: { competingOptionsMethod: VoteMethod.InstantRunoff },
        },
      }),
    );
    const mixedYears = await app.gql(
      SUBMIT_COMPETING,
      { input: { scaleIds: [scales.A, scales.Other2026] } },
      { token: treasurer },
    );
    expect(errorCode(mixedYears)).toBe('COMPETING_SCALES_INVALID');
    expect(mixedYears.errors?.[0].extensions?.details).toEqual({ reason: 'fiscalYear' });
    const same = await app.gql(
      SUBMIT_COMPETING,
      { input: { scaleIds: [scales.A, scales.A] } },
      { token: treasurer },
    );
    expect(errorCode(same)).toBe('COMPETING_SCALES_INVALID');
    expect((await scalesOf(2027)).map((s) => s.status)).toEqual(['Draft', 'Draft', 'Draft']);

    // The secretary may table them too.
    const submitted = ok(
      await app.gql<{ submitCompetingContributionScales: Scale[] }>(
        SUBMIT_COMPETING,
        { input: { scaleIds: [scales.C, scales.A, scales.B] } },
        { token: secretary },
      ),
    ).submitCompetingContributionScales;
    expect(submitted.map((s) => [s.name, s.status])).toEqual([
      ['Barème A', 'Submitted'],
      ['Barème B', 'Submitted'],
      ['Barème C', 'Submitted'],
    ]);
    expect(new Set(submitted.map((s) => s.proposalId)).size).toBe(1);
    proposalId = submitted[0].proposalId!;

    const again = await app.gql(
      SUBMIT_COMPETING,
      { input: { scaleIds: [scales.A, scales.B] } },
      { token: treasurer },
    );
    expect(errorCode(again)).toBe('SCALE_ALREADY_SUBMITTED');
    // Before the vote opens a competing scale may still be corrected.
    ok(
      await app.gql(
        UPDATE,
        { input: { scaleId: scales.A, ...scaleInput(2027, 'Barème A', amountA) } },
        { token: treasurer },
      ),
    );
  });

  it('votes on the scales as ranked options, locking every one of them', async () => {
    await assemblyWithProposal(app.dataSource, proposalId);
    await toVoting(proposalId, 3_600_000);
    const votes = ok(
      await app.gql<{
        votes: {
          totalCount: number;
          edges: {
            node: { id: string; method: string; options: { id: string; labelFr: string }[] };
          }[];
        };
      }>(VOTES_OF, { id: proposalId }, { token: secretary }),
    ).votes;
    expect(votes.totalCount).toBe(1);
    const [{ node: vote }] = votes.edges;
    voteId = vote.id;
    expect(vote.method).toBe('InstantRunoff');
    expect(vote.options).toEqual([
      { id: scales.A, labelFr: 'Barème A' },
      { id: scales.B, labelFr: 'Barème B' },
      { id: scales.C, labelFr: 'Barème C' },
    ]);

    for (const id of [scales.A, scales.B, scales.C]) {
      const locked = await app.gql(
        UPDATE,
        { input: { scaleId: id, ...scaleInput(2027, 'Changé', amountA) } },
        { token: treasurer },
      );
      expect(errorCode(locked)).toBe('SCALE_LOCKED');
    }

    const [assembly] = await app.dataSource.query(
      `SELECT assembly_id AS id FROM agenda_item WHERE ref_id = $1`,
      [proposalId],
    );
    for (const voter of voters)
      ok(
        await app.gql(
          CHECK_IN,
          { input: { assemblyId: assembly.id, memberId: voter.member.id, mode: 'Present' } },
          { token: secretary },
        ),
      );
    expect(await openVote(app, secretary, voteId)).toMatchObject({ status: 'Open', rollSize: 9 });
    // First preferences: A 4, B 3, C 2. C is eliminated, its ballots go to B: B wins 5 to 4.
    const rankings = [
      ...Array(4).fill([scales.A, scales.B, scales.C]),
      ...Array(3).fill([scales.B, scales.A]),
      ...Array(2).fill([scales.C, scales.B]),
    ] as string[][];
    for (const [i, ranking] of rankings.entries())
      ok(await castBallot(app, voters[i].token, voteId, { ranking }));
  });

  it('adopts the winner when the vote closes: its calls are issued with the credit carried, the others issue nothing', async () => {
    const closed = await closeVote(app, secretary, voteId);
    expect(closed.result).toMatchObject({ outcome: 'completed', winners: [scales.B], ballots: 9 });
    await until(
      async () =>
        (await app.dataSource.query(`SELECT status FROM proposal WHERE id = $1`, [proposalId]))[0]
          .status === 'adopted',
      'the adoption',
    );
    const byName = Object.fromEntries((await scalesOf(2027)).map((s) => [s.name, s.status]));
    expect(byName).toEqual({
      'Barème A': 'Rejected',
      'Barème B': 'Adopted',
      'Barème C': 'Rejected',
    });
    expect((await callsOf(scales.A)).totalCount).toBe(0);
    expect((await callsOf(scales.C)).totalCount).toBe(0);

    const calls = (await callsOf(scales.B)).edges.map((e) => e.node);
    expect(calls).toHaveLength(12 + persons.length);
    for (const o of organisations)
      expect(calls.find((c) => c.memberId === o.id)?.amountCents).toBe(amountOf(amountB, o));
    // B has individual dues: each individual member is called them, and told so in their own words.
    for (const id of persons)
      expect(calls.find((c) => c.memberId === id)).toMatchObject({
        amountCents: DUES,
        status: 'Due',
      });
    const [notice] = await app.dataSource.query(
      `SELECT locale, params FROM notification WHERE kind = 'contribution_call' AND recipient_member_id = $1`,
      [persons[0]],
    );
    expect(render(NotificationKind.ContributionCall, notice.locale, notice.params).text).toMatch(
      notice.locale === 'en'
        ? /Your membership dues: 25\.01/
        : /Votre cotisation de membre : 25,01/,
    );

    const [small, large] = organisations;
    const smallCall = calls.find((c) => c.memberId === small.id)!;
    expect(smallCall).toMatchObject({
      status: 'PartiallyPaid',
      paidCents: smallCredit,
      outstandingCents: amountOf(amountB, small) - smallCredit,
      creditCents: 0,
    });
    expect(smallCall.payments).toEqual([
      expect.objectContaining({ amountCents: smallCredit, method: 'Credit' }),
    ]);
    const largeCall = calls.find((c) => c.memberId === large.id)!;
    expect(largeCall).toMatchObject({
      status: 'Paid',
      paidCents: amountOf(amountB, large),
      outstandingCents: 0,
      creditCents: 0,
    });
    // The 2026 calls gave up what they carried: the small credit is spent, the rest of the large one stays.
    const scale2026 = (await scalesOf(2026)).find((s) => s.name === 'Barème 2026')!.id;
    const small2026 = await callOf(scale2026, small.id);
    expect(small2026).toMatchObject({ status: 'Paid', creditCents: 0, outstandingCents: 0 });
    expect(small2026.payments.find((p) => p.method === 'Credit')).toMatchObject({
      amountCents: -smallCredit,
      creditCallId: smallCall.id,
    });
    expect((await callOf(scale2026, large.id)).creditCents).toBe(
      largeCredit - amountOf(amountB, large),
    );
    // Nobody else had credit: their calls are simply due.
    expect(calls.filter((c) => c.paidCents === 0 && c.status === 'Due')).toHaveLength(
      10 + persons.length,
    );

    // A credit entry cannot be reversed by hand (it would count the credit twice).
    const reversed = await app.gql(
      REVERSE,
      { input: { paymentId: smallCall.payments[0].id, reason: 'essai' } },
      { token: treasurer },
    );
    expect(errorCode(reversed)).toBe('CREDIT_ENTRY_RESERVED');
  });

  it('issues nothing twice when the decision is delivered again or the issuing job runs', async () => {
    const entries = () =>
      count(`SELECT count(*) AS n FROM contribution_payment WHERE method = 'credit'`);
    expect(await entries()).toBe(4);
    await app.dataSource.transaction((manager) =>
      app.app.get(EventEmitter2).emitAsync(DomainEvent.ProposalDecided, {
        manager,
        proposalId,
        decisionType: 'contribution_scale',
        outcome: 'adopted',
        actorAccountId: null,
        winningOptionId: scales.B,
      } satisfies ProposalDecidedEvent),
    );
    // Delivered again with another outcome: decisions stand.
    await app.dataSource.transaction((manager) =>
      app.app.get(EventEmitter2).emitAsync(DomainEvent.ProposalDecided, {
        manager,
        proposalId,
        decisionType: 'contribution_scale',
        outcome: 'adopted',
        actorAccountId: null,
        winningOptionId: scales.A,
      } satisfies ProposalDecidedEvent),
    );
    for (const id of [scales.A, scales.B, scales.C])
      expect(await app.app.get(CallsService).issueOutstanding(id)).toBe(0);
    expect((await callsOf(scales.B)).totalCount).toBe(12 + persons.length);
    expect((await callsOf(scales.A)).totalCount).toBe(0);
    expect(await entries()).toBe(4);
    expect(Object.fromEntries((await scalesOf(2027)).map((s) => [s.name, s.status]))).toMatchObject(
      { 'Barème A': 'Rejected', 'Barème B': 'Adopted' },
    );
  });

  it('reconciles both campaigns to the cent, the carried credit counted once', async () => {
    const [small, large] = organisations;
    const called2027 =
      organisations.reduce((sum, o) => sum + amountOf(amountB, o), 0) + DUES * persons.length;
    const carried = smallCredit + amountOf(amountB, large);
    const c2027 = await campaign(2027);
    expect(c2027).toEqual({
      callCount: 12 + persons.length,
      calledCents: called2027,
      receivedCents: carried,
      paidCents: carried,
      outstandingCents: called2027 - carried,
      waivedCents: 0,
      creditCents: 0,
      creditCarriedInCents: carried,
      creditCarriedOutCents: 0,
      reconciliation: { reconciles: true, ledgerCents: carried, organisationsNotReconciling: 0 },
    });
    const called2026 = organisations.reduce((sum, o) => sum + amountOf(amount2026, o), 0);
    const paid2026 = amountOf(amount2026, small) + amountOf(amount2026, large);
    const c2026 = await campaign(2026);
    expect(c2026).toEqual({
      callCount: 12,
      calledCents: called2026,
      receivedCents: paid2026 + largeCredit + smallCredit - carried,
      paidCents: paid2026,
      outstandingCents: called2026 - paid2026,
      waivedCents: 0,
      creditCents: largeCredit + smallCredit - carried,
      creditCarriedInCents: 0,
      creditCarriedOutCents: carried,
      reconciliation: {
        reconciles: true,
        ledgerCents: paid2026 + largeCredit + smallCredit - carried,
        organisationsNotReconciling: 0,
      },
    });
    // Across the years, the money received is what was paid in, once.
    const [{ total }] = await app.dataSource.query(
      `SELECT sum(amount_cents)::text AS total FROM contribution_payment`,
    );
    expect(Number(total)).toBe(paid2026 + largeCredit + smallCredit);
  });
  it('keeps on each call what its ledger received, credit carried included', async () => {
    const { received, differ } = await receivedAgainstLedger(app);
    expect(received).toBeGreaterThan(0);
    expect(differ).toBe(0);
  });
});
