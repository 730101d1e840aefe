import { EventEmitter2 } from '@nestjs/event-emitter';
import { DomainEvent, JobName, JobScheduler, ProposalDecidedEvent, Role } from '@delibera/kernel';
import { ContributionsOverdue, CallsService } from '@delibera/contributions';
import { OrganisationCategory, SizeBand } from '@delibera/membership';
import { ProposalsService, ProposalStatus } from '@delibera/proposals';
import { createAccount, createMember, signedInMember, signIn } from '../factories';
import { assemblyWithProposal } from '../factories/assemblies';
import {
  createOrganisations,
  CreatedOrganisation,
  TEST_CATEGORIES,
  TEST_SIZE_BANDS,
} from '../factories/organisations';
import { receivedAgainstLedger } from '../factories/contributions';
import { errorCode, ok, startTestApp, TestApp } from './test-app';

const SCALE_FIELDS =
  'id status fiscalYear proposalId campaignTargetCents tiers { organisationCategory sizeBand amountCents }';
const DRAFT = `mutation ($input: ContributionScaleInput!) { draftContributionScale(input: $input) { ${SCALE_FIELDS} } }`;
const UPDATE = `mutation ($input: UpdateContributionScaleInput!) { updateContributionScale(input: $input) { ${SCALE_FIELDS} } }`;
const SUBMIT = `mutation ($id: UUID!) { submitContributionScale(scaleId: $id) { ${SCALE_FIELDS} } }`;
const SIMULATE = `query ($id: UUID!) { contributionScaleSimulation(scaleId: $id) {
  organisationCount totalCents uncoveredOrganisationCount individualMemberCount individualDuesTotalCents
  byTier { organisationCategory sizeBand tierAmountCents organisationCount totalCents }
  byCategory { organisationCategory organisationCount totalCents }
  byRegion { region organisationCount totalCents } } }`;
const SIMULATED_ORGS = `query ($id: UUID!, $after: String) { contributionScaleSimulatedOrganisations(scaleId: $id, first: 100, after: $after) {
  totalCount pageInfo { hasNextPage endCursor } edges { node { memberId amountCents proratedMonths } } } }`;
const CALL_FIELDS =
  'id reference memberId memberName amountCents status paidCents outstandingCents waivedCents creditCents receivedCents waiverBoardDecision payments { id amountCents reversesPaymentId }';
const PAY = `mutation ($input: RecordPaymentInput!) { recordContributionPayment(input: $input) { ${CALL_FIELDS} } }`;
const REVERSE = `mutation ($input: ReversePaymentInput!) { reverseContributionPayment(input: $input) { ${CALL_FIELDS} } }`;
const WAIVE = `mutation ($input: WaiveCallInput!) { waiveContributionCall(input: $input) { ${CALL_FIELDS} } }`;
const IMPORT = `mutation ($input: ImportBankStatementInput!) { importBankStatement(input: $input) {
  id rowCount totalCents matchedCount matchedCents unmatchedRows { id rowNumber reference amountCents } } }`;
const MATCH = `mutation ($input: MatchBankRowInput!) { matchBankImportRow(input: $input) { ${CALL_FIELDS} } }`;
const CAMPAIGN = `query ($year: Int!) { contributionCampaign(fiscalYear: $year) {
  scaleId targetCents callCount calledCents receivedCents paidCents outstandingCents waivedCents creditCents inKindCents
  byCategory { organisationCategory calledCents paidCents outstandingCents waivedCents }
  byRegion { region calledCents }
  reconciliation { reconciles ledgerCents organisationsNotReconciling } } }`;

const FISCAL_YEAR = 2026;
/** Tier amounts with odd cents, so any rounding or float would show. */
const tierAmount = (category: OrganisationCategory, band: SizeBand) =>
  100_000 * (TEST_CATEGORIES.indexOf(category) + 1) + 3_751 * TEST_SIZE_BANDS.indexOf(band) + 1;
/** GraphQL names enum values by their TypeScript keys (SocialEconomy, not social_economy). */
const gqlName = (values: Record<string, string>, value: string) =>
  Object.keys(values).find((key) => values[key] === value)!;
