import { DataSource } from 'typeorm';
import { Role } from '@delibera/kernel';
import { CharterAmendmentListener, ProposalsService, ProposalStatus } from '@delibera/proposals';
import { signedInMember } from '../factories';
import { openWindow } from '../factories/votes';
import { errorCode, ok, startTestApp, TestApp } from './test-app';

const DRAFT = `mutation ($input: DraftProposalInput!) {
  draftBoardProposal(input: $input) { id decisionType charterChange } }`;
const CHARTER = `{ charter { version summary proxyLimitPerHolder volunteerHourRate
  rules { decisionType consultedCouncils informed voteMethod competingOptionsMethod allowedVoteMethods
          allowedCompetingOptionsMethods
          threshold { numerator denominator } thresholdComparison
          quorum { kind count ratio { numerator denominator } } minVotingDays secrecy } } }`;

type Rule = { decisionType: string; [key: string]: unknown };
type Charter = {
  version: number;
  summary: string;
  proxyLimitPerHolder: number;
  volunteerHourRate: number;
  rules: Rule[];
};

/**
 * A deed amendment's changes: stricter ordinary resolutions (at least 2/3, 25 voters), consulting the
 * youth council and informing the public; trustees elected by approval; competing contribution
 * scales ranked by Schulze; more proxies; a volunteer hour worth 35 $.
 */
const CHANGE = {
  settings: { proxyLimitPerHolder: 3, volunteerHourRate: 3500 },
  rules: [
    {
      decisionType: 'OrdinaryResolution',
      threshold: { numerator: 2, denominator: 3 },
      thresholdComparison: 'AtLeast',
      quorum: { kind: 'Count', numerator: 25 },
      consultedCouncils: ['youth'],
      informed: ['AllMembers', 'Public'],
      minVotingDays: 10,
    },
    { decisionType: 'TrusteeElection', voteMethod: 'Approval' },
    { decisionType: 'ContributionScale', competingOptionsMethod: 'Schulze' },
  ],
};
const CHANGED = ['OrdinaryResolution', 'TrusteeElection', 'ContributionScale'];

/** Moves a drafted proposal to adopted as its vote would (voting itself is covered by the journey tests). */
async function adopt(app: TestApp, proposalId: string, accountId: string): Promise<void> {
  await app.dataSource.query(
    `UPDATE proposal SET status = 'voting', submitted_at = now(),
            charter_version_id = (SELECT id FROM charter_version ORDER BY version DESC LIMIT 1)
      WHERE id = $1`,
    [proposalId],
  );
  await app.dataSource.transaction((manager) =>
    app.app.get(ProposalsService).transition(manager, {
      proposalId,
      to: ProposalStatus.Adopted,
      actorAccountId: accountId,
    }),
  );
}

const proposalCount = async (dataSource: DataSource) =>
  Number((await dataSource.query('SELECT count(*) AS n FROM proposal'))[0].n);

