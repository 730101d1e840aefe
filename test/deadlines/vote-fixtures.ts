import { DataSource } from 'typeorm';
import { DecisionType } from '@delibera/charter';
import { AuthUser, Role } from '@delibera/kernel';
import { Member } from '@delibera/membership';
import { ElectorateKind, Vote, VoteSubjectType, VotesService } from '@delibera/voting';
import { createAccount } from '../factories';
import { TestApp } from '../e2e/test-app';

/** Polls until the probe holds; fails the test after the timeout. */
export async function waitFor(
  probe: () => boolean | Promise<boolean>,
  timeoutMs = 20_000,
  what = 'condition',
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export const inMs = (ms: number) => new Date(Date.now() + ms);

export async function secretary(dataSource: DataSource): Promise<AuthUser> {
  const account = await createAccount(dataSource, { member: null, roles: [Role.Secretary] });
  return { accountId: account.id, memberId: null, roles: [Role.Secretary] };
}

/** A yes/no ordinary resolution of all active members, scheduled through the voting service. */
export function scheduleYesNo(
  app: TestApp,
  actor: AuthUser,
  dates: { opensAt: Date; closesAt: Date; title?: string },
): Promise<Vote> {
  return app.app.get(VotesService).schedule(actor, {
    subjectType: VoteSubjectType.Referendum,
    decisionType: DecisionType.Referendum,
    titleFr: dates.title ?? 'Adopter le budget',
    titleEn: dates.title ?? 'Adopt the budget',
    electorateKind: ElectorateKind.AllMembers,
    options: [
      { id: 'yes', labelFr: 'Oui', labelEn: 'Yes' },
      { id: 'no', labelFr: 'Non', labelEn: 'No' },
    ],
    binding: true,
    opensAt: dates.opensAt,
    closesAt: dates.closesAt,
  });
}

export const voterOf = (member: Member): AuthUser => ({
  accountId: member.id,
  memberId: member.id,
  roles: [Role.Member],
});

export async function voteRow(dataSource: DataSource, voteId: string) {
  const [row] = await dataSource.query<
    {
      status: string;
      version: number;
      closesAt: Date;
      closedAt: Date | null;
      openedAt: Date | null;
    }[]
  >(
    `SELECT status, version, closes_at AS "closesAt", closed_at AS "closedAt", opened_at AS "openedAt"
       FROM vote WHERE id = $1`,
    [voteId],
  );
  return row;
}

/** Polls the vote's row until the worker has moved it to `status` (opened it, tallied it…). */
export const untilVoteIs = (
  dataSource: DataSource,
  voteId: string,
  status: string,
  timeoutMs: number,
  what = status,
) => waitFor(async () => (await voteRow(dataSource, voteId)).status === status, timeoutMs, what);
