import { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  CallsService,
  ContributionCall,
  InKindService,
  PaymentMethod,
  PaymentsService,
  ScaleSubmission,
  ScalesService,
} from '@delibera/contributions';
import { AuthUser } from '@delibera/kernel';
import { OrganisationCategory, SizeBand } from '@delibera/membership';
import { ProposalsService, ProposalStatus } from '@delibera/proposals';
import { DemoCouncils } from './demo-councils';
import { DemoPeople } from './demo-people';
import { castYesNo, closeAndTally, closingIn, openProposalVote } from './demo-votes';

/** The 2026 campaign, by what a treasurer would look for. */
export interface DemoCampaign {
  adoptedScaleId: string;
  adoptedProposalId: string;
  adoptedVoteId: string;
  draftScaleId: string;
}

/** Yearly amount of the small tier of each category, in dollars; other sizes scale from it. */
const CATEGORY_BASE: [OrganisationCategory, number][] = [
  [OrganisationCategory.Municipality, 1_500],
  [OrganisationCategory.Mrc, 2_000],
  [OrganisationCategory.University, 3_000],
  [OrganisationCategory.College, 2_000],
  [OrganisationCategory.SocialEconomy, 600],
  [OrganisationCategory.Community, 250],
  [OrganisationCategory.Union, 1_200],
];
const SIZE_FACTOR: [SizeBand, number][] = [
  [SizeBand.Micro, 0.4],
  [SizeBand.Small, 1],
  [SizeBand.Medium, 2.5],
  [SizeBand.Large, 5],
  [SizeBand.VeryLarge, 10],
];

/** One tier per category and size; `increase` is the raise over 2026 (0.04 = 4 %). */
function tiers(increase: number) {
  return CATEGORY_BASE.flatMap(([organisationCategory, base]) =>
    SIZE_FACTOR.map(([sizeBand, factor]) => ({
      organisationCategory,
      sizeBand,
      amountCents: Math.round(base * factor * (1 + increase)) * 100,
    })),
  );
}

/**
 * The contribution campaign: the 2026 scale drafted and submitted by the
 * treasurer, voted by the members (weighted by college) and adopted — which
 * issues the calls to the organisations; payments in full, one partial
 * payment, one board waiver; volunteer hours approved; and the 2027 scale in
 * draft.
 */
export async function seedContributions(
  app: INestApplication,
  people: DemoPeople,
  councils: DemoCouncils,
): Promise<DemoCampaign> {
  const { treasurer, secretary } = people;
  const scales = app.get(ScalesService);
  const scale = await scales.draft(treasurer, {
    fiscalYear: 2026,
    name: 'Barème 2026',
    dueOn: '2026-12-15',
    campaignTargetCents: 60_000_00,
    tiers: tiers(0),
  });
  const submitted = await app.get(ScaleSubmission).submit(treasurer, scale.id);
  const proposalId = submitted.proposalId!;
  // A submitted scale waits for the board to put it before the members; no service drives that
  // step yet (the contributions e2e test does the same), so it enters deliberation here.
  await app.get(DataSource).transaction((manager) =>
    app.get(ProposalsService).transition(manager, {
      proposalId,
      to: ProposalStatus.Deliberation,
      actorAccountId: secretary.accountId,
    }),
  );
  const vote = await openProposalVote(
    app,
    secretary,
    proposalId,
    '2026 contribution scale',
    closingIn(1),
  );
  await castYesNo(app, vote.id, [
    ...people.persons.map((voter, n): [AuthUser, 'yes' | 'no'] => [
      voter,
      n % 5 === 4 ? 'no' : 'yes',
    ]),
    ...people.organisations.map((org, n): [AuthUser, 'yes' | 'no'] => [
      org,
      n % 6 === 5 ? 'no' : 'yes',
    ]),
  ]);
  // The tally adopts the proposal; its ProposalDecided event adopts the scale and issues the calls.
  await closeAndTally(app, vote.id);
  await settleCalls(app, people, scale.id);
  await seedVolunteerHours(app, people, councils);
  const draft2027 = await scales.draft(treasurer, {
    fiscalYear: 2027,
    name: 'Barème 2027 (projet : +4 %)',
    dueOn: '2027-03-31',
    campaignTargetCents: 63_000_00,
    tiers: tiers(0.04),
  });
  return {
    adoptedScaleId: scale.id,
    adoptedProposalId: proposalId,
    adoptedVoteId: vote.id,
    draftScaleId: draft2027.id,
  };
}

