import { DataSource } from 'typeorm';
import { TestApp } from '../e2e/test-app';

const DAY = 86_400_000;

/** An ISO date `days` from now (fractions allowed). */
export const inDays = (days: number) => new Date(Date.now() + days * DAY).toISOString();

export const GRANT_PROXY = `mutation ($input: GrantProxyInput!) {
  grantProxy(input: $input) { id grantorMemberId holderMemberId } }`;

/** A member (by their token) gives their vote at an assembly to `holderMemberId`. */
export function grantProxy(
  app: TestApp,
  token: string,
  assemblyId: string,
  holderMemberId: string,
) {
  return app.gql<{ grantProxy: { id: string; grantorMemberId: string; holderMemberId: string } }>(
    GRANT_PROXY,
    { input: { assemblyId, holderMemberId } },
    { token },
  );
}

/**
 * The day of the assembly: its start moves to a minute ago, as the clock
 * would have, so check-ins and votes may begin (convening needed weeks of notice).
 */
export async function openDoors(app: TestApp, assemblyId: string): Promise<void> {
  await app.dataSource.query(
    `UPDATE assembly SET starts_at = now() - interval '1 minute' WHERE id = $1`,
    [assemblyId],
  );
}

/**
 * A convened general assembly, started a minute ago, with the proposal on its
 * agenda: written in SQL for tests whose subject is not the assembly itself.
 */
export async function assemblyWithProposal(
  dataSource: DataSource,
  proposalId: string,
  decisionType = 'contribution_scale',
): Promise<string> {
  const [{ id }] = await dataSource.query<{ id: string }[]>(
    `INSERT INTO assembly (kind, general_assembly_type, mode, status, title_fr, title_en, place, url,
                           starts_at, ends_at, charter_version_id, proxy_limit_per_holder,
                           quorum_numerator, quorum_denominator, notice_days, convened_at)
     VALUES ('general_assembly', 'annual', 'hybrid', 'convened', 'AGA', 'AGM', 'Salle', 'https://meet.example.org',
             now() - interval '1 minute', now() + interval '30 days',
             (SELECT id FROM charter_version ORDER BY version DESC LIMIT 1), 2, 1, 10, 30, now() - interval '31 days')
     RETURNING id`,
  );
  await dataSource.query(
    `INSERT INTO agenda_item (assembly_id, position, kind, title_fr, title_en, ref_id, decision_type)
     VALUES ($1, 1, 'proposal', 'Proposition', 'Proposal', $2, $3)`,
    [id, proposalId, decisionType],
  );
  return id;
}