const TIERS = TEST_CATEGORIES.flatMap((category) =>
  TEST_SIZE_BANDS.map((band) => ({
    organisationCategory: gqlName(OrganisationCategory, category),
    sizeBand: gqlName(SizeBand, band),
    amountCents: tierAmount(category, band),
  })),
);
const scaleInput = (name: string, extra: Record<string, unknown> = {}) => ({
  fiscalYear: FISCAL_YEAR,
  fiscalYearStartsOn: '2026-04-01',
  name,
  dueOn: '2026-12-31',
  campaignTargetCents: 400_000_000,
  individualDuesCents: 2_500,
  prorationRule: 'RemainingMonths',
  tiers: TIERS,
  ...extra,
});

describe('contributions (e2e)', () => {
  let app: TestApp;
  let treasurer: string;
  let trustee: string;
  let member: { token: string; member: { id: string } };
  let organisations: CreatedOrganisation[];
  let lateJoiner: CreatedOrganisation;
  let scaleId: string;
  let competingId: string;
  /** Individual members' dues calls (the scale has individual dues): how many, and their total. */
  let duesCalls = 0;
  let duesCents = 0;
  const count = async (sql: string, params: unknown[] = []) =>
    Number((await app.dataSource.query(sql, params))[0].n);

  /** The proposal's way to its vote (decision-journey drives it through GraphQL); a general assembly decides it. */
  const openVote = async (proposalId: string) => {
    await assemblyWithProposal(app.dataSource, proposalId);
    await app.dataSource.transaction(async (manager) => {
      const proposals = app.app.get(ProposalsService);
      await proposals.transition(manager, {
        proposalId,
        to: ProposalStatus.Deliberation,
        actorAccountId: null,
      });
      await proposals.transition(manager, {
        proposalId,
        to: ProposalStatus.Voting,
        actorAccountId: null,
        set: { votingOpensAt: new Date(), votingClosesAt: new Date(Date.now() + 86_400_000) },
      });
    });
  };
  /** The vote closes: the proposals lib decides and announces it in the same transaction. */
  const closeVote = (proposalId: string, to: ProposalStatus) =>
    app.dataSource.transaction((manager) =>
      app.app.get(ProposalsService).transition(manager, { proposalId, to, actorAccountId: null }),
    );
  /** The ProposalDecided event delivered again, inside a transaction as the contract says. */
  const redeliver = (proposalId: string, outcome: ProposalDecidedEvent['outcome']) =>
    app.dataSource.transaction((manager) =>
      app.app.get(EventEmitter2).emitAsync(DomainEvent.ProposalDecided, {
        manager,
        proposalId,
        decisionType: 'contribution_scale',
        outcome,
        actorAccountId: null,
      } satisfies ProposalDecidedEvent),
    );

  const submit = async (id: string): Promise<string> => {
    const scale = ok(
      await app.gql<{ submitContributionScale: { proposalId: string; status: string } }>(
        SUBMIT,
        { id },
        { token: treasurer },
      ),
    ).submitContributionScale;
    expect(scale.status).toBe('Submitted');
    return scale.proposalId;
  };

  beforeAll(async () => {
    app = await startTestApp();
    treasurer = (await signedInMember(app, [Role.Treasurer])).token;
    trustee = (await signedInMember(app, [Role.Trustee])).token;
    member = await signedInMember(app);
    organisations = await createOrganisations(app.dataSource, 299, { prefix: 'Org' });
    // One organisation admitted mid-year: 2026-10-15 is month 7 of a year starting in April, 6 months remain.
    [lateJoiner] = await createOrganisations(app.dataSource, 1, {
      prefix: 'Late',
      admittedAt: new Date('2026-10-15T15:00:00Z'),
    });
    // Not called: no tier for the "other" category, a suspended organisation.
    await createOrganisations(app.dataSource, 5, {
      prefix: 'Other',
      category: OrganisationCategory.Other,
    });
    await createMember(app.dataSource, {
      kind: 'organisation' as never,
      status: 'suspended' as never,
      collegeCode: 'civil_society',
    });
  });
  afterAll(() => app.close());

  const expectedAmount = (o: CreatedOrganisation) => {
    const full = tierAmount(o.organisationCategory, o.sizeBand);
    return o.id === lateJoiner.id ? Math.floor((full * 6 + 6) / 12) : full;
  };
  const expectedTotal = () =>
    [...organisations, lateJoiner].reduce((sum, o) => sum + expectedAmount(o), 0);

  it('lets the treasurer draft scales, refuses negative amounts with NEGATIVE_AMOUNT and writes nothing', async () => {
    const bad = await app.gql(
      DRAFT,
      { input: scaleInput('Négatif', { tiers: [{ ...TIERS[0], amountCents: -1 }] }) },
      { token: treasurer },
    );
    expect(errorCode(bad)).toBe('NEGATIVE_AMOUNT');
    expect(await count('SELECT count(*) AS n FROM contribution_scale')).toBe(0);

    const asMember = await app.gql(DRAFT, { input: scaleInput('Membre') }, { token: member.token });
    expect(errorCode(asMember)).toBe('FORBIDDEN');

    const scale = ok(
      await app.gql<{ draftContributionScale: { id: string; status: string; tiers: unknown[] } }>(
        DRAFT,
        { input: scaleInput('Barème A') },
        { token: treasurer },
      ),
    ).draftContributionScale;
    expect(scale).toMatchObject({ status: 'Draft' });
    expect(scale.tiers).toHaveLength(35);
    scaleId = scale.id;
    competingId = ok(
      await app.gql<{ draftContributionScale: { id: string } }>(
        DRAFT,
        { input: scaleInput('Barème B (option)') },
        { token: treasurer },
      ),
    ).draftContributionScale.id;

    // A draft is the treasurer's working paper.
    const peek = await app.gql(SIMULATE, { id: scaleId }, { token: member.token });
    expect(errorCode(peek)).toBe('FORBIDDEN');
  });

  it('simulates what the scale would raise, by tier, category and region, and per organisation', async () => {
    const sim = ok(
      await app.gql<{
        contributionScaleSimulation: {
          organisationCount: number;
          totalCents: number;
          uncoveredOrganisationCount: number;
          individualMemberCount: number;
          individualDuesTotalCents: number;
          byTier: { organisationCount: number; totalCents: number }[];
          byCategory: { totalCents: number }[];
          byRegion: { totalCents: number; organisationCount: number }[];
        };
      }>(SIMULATE, { id: scaleId }, { token: trustee }),
    ).contributionScaleSimulation;
    expect(sim.organisationCount).toBe(300);
    expect(sim.totalCents).toBe(expectedTotal());
    expect(sim.uncoveredOrganisationCount).toBe(5);
    expect(sim.individualDuesTotalCents).toBe(2_500 * sim.individualMemberCount);
    expect(sim.byTier).toHaveLength(35);
    for (const groups of [sim.byTier, sim.byCategory, sim.byRegion]) {
      expect(groups.reduce((sum, g) => sum + g.totalCents, 0)).toBe(sim.totalCents);
    }
    expect(sim.byRegion).toHaveLength(17);

    const amounts = new Map<string, { amountCents: number; proratedMonths: number | null }>();
    let after: string | null = null;
    do {
      const page: {
        totalCount: number;
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
        edges: { node: { memberId: string; amountCents: number; proratedMonths: number | null } }[];
      } = ok(
        await app.gql<{ contributionScaleSimulatedOrganisations: never }>(
          SIMULATED_ORGS,
          { id: scaleId, after },
          { token: treasurer },
        ),
      ).contributionScaleSimulatedOrganisations;
      expect(page.totalCount).toBe(300);
      for (const edge of page.edges) amounts.set(edge.node.memberId, edge.node);
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(amounts.size).toBe(300);
    for (const o of [...organisations, lateJoiner])
      expect(amounts.get(o.id)?.amountCents).toBe(expectedAmount(o));
    expect(amounts.get(lateJoiner.id)?.proratedMonths).toBe(6);
  });

  it('submits the scale as a contribution-scale proposal, editable until its vote opens, then SCALE_LOCKED', async () => {
    const proposalId = await submit(scaleId);
    const [proposal] = await app.dataSource.query(
      'SELECT decision_type, status FROM proposal WHERE id = $1',
      [proposalId],
    );
    // Tabled by the board: the councils the charter names are consulted at once.
    expect(proposal).toEqual({ decision_type: 'contribution_scale', status: 'consultation' });
    expect(errorCode(await app.gql(SUBMIT, { id: scaleId }, { token: treasurer }))).toBe(
      'SCALE_ALREADY_SUBMITTED',
    );
    // Still before its vote: the treasurer may correct it (and members can now read it).
    const edited = ok(
      await app.gql<{ updateContributionScale: { campaignTargetCents: number } }>(
        UPDATE,
        { input: { scaleId, ...scaleInput('Barème A', { campaignTargetCents: 410_000_000 }) } },
        { token: treasurer },
      ),
    ).updateContributionScale;
    expect(edited.campaignTargetCents).toBe(410_000_000);
    ok(await app.gql(SIMULATE, { id: scaleId }, { token: member.token }));

    await openVote(proposalId);
    const locked = await app.gql(
      UPDATE,
      { input: { scaleId, ...scaleInput('Barème A', { campaignTargetCents: 1 }) } },
      { token: treasurer },
    );
    expect(errorCode(locked)).toBe('SCALE_LOCKED');
    const [scale] = await app.dataSource.query(
      'SELECT campaign_target_cents FROM contribution_scale WHERE id = $1',
      [scaleId],
    );
    expect(scale.campaign_target_cents).toBe('410000000');
  });

  it('issues calls inside the decision’s transaction: if that transaction fails, no call remains', async () => {
    const [{ proposal_id: proposalId }] = await app.dataSource.query(
      'SELECT proposal_id FROM contribution_scale WHERE id = $1',
      [scaleId],
    );
    await expect(
      app.dataSource.transaction(async (manager) => {
        await app.app.get(EventEmitter2).emitAsync(DomainEvent.ProposalDecided, {
          manager,
          proposalId,
          decisionType: 'contribution_scale',
          outcome: 'adopted',
          actorAccountId: null,
        } satisfies ProposalDecidedEvent);
        expect(await manager.query('SELECT 1 FROM contribution_call LIMIT 1')).toHaveLength(1);
        throw new Error('the vote’s transaction failed after the event');
      }),
    ).rejects.toThrow(/failed after the event/);
    expect(await count('SELECT count(*) AS n FROM contribution_call')).toBe(0);
    expect(
      await count(`SELECT count(*) AS n FROM notification WHERE kind = 'contribution_call'`),
    ).toBe(0);
    const [scale] = await app.dataSource.query(
      'SELECT status FROM contribution_scale WHERE id = $1',
      [scaleId],
    );
    expect(scale.status).toBe('submitted');
  });

  it('issues one call per organisation with the right amount when the assembly adopts the scale, once', async () => {
    const [{ proposal_id: proposalId }] = await app.dataSource.query(
      'SELECT proposal_id FROM contribution_scale WHERE id = $1',
      [scaleId],
    );
    expect(await count('SELECT count(*) AS n FROM contribution_call')).toBe(0);
    await closeVote(proposalId, ProposalStatus.Adopted);

    const calls: {
      member_id: string;
      tier_id: string | null;
      amount_cents: string;
      prorated_months: number | null;
      status: string;
      reference: string;
    }[] = await app.dataSource.query(
      `SELECT member_id, tier_id, amount_cents, prorated_months, status, reference
         FROM contribution_call WHERE scale_id = $1`,
      [scaleId],
    );
    expect(calls.filter((c) => c.tier_id)).toHaveLength(300);
    const byMember = new Map(calls.map((c) => [c.member_id, c]));
    for (const o of [...organisations, lateJoiner])
      expect(Number(byMember.get(o.id)?.amount_cents)).toBe(expectedAmount(o));
    // Individual dues: one call per active person, 25 $ pro-rated from their admission like organisations.
    const persons: { id: string }[] = await app.dataSource.query(
      `SELECT id FROM member WHERE kind = 'person' AND status = 'active' ORDER BY id`,
    );
    const dues = calls
      .filter((c) => !c.tier_id)
      .sort((a, b) => (a.member_id < b.member_id ? -1 : 1));
    expect(dues.map((c) => c.member_id)).toEqual(persons.map((p) => p.id));
    for (const c of dues)
      expect(Number(c.amount_cents)).toBe(
        c.prorated_months === null ? 2_500 : Math.floor((2_500 * c.prorated_months + 6) / 12),
      );
    duesCalls = dues.length;
    duesCents = dues.reduce((sum, c) => sum + Number(c.amount_cents), 0);
    expect(duesCalls).toBeGreaterThanOrEqual(3);
    expect(new Set(calls.map((c) => c.reference)).size).toBe(300 + duesCalls);
    expect(calls.every((c) => c.status === 'due')).toBe(true);
    expect(
      await count(`SELECT count(*) AS n FROM notification WHERE kind = 'contribution_call'`),
    ).toBe(300 + duesCalls);
    const [scale] = await app.dataSource.query(
      'SELECT status FROM contribution_scale WHERE id = $1',
      [scaleId],
    );
    expect(scale.status).toBe('adopted');

    // The event delivered again (a retried job): nothing more.
    await redeliver(proposalId, 'adopted');
    expect(await count('SELECT count(*) AS n FROM contribution_call')).toBe(300 + duesCalls);
    expect(
      await count(`SELECT count(*) AS n FROM notification WHERE kind = 'contribution_call'`),
    ).toBe(300 + duesCalls);
    // The issuing job run again: nothing more.
    expect(await app.app.get(CallsService).issueOutstanding(scaleId)).toBe(0);
    expect(await count('SELECT count(*) AS n FROM contribution_call')).toBe(300 + duesCalls);
  });

  it('issues nothing for a rejected scale', async () => {
    const proposalId = await submit(competingId);
    await openVote(proposalId);
    await closeVote(proposalId, ProposalStatus.Rejected);
    expect(
      await count('SELECT count(*) AS n FROM contribution_call WHERE scale_id = $1', [competingId]),
    ).toBe(0);
    const [scale] = await app.dataSource.query(
      'SELECT status FROM contribution_scale WHERE id = $1',
      [competingId],
    );
    expect(scale.status).toBe('rejected');
    const edit = await app.gql(
      UPDATE,
      { input: { scaleId: competingId, ...scaleInput('Trop tard') } },
      { token: treasurer },
    );
    expect(errorCode(edit)).toBe('SCALE_LOCKED');
  });

  const callOf = async (o: CreatedOrganisation) =>
    (
      await app.dataSource.query(
        'SELECT id, reference, amount_cents FROM contribution_call WHERE member_id = $1',
        [o.id],
      )
    )[0] as { id: string; reference: string; amount_cents: string };

  it('records a partial payment, an overpayment held as credit and a reversal, never editing money', async () => {
    const [a, b, c] = organisations;
    const partial = await callOf(a);
    const pay = (callId: string, amountCents: number, token = treasurer) =>
      app.gql<{
        recordContributionPayment: Record<string, unknown> & { payments: { id: string }[] };
      }>(
        PAY,
        {
          input: {
            callId,
            amountCents,
            paidOn: '2026-11-02',
            method: 'Cheque',
            reference: 'CHQ-1',
          },
        },
        { token },
      );
    const first = ok(await pay(partial.id, 50_000)).recordContributionPayment;
    expect(first).toMatchObject({
      status: 'PartiallyPaid',
      paidCents: 50_000,
      outstandingCents: Number(partial.amount_cents) - 50_000,
      creditCents: 0,
    });

    expect(errorCode(await pay(partial.id, -100))).toBe('NEGATIVE_AMOUNT');
    expect(errorCode(await pay(partial.id, 100, member.token))).toBe('FORBIDDEN');

    const over = await callOf(b);
    const overpaid = ok(
      await pay(over.id, Number(over.amount_cents) + 12_345),
    ).recordContributionPayment;
    expect(overpaid).toMatchObject({
      status: 'Paid',
      outstandingCents: 0,
      creditCents: 12_345,
      paidCents: Number(over.amount_cents),
    });
    const orgAccount = await createAccount(app.dataSource, {
      member: { id: b.id, email: `rep-${b.id}@example.org` } as never,
      email: `rep-${b.id}@example.org`,
    });
    const orgToken = await signIn(app, orgAccount.email);
    expect(
      ok(
        await app.gql<{ myContributionCredit: number }>(
          '{ myContributionCredit }',
          {},
          { token: orgToken },
        ),
      ).myContributionCredit,
    ).toBe(12_345);
    const mine = ok(
      await app.gql<{
        myContributionCalls: {
          totalCount: number;
          edges: { node: { id: string; status: string } }[];
        };
      }>(
        '{ myContributionCalls { totalCount edges { node { id status } } } }',
        {},
        { token: orgToken },
      ),
    ).myContributionCalls;
    expect(mine.totalCount).toBe(1);
    expect(mine.edges[0].node).toEqual({ id: over.id, status: 'Paid' });

    const bounced = await callOf(c);
    const paid = ok(await pay(bounced.id, Number(bounced.amount_cents))).recordContributionPayment;
    expect(paid.status).toBe('Paid');
    const reversed = ok(
      await app.gql<{
        reverseContributionPayment: {
          status: string;
          receivedCents: number;
          payments: { id: string; amountCents: number; reversesPaymentId: string | null }[];
        };
      }>(
        REVERSE,
        { input: { paymentId: paid.payments[0].id, reason: 'Chèque sans provision' } },
        { token: treasurer },
      ),
    ).reverseContributionPayment;
    expect(reversed.status).toBe('Due');
    expect(reversed.receivedCents).toBe(0);
    expect(reversed.payments).toEqual([
      {
        id: paid.payments[0].id,
        amountCents: Number(bounced.amount_cents),
        reversesPaymentId: null,
      },
      {
        id: expect.any(String),
        amountCents: -Number(bounced.amount_cents),
        reversesPaymentId: paid.payments[0].id,
      },
    ]);
    const again = await app.gql(
      REVERSE,
      { input: { paymentId: paid.payments[0].id, reason: 'encore' } },
      { token: treasurer },
    );
    expect(errorCode(again)).toBe('PAYMENT_ALREADY_REVERSED');
    await expect(
      app.dataSource.query('UPDATE contribution_payment SET amount_cents = 1'),
    ).rejects.toThrow(/append-only/);
  });

  it('imports a bank statement, matching by reference and listing the unmatched line for manual matching', async () => {
    const [d, e, f, g] = await Promise.all(organisations.slice(3, 7).map(callOf));
    const csv = [
      'date,amount,reference,description',
      `2026-11-03,${(Number(d.amount_cents) / 100).toFixed(2)},${d.reference},Virement Org 3`,
      `2026-11-03,100.00,${e.reference.toLowerCase()},Acompte`,
      `2026-11-04,"1 000,00",${f.reference},Virement`,
      '2026-11-05,250.00,INCONNU-42,Don non identifié',
    ].join('\n');
    const result = ok(
      await app.gql<{
        importBankStatement: {
          rowCount: number;
          matchedCount: number;
          matchedCents: number;
          totalCents: number;
          unmatchedRows: {
            id: string;
            rowNumber: number;
            reference: string;
            amountCents: number;
          }[];
        };
      }>(
        IMPORT,
        { input: { fileName: 'releve-novembre.csv', content: csv } },
        { token: treasurer },
      ),
    ).importBankStatement;
    expect(result).toMatchObject({
      rowCount: 4,
      matchedCount: 3,
      totalCents: Number(d.amount_cents) + 10_000 + 100_000 + 25_000,
    });
    expect(result.unmatchedRows).toEqual([
      { id: expect.any(String), rowNumber: 5, reference: 'INCONNU-42', amountCents: 25_000 },
    ]);
    const statuses = await app.dataSource.query(
      'SELECT id, status FROM contribution_call WHERE id = ANY($1)',
      [[d.id, e.id, f.id]],
    );
    expect(
      Object.fromEntries(statuses.map((s: { id: string; status: string }) => [s.id, s.status])),
    ).toEqual({ [d.id]: 'paid', [e.id]: 'partially_paid', [f.id]: 'partially_paid' });

    const matched = ok(
      await app.gql<{ matchBankImportRow: { id: string; paidCents: number } }>(
        MATCH,
        { input: { rowId: result.unmatchedRows[0].id, callId: g.id } },
        { token: treasurer },
      ),
    ).matchBankImportRow;
    expect(matched).toMatchObject({ id: g.id, paidCents: 25_000 });
    const twice = await app.gql(
      MATCH,
      { input: { rowId: result.unmatchedRows[0].id, callId: g.id } },
      { token: treasurer },
    );
    expect(errorCode(twice)).toBe('BANK_ROW_ALREADY_MATCHED');
    const sameFile = await app.gql(
      IMPORT,
      { input: { fileName: 'copie.csv', content: csv } },
      { token: treasurer },
    );
    expect(errorCode(sameFile)).toBe('BANK_FILE_ALREADY_IMPORTED');
  });

  it('refuses a malformed statement whole, naming each bad line, and writes nothing', async () => {
    const h = await callOf(organisations[7]);
    const before = await count(
      'SELECT (SELECT count(*) FROM contribution_payment) + (SELECT count(*) FROM bank_import_row) + (SELECT count(*) FROM bank_import) AS n',
    );
    const csv = [
      'date,amount,reference,description',
      `2026-11-06,10.00,${h.reference},ok`,
      `2026-13-01,10.00,${h.reference},bad date`,
      `2026-11-06,-5.00,${h.reference},debit`,
      `2026-11-06,dix,${h.reference},bad amount`,
    ].join('\n');
    const refused = await app.gql(
      IMPORT,
      { input: { fileName: 'casse.csv', content: csv } },
      { token: treasurer },
    );
    expect(errorCode(refused)).toBe('BANK_FILE_MALFORMED');
    expect(refused.errors?.[0].extensions?.details).toEqual({
      rows: [
        { row: 3, code: 'INVALID_DATE' },
        { row: 4, code: 'NEGATIVE_AMOUNT' },
        { row: 5, code: 'INVALID_AMOUNT' },
      ],
    });
    expect(refused.errors?.[0].message).toContain('ligne 3');
    expect(
      await count(
        'SELECT (SELECT count(*) FROM contribution_payment) + (SELECT count(*) FROM bank_import_row) + (SELECT count(*) FROM bank_import) AS n',
      ),
    ).toBe(before);
  });

  it('waives or reduces a call only with a board decision recorded on it', async () => {
    const call = await callOf(organisations[8]);
    const amount = Number(call.amount_cents);
    const noDecision = await app.gql(
      WAIVE,
      { input: { callId: call.id, amountCents: amount, boardDecision: '  ' } },
      { token: treasurer },
    );
    expect(errorCode(noDecision)).toBe('WAIVER_NEEDS_BOARD_DECISION');
    const tooMuch = await app.gql(
      WAIVE,
      { input: { callId: call.id, amountCents: amount + 1, boardDecision: 'CA-2026-031' } },
      { token: treasurer },
    );
    expect(errorCode(tooMuch)).toBe('WAIVER_EXCEEDS_OUTSTANDING');
    const waived = ok(
      await app.gql<{ waiveContributionCall: Record<string, unknown> }>(
        WAIVE,
        {
          input: {
            callId: call.id,
            amountCents: amount,
            boardDecision: 'CA-2026-031',
            reason: 'Sinistre',
          },
        },
        { token: treasurer },
      ),
    ).waiveContributionCall;
    expect(waived).toMatchObject({
      status: 'Waived',
      waivedCents: amount,
      outstandingCents: 0,
      waiverBoardDecision: 'CA-2026-031',
    });

    const reduced = await callOf(organisations[9]);
    const partly = ok(
      await app.gql<{ waiveContributionCall: Record<string, unknown> }>(
        WAIVE,
        { input: { callId: reduced.id, amountCents: 10_000, boardDecision: 'CA-2026-032' } },
        { token: treasurer },
      ),
    ).waiveContributionCall;
    expect(partly).toMatchObject({
      status: 'Due',
      waivedCents: 10_000,
      outstandingCents: Number(reduced.amount_cents) - 10_000,
    });
  });

  it('reconciles the campaign to the cent: called = paid + outstanding + waived, ledger = paid + credit', async () => {
    const asMember = await app.gql(CAMPAIGN, { year: FISCAL_YEAR }, { token: member.token });
    expect(errorCode(asMember)).toBe('FORBIDDEN');
    const campaign = ok(
      await app.gql<{
        contributionCampaign: Record<string, number> & {
          reconciliation: Record<string, unknown>;
          byCategory: {
            calledCents: number;
            paidCents: number;
            outstandingCents: number;
            waivedCents: number;
          }[];
          byRegion: { calledCents: number }[];
        };
      }>(CAMPAIGN, { year: FISCAL_YEAR }, { token: trustee }),
    ).contributionCampaign;
    const d = await callOf(organisations[3]);
    const b = await callOf(organisations[1]);
    const w1 = await callOf(organisations[8]);
    const ledger =
      50_000 +
      (Number(b.amount_cents) + 12_345) +
      Number(d.amount_cents) +
      10_000 +
      100_000 +
      25_000;
    expect(campaign).toMatchObject({
      scaleId,
      targetCents: 410_000_000,
      callCount: 300 + duesCalls,
      calledCents: expectedTotal() + duesCents,
      receivedCents: ledger,
      creditCents: 12_345,
      paidCents: ledger - 12_345,
      waivedCents: Number(w1.amount_cents) + 10_000,
      reconciliation: { reconciles: true, ledgerCents: ledger, organisationsNotReconciling: 0 },
    });
    expect(campaign.calledCents).toBe(
      campaign.paidCents + campaign.outstandingCents + campaign.waivedCents,
    );
    for (const key of ['calledCents', 'paidCents', 'outstandingCents', 'waivedCents'] as const) {
      expect(campaign.byCategory.reduce((s, g) => s + g[key], 0)).toBe(campaign[key]);
    }
    expect(campaign.byRegion.reduce((s, g) => s + g.calledCents, 0)).toBe(campaign.calledCents);
  });

  it('marks unpaid calls overdue past their due date, reminds once, and issues late admissions a pro-rated call', async () => {
    const calls = app.app.get(CallsService);
    const marked = await calls.markOverdue(scaleId, '2027-01-05');
    const open = await count(
      `SELECT count(*) AS n FROM contribution_call WHERE status = 'overdue'`,
    );
    expect(marked).toBe(open);
    expect(open).toBeGreaterThan(290);
    expect(
      await count(`SELECT count(*) AS n FROM notification WHERE kind = 'contribution_overdue'`),
    ).toBe(open);
    expect(await calls.markOverdue(scaleId, '2027-01-05')).toBe(0);
    const [paid] = await app.dataSource.query(
      'SELECT status FROM contribution_call WHERE member_id = $1',
      [organisations[1].id],
    );
    expect(paid.status).toBe('paid');

    const [newcomer] = await createOrganisations(app.dataSource, 1, {
      prefix: 'Newcomer',
      admittedAt: new Date('2026-11-20T15:00:00Z'),
    });
    // What the reconciler finds and enqueues; the in-process worker runs it through BullMQ.
    const jobs = await app.app.get(ContributionsOverdue).overdue(new Date());
    const issueJob = jobs.find((job) => job.name === JobName.IssueContributionCalls);
    expect(issueJob?.jobId).toBe(`contribution-scale.${scaleId}.issue-calls.v${300 + duesCalls}`);
    await app.app.get(JobScheduler).schedule(issueJob!);
    const newcomerCalls = () =>
      count('SELECT count(*) AS n FROM contribution_call WHERE member_id = $1', [newcomer.id]);
    for (let waited = 0; (await newcomerCalls()) === 0 && waited < 15_000; waited += 100) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(await newcomerCalls()).toBe(1);
    expect(await calls.issueOutstanding(scaleId)).toBe(0);
    const [call] = await app.dataSource.query(
      'SELECT amount_cents, prorated_months FROM contribution_call WHERE member_id = $1',
      [newcomer.id],
    );
    const full = tierAmount(newcomer.organisationCategory, newcomer.sizeBand);
    expect(call).toEqual({
      amount_cents: String(Math.floor((full * 5 + 6) / 12)),
      prorated_months: 5,
    });
  });
  it('keeps on each call what its ledger received, payments, reversals and bank imports included', async () => {
    const { received, differ } = await receivedAgainstLedger(app);
    expect(received).toBeGreaterThan(0);
    expect(differ).toBe(0);
  });
});