describe('deed amendments change the charter (e2e)', () => {
  let app: TestApp;
  let secretary: { token: string; account: { id: string } };

  beforeAll(async () => {
    app = await startTestApp();
    secretary = await signedInMember(app, [Role.Secretary]);
  });
  afterAll(() => app.close());

  const draft = (input: Record<string, unknown>, locale?: string) =>
    app.gql<{ draftBoardProposal: { id: string; charterChange: unknown } }>(
      DRAFT,
      { input: { title: 'Modifier la charte', body: 'Que l’acte soit modifié…', ...input } },
      { token: secretary.token, locale },
    );

  it('refuses changes that are not a deed amendment’s or make no sense, and writes nothing', async () => {
    const before = await proposalCount(app.dataSource);
    const ordinary = await draft({ decisionType: 'OrdinaryResolution', charterChange: CHANGE });
    expect(errorCode(ordinary)).toBe('CHARTER_CHANGE_NOT_ALLOWED');
    const amendment = (charterChange: unknown) =>
      draft({ decisionType: 'CharterAmendment', charterChange }, 'en');
    const unknownCouncil = await amendment({
      rules: [{ decisionType: 'SpecialResolution', consultedCouncils: ['nowhere'] }],
    });
    expect(errorCode(unknownCouncil)).toBe('CHARTER_CHANGE_INVALID');
    expect(unknownCouncil.errors?.[0].message).toBe(
      'This charter change is invalid: no sitting council has the code nowhere.',
    );
    const unfit = await amendment({ rules: [{ decisionType: 'Budget', voteMethod: 'Schulze' }] });
    expect(unfit.errors?.[0].message).toBe(
      'This charter change is invalid: “Schulze method” does not fit the “Budget” rule, only Choice.',
    );
    for (const charterChange of [
      { rules: [{ decisionType: 'Budget', threshold: { numerator: 3, denominator: 2 } }] },
      { rules: [{ decisionType: 'TrusteeElection', voteMethod: 'Schulze' }] },
      {
        rules: [
          { decisionType: 'ContributionScale', competingOptionsMethod: 'SingleTransferableVote' },
        ],
      },
      { rules: [{ decisionType: 'Budget' }] },
      {},
      {
        rules: [
          { decisionType: 'Budget', minVotingDays: 3 },
          { decisionType: 'Budget', minVotingDays: 4 },
        ],
      },
      { settings: { assemblyQuorum: { numerator: 5, denominator: 4 } } },
      { rules: [{ decisionType: 'Budget', quorum: { kind: 'Count', numerator: 0 } }] },
      {
        rules: [
          { decisionType: 'Budget', quorum: { kind: 'Ratio', numerator: 3, denominator: 2 } },
        ],
      },
    ]) {
      expect(errorCode(await amendment(charterChange))).toBe('CHARTER_CHANGE_INVALID');
    }
    expect(errorCode(await amendment({ settings: { proxyLimitPerHolder: -1 } }))).toBe(
      'INVALID_VALUE',
    );
    expect(await proposalCount(app.dataSource)).toBe(before);
  });

  it('lets the author replace a draft amendment’s changes, checked as when drafted', async () => {
    const EDIT = `mutation ($input: EditProposalDraftInput!) { editProposalDraft(input: $input) { charterChange } }`;
    const drafted = ok(
      await draft({ decisionType: 'CharterAmendment', charterChange: CHANGE }),
    ).draftBoardProposal;
    const edit = (charterChange: unknown) =>
      app.gql<{ editProposalDraft: { charterChange: unknown } }>(
        EDIT,
        {
          input: {
            proposalId: drafted.id,
            title: 'Modifier la charte',
            body: 'Texte revu.',
            charterChange,
          },
        },
        { token: secretary.token },
      );
    const stored = async () =>
      (
        await app.dataSource.query('SELECT charter_change FROM proposal WHERE id = $1', [
          drafted.id,
        ])
      )[0].charter_change;
    const before = await stored();
    expect(
      errorCode(
        await edit({ rules: [{ decisionType: 'Budget', consultedCouncils: ['nowhere'] }] }),
      ),
    ).toBe('CHARTER_CHANGE_INVALID');
    expect(await stored()).toEqual(before);
    const edited = ok(
      await edit({ rules: [{ decisionType: 'Budget', minVotingDays: 21 }] }),
    ).editProposalDraft;
    expect(edited.charterChange).toEqual({ rules: { budget: { minVotingDays: 21 } } });
    expect(await stored()).toEqual({ rules: { budget: { minVotingDays: 21 } } });
    // Left out, the changes stay; null removes them all.
    expect(ok(await edit(undefined)).editProposalDraft.charterChange).toEqual({
      rules: { budget: { minVotingDays: 21 } },
    });
    expect(ok(await edit(null)).editProposalDraft.charterChange).toBeNull();
    expect(await stored()).toBeNull();
    const [{ edits }] = await app.dataSource.query(
      `SELECT count(*)::int AS edits FROM audit_event
        WHERE entity_id = $1 AND action = 'proposal.charter_change_edited'`,
      [drafted.id],
    );
    expect(edits).toBe(2);

    const ordinary = ok(await draft({ decisionType: 'OrdinaryResolution' })).draftBoardProposal;
    const refused = await app.gql(
      EDIT,
      { input: { proposalId: ordinary.id, title: 'Plan', body: 'Texte.', charterChange: CHANGE } },
      { token: secretary.token },
    );
    expect(errorCode(refused)).toBe('CHARTER_CHANGE_NOT_ALLOWED');
  });

  it('adopted, makes the next charter version with its changes and nothing else; delivered again, nothing more', async () => {
    const { charter: before } = ok(
      await app.gql<{ charter: Charter }>(CHARTER, {}, { token: secretary.token }),
    );
    const drafted = ok(
      await draft({ decisionType: 'CharterAmendment', charterChange: CHANGE }),
    ).draftBoardProposal;
    expect(drafted.charterChange).toEqual({
      settings: { proxyLimitPerHolder: 3, volunteerHourRateCents: 3500 },
      rules: {
        ordinary_resolution: {
          thresholdNumerator: 2,
          thresholdDenominator: 3,
          thresholdComparison: 'at_least',
          quorumKind: 'count',
          quorumNumerator: 25,
          quorumDenominator: 1,
          consultedCouncils: ['youth'],
          informed: ['all_members', 'public'],
          minVotingDays: 10,
        },
        trustee_election: { voteMethod: 'approval' },
        contribution_scale: { competingOptionsMethod: 'schulze' },
      },
    });

    await adopt(app, drafted.id, secretary.account.id);
    const { charter: after } = ok(
      await app.gql<{ charter: Charter }>(CHARTER, {}, { token: secretary.token }),
    );
    expect(after.version).toBe(before.version + 1);
    expect(after.summary).toBe('Modifier la charte');
    expect(after.proxyLimitPerHolder).toBe(3);
    expect(after.volunteerHourRate).toBe(3500);
    const rule = (charter: Charter, type: string) =>
      charter.rules.find((r) => r.decisionType === type);
    expect(rule(after, 'OrdinaryResolution')).toEqual({
      ...rule(before, 'OrdinaryResolution'),
      threshold: { numerator: 2, denominator: 3 },
      thresholdComparison: 'AtLeast',
      quorum: { kind: 'Count', count: 25, ratio: null },
      consultedCouncils: ['youth'],
      informed: ['AllMembers', 'Public'],
      minVotingDays: 10,
    });
    // What an amendment may choose is read from the charter: seats for elections, motions otherwise.
    expect(rule(before, 'TrusteeElection')?.allowedVoteMethods).toEqual([
      'SingleTransferableVote',
      'Approval',
    ]);
    expect(rule(before, 'Budget')?.allowedVoteMethods).toEqual(['Choice']);
    expect(rule(before, 'ContributionScale')?.allowedCompetingOptionsMethods).toEqual([
      'InstantRunoff',
      'Schulze',
      'RankedPairs',
    ]);
    expect(rule(before, 'Budget')?.allowedCompetingOptionsMethods).toEqual([]);
    expect(rule(after, 'TrusteeElection')).toEqual({
      ...rule(before, 'TrusteeElection'),
      voteMethod: 'Approval',
    });
    expect(rule(after, 'ContributionScale')).toEqual({
      ...rule(before, 'ContributionScale'),
      competingOptionsMethod: 'Schulze',
    });
    // Under the new version, a trustee election is counted by approval, top three of five.
    const election = await app.gql<{ scheduleVote: { method: string; seats: number } }>(
      'mutation ($input: ScheduleVoteInput!) { scheduleVote(input: $input) { method seats } }',
      {
        input: {
          titleFr: 'Élection des fiduciaires',
          titleEn: 'Trustee election',
          subjectType: 'Election',
          decisionType: 'TrusteeElection',
          electorateKind: 'AllMembers',
          options: ['P', 'Q', 'R', 'S', 'T'].map((id) => ({ id, labelFr: id, labelEn: id })),
          binding: true,
          ...openWindow(),
          rules: { seats: 3 },
        },
      },
      { token: secretary.token },
    );
    expect(ok(election).scheduleVote).toEqual({ method: 'Approval', seats: 3 });
    for (const other of before.rules.filter((r) => !CHANGED.includes(r.decisionType))) {
      expect(rule(after, other.decisionType)).toEqual(other);
    }
    const [{ adopted }] = await app.dataSource.query(
      `SELECT adopted_by_proposal_id AS adopted FROM charter_version WHERE version = $1`,
      [after.version],
    );
    expect(adopted).toBe(drafted.id);

    // The decision's event delivered again (a retried job) finds the version it made.
    await app.dataSource.transaction((manager) =>
      app.app.get(CharterAmendmentListener).onProposalDecided({
        manager,
        proposalId: drafted.id,
        decisionType: 'charter_amendment',
        outcome: 'adopted',
        actorAccountId: secretary.account.id,
      }),
    );
    const [{ versions }] = await app.dataSource.query(
      'SELECT count(*)::int AS versions FROM charter_version',
    );
    expect(versions).toBe(after.version);
  });

  it('keeps a council a deed amendment under way would have the charter consult from being dissolved', async () => {
    const created = ok(
      await app.gql<{ createCouncil: { id: string } }>(
        'mutation ($input: CreateCouncilInput!) { createCouncil(input: $input) { id } }',
        {
          input: {
            code: 'comite_charte',
            nameFr: 'Comité de la charte',
            nameEn: 'Charter committee',
            seats: 5,
            termMonths: 12,
          },
        },
        { token: secretary.token },
      ),
    ).createCouncil;
    ok(
      await draft({
        decisionType: 'CharterAmendment',
        charterChange: {
          rules: [{ decisionType: 'SpecialResolution', consultedCouncils: ['comite_charte'] }],
        },
      }),
    );
    const refused = await app.gql(
      'mutation ($input: DissolveCouncilInput!) { dissolveCouncil(input: $input) { id } }',
      { input: { councilId: created.id, reason: 'Essai.' } },
      { token: secretary.token },
    );
    expect(errorCode(refused)).toBe('COUNCIL_HAS_PENDING_WORK');
    expect(refused.errors?.[0].message).toContain(
      '1 modification(s) de l’acte en cours qui le feraient consulter',
    );
  });
});
