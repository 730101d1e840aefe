import { EventEmitter2 } from '@nestjs/event-emitter';
import { DomainEvent, ProposalDecidedEvent, Role, TokenService } from '@delibera/kernel';
import { OrganisationCategory } from '@delibera/membership';
import { ok, TestApp } from '../e2e/test-app';
import { createAccount, createMember } from './index';
import { createOrganisations } from './organisations';

/** The calendar year in Montréal: the portal's default fiscal year for calls. */
export const thisYear = () =>
  Number(
    new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Montreal' })
      .format(new Date())
      .slice(0, 4),
  );

/** A staff member (with a membership, to sign in through the portal) holding these roles. */
export async function staffAccount(app: TestApp, roles: Role[], displayName: string) {
  const member = await createMember(app.dataSource, { displayName });
  return createAccount(app.dataSource, { member, roles: [Role.Member, ...roles] });
}

/**
 * Organisations of one category and an adopted scale calling them: drafted and
 * submitted over GraphQL by a treasurer, then adopted as the assembly's vote
 * does (the decision event, which issues the calls).
 */
export async function adoptedScale(
  app: TestApp,
  fields: {
    year: number;
    organisations: string;
    category: OrganisationCategory;
    tierCents: number;
    targetCents: number;
  },
): Promise<{ token: string; calls: { id: string; memberName: string }[] }> {
  const treasurer = await createAccount(app.dataSource, {
    member: null,
    roles: [Role.Treasurer],
  });
  const token = app.app
    .get(TokenService)
    .signAccessToken({ accountId: treasurer.id, memberId: null, roles: [Role.Treasurer] });
  await createOrganisations(app.dataSource, 3, {
    prefix: fields.organisations,
    category: fields.category,
  });
  const graphqlCategory = Object.keys(OrganisationCategory).find(
    (key) => OrganisationCategory[key as keyof typeof OrganisationCategory] === fields.category,
  );
  const { draftContributionScale: scale } = ok(
    await app.gql<{ draftContributionScale: { id: string } }>(
      `mutation ($input: ContributionScaleInput!) { draftContributionScale(input: $input) { id } }`,
      {
        input: {
          fiscalYear: fields.year,
          name: `Barème ${fields.year}`,
          dueOn: `${fields.year}-12-31`,
          campaignTargetCents: fields.targetCents,
          prorationRule: 'None',
          tiers: ['Micro', 'Small', 'Medium', 'Large', 'VeryLarge'].map((sizeBand) => ({
            organisationCategory: graphqlCategory,
            sizeBand,
            amountCents: fields.tierCents,
          })),
        },
      },
      { token },
    ),
  );
  const { submitContributionScale } = ok(
    await app.gql<{ submitContributionScale: { proposalId: string } }>(
      'mutation ($id: UUID!) { submitContributionScale(scaleId: $id) { proposalId } }',
      { id: scale.id },
      { token },
    ),
  );
  await app.dataSource.transaction((manager) =>
    app.app.get(EventEmitter2).emitAsync(DomainEvent.ProposalDecided, {
      manager,
      proposalId: submitContributionScale.proposalId,
      decisionType: 'contribution_scale',
      outcome: 'adopted',
      actorAccountId: null,
    } satisfies ProposalDecidedEvent),
  );
  const { contributionCalls } = ok(
    await app.gql<{ contributionCalls: { edges: { node: { id: string; memberName: string } }[] } }>(
      'query ($id: UUID) { contributionCalls(scaleId: $id, first: 20) { edges { node { id memberName } } } }',
      { id: scale.id },
      { token },
    ),
  );
  return { token, calls: contributionCalls.edges.map((edge) => edge.node) };
}

/**
 * Each call's stored `received_cents` against its ledger summed here, over every
 * call of the test's database: how many calls received money, and how many differ.
 */
export async function receivedAgainstLedger(
  app: TestApp,
): Promise<{ calls: number; received: number; differ: number }> {
  const [row] = await app.dataSource.query(
    `SELECT count(*) FILTER (WHERE c.received_cents <> coalesce(p.received, 0))::int AS differ,
            count(*)::int AS calls, count(*) FILTER (WHERE p.received <> 0)::int AS received
       FROM contribution_call c
       LEFT JOIN (SELECT call_id, sum(amount_cents) AS received FROM contribution_payment GROUP BY call_id) p
         ON p.call_id = c.id`,
  );
  return row;
}