/**
 * Organisations 1–6 paid in full (Ville de Rimouski first), the MRC du Granit
 * half of its call, and the Maison des jeunes de Limoilou was waived by the board.
 */
async function settleCalls(app: INestApplication, people: DemoPeople, scaleId: string) {
  const calls = await app.get(DataSource).getRepository(ContributionCall).findBy({ scaleId });
  const callOf = (name: string) => {
    const member = people.organisationMembers.find((m) => m.displayName === name);
    const call = calls.find((c) => c.memberId === member?.id);
    if (!call) throw new Error(`Demo: no 2026 call for ${name}`);
    return call;
  };
  const payments = app.get(PaymentsService);
  const paid = [
    'Ville de Rimouski',
    'Municipalité de Sainte-Flavie',
    'MRC de La Matanie',
    'Université du Québec à Rimouski',
    'Coopérative de solidarité Le Pont',
    'Syndicat régional des travailleuses et travailleurs',
  ];
  for (const [n, name] of paid.entries()) {
    const call = callOf(name);
    await payments.record(people.treasurer, {
      callId: call.id,
      amountCents: Number(call.amountCents),
      paidOn: `2026-11-${String(3 + n * 3).padStart(2, '0')}`,
      method: n % 2 === 0 ? PaymentMethod.Transfer : PaymentMethod.Cheque,
      reference: `DEMO-2026-${String(n + 1).padStart(3, '0')}`,
    });
  }
  const partial = callOf('MRC du Granit');
  await payments.record(people.treasurer, {
    callId: partial.id,
    amountCents: Math.round(Number(partial.amountCents) / 2),
    paidOn: '2026-11-20',
    method: PaymentMethod.Transfer,
    reference: 'DEMO-2026-007',
    note: 'Premier de deux versements',
  });
  const waived = callOf('Maison des jeunes de Limoilou');
  await app.get(CallsService).waive(people.treasurer, {
    callId: waived.id,
    amountCents: Number(waived.amountCents),
    boardDecision: 'CA-2026-11-12',
    reason: 'Incendie du local en octobre 2026 : contribution remise pour l’année',
  });
}

/** Volunteers' hours for the councils, approved by the youth council's chair and the secretary. */
async function seedVolunteerHours(
  app: INestApplication,
  people: DemoPeople,
  councils: DemoCouncils,
) {
  const inKind = app.get(InKindService);
  const youth = councils.get('youth')!;
  const hours = [
    {
      volunteer: people.youthChair,
      approver: people.youthChair,
      activity: 'Animation de l’atelier « Savoir ouvert » au Cégep de Sherbrooke',
      performedOn: '2026-10-18',
      minutes: 180,
      councilId: youth,
      // This volunteer agreed to be thanked by name in the annual report; the next one did not.
      thankByName: true,
    },
    {
      volunteer: people.persons[15],
      approver: people.secretary,
      activity: 'Accueil des membres à la rencontre régionale du Bas-Saint-Laurent',
      performedOn: '2026-09-26',
      minutes: 240,
      councilId: councils.get('seniors'),
    },
  ];
  for (const { volunteer, approver, ...entry } of hours) {
    const member = people.personMembers[people.persons.indexOf(volunteer)];
    const recorded = await inKind.recordVolunteerHours(volunteer, {
      personName: member.displayName,
      ...entry,
    });
    await inKind.decide(approver, recorded.id, true);
  }
}
