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
