import { DataSource } from 'typeorm';
import { Council, CouncilSeat, SeatStatus } from '@delibera/councils';
import { Member } from '@delibera/membership';
import { quebecDate, Role, TokenService } from '@delibera/kernel';
import { ok, TestApp } from '../e2e/test-app';
import { createAccount, createMember } from './index';

export const VOTE_FIELDS = `id status version rollFingerprint rollSize secrecy collegeWeighting opensAt closesAt
  result { outcome quorumMet eligible participations ballots winners hash details }`;

const SCHEDULE = `mutation ($input: ScheduleVoteInput!) { scheduleVote(input: $input) { ${VOTE_FIELDS} } }`;
const OPEN = `mutation ($voteId: UUID!) { openVote(voteId: $voteId) { ${VOTE_FIELDS} } }`;
const CLOSE = `mutation ($voteId: UUID!) { closeVote(voteId: $voteId) { ${VOTE_FIELDS} } }`;
export const CAST = `mutation ($input: CastBallotInput!) { castBallot(input: $input) { voteId receipt replaced } }`;

export interface VoteView {
  id: string;
  status: string;
  version: number;
  rollFingerprint: string | null;
  rollSize: number | null;
  result: {
    outcome: string;
    quorumMet: boolean;
    eligible: number;
    participations: number;
    ballots: number;
    winners: string[];
    hash: string;
    /** The canonical result document (see VoteResult.details). */
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read deep into the published JSON
    details: Record<string, any>;
  } | null;
}

export const YES_NO_ABSTAIN_OPTIONS = [
  { id: 'yes', labelFr: 'Pour', labelEn: 'For' },
  { id: 'no', labelFr: 'Contre', labelEn: 'Against' },
];

/** A window open now by database time, longer than any charter's minimum voting period. */
export function openWindow(): { opensAt: string; closesAt: string } {
  const now = Date.now();
  return {
    opensAt: new Date(now - 1000).toISOString(),
    closesAt: new Date(now + 30 * 24 * 3600_000).toISOString(),
  };
}

/**
 * A charter whose rules allow votes of seconds, for the tests that watch a
 * vote really close at its date (the minimum itself: vote-periods.e2e-spec.ts).
 * Only votes: the other phases keep their minimums.
 */
export async function allowVotesOfSeconds(dataSource: DataSource): Promise<void> {
  await dataSource.query('UPDATE decision_rule SET min_voting_days = 0');
}

/** The secretary schedules a vote (input fields override a motion on yes/no). */
export async function scheduleVote(
  app: TestApp,
  token: string,
  input: Record<string, unknown>,
): Promise<VoteView> {
  const data = ok(
    await app.gql<{ scheduleVote: VoteView }>(
      SCHEDULE,
      {
        input: {
          titleFr: 'Question',
          titleEn: 'Question',
          options: YES_NO_ABSTAIN_OPTIONS,
          binding: true,
          ...openWindow(),
          ...input,
        },
      },
      { token },
    ),
  );
  return data.scheduleVote;
}

export async function openVote(app: TestApp, token: string, voteId: string): Promise<VoteView> {
  return ok(await app.gql<{ openVote: VoteView }>(OPEN, { voteId }, { token })).openVote;
}

export async function closeVote(app: TestApp, token: string, voteId: string): Promise<VoteView> {
  return ok(await app.gql<{ closeVote: VoteView }>(CLOSE, { voteId }, { token })).closeVote;
}

export function castBallot(
  app: TestApp,
  token: string,
  voteId: string,
  ballot: Record<string, unknown>,
  onBehalfOf?: string,
  clientRequestId?: string,
) {
  return app.gql<{ castBallot: { voteId: string; receipt: string; replaced: boolean } }>(
    CAST,
    { input: { voteId, ballot, onBehalfOf, clientRequestId } },
    { token },
  );
}

/** Gives members active seats on a council, as an approved application would. */
export async function seatOnCouncil(dataSource: DataSource, council: Council, members: Member[]) {
  const repo = dataSource.getRepository(CouncilSeat);
  const today = quebecDate();
  await repo.save(
    members.map((member) =>
      repo.create({
        councilId: council.id,
        memberId: member.id,
        status: SeatStatus.Active,
        termStart: today,
        termEnd: `${Number(today.slice(0, 4)) + 2}${today.slice(4)}`,
      }),
    ),
  );
}

/** Rows of the voting tables for one vote, to assert what was or was not written. */
export async function voteRows(dataSource: DataSource, voteId: string) {
  const [row] = await dataSource.query(
    `SELECT (SELECT count(*)::int FROM participation WHERE vote_id = $1) AS participations,
            (SELECT count(*)::int FROM ballot WHERE vote_id = $1) AS ballots,
            (SELECT count(*)::int FROM vote_result WHERE vote_id = $1) AS results`,
    [voteId],
  );
  return row as { participations: number; ballots: number; results: number };
}

/**
 * Members with access tokens minted by the app's TokenService: a signed-in
 * member without an argon2 login each (the guard trusts the token alone).
 */
export async function votersIn(
  app: TestApp,
  count: number,
  fields: Partial<Member> & { collegeCode?: string } = {},
): Promise<{ member: Member; token: string }[]> {
  return Promise.all(
    Array.from({ length: count }, async () =>
      asVoter(app, await createMember(app.dataSource, fields)),
    ),
  );
}

/** An account and access token for an existing member (an organisation's representative, say). */
export async function asVoter(
  app: TestApp,
  member: Member,
): Promise<{ member: Member; token: string }> {
  const account = await createAccount(app.dataSource, { member });
  const token = app.app.get(TokenService).signAccessToken({
    accountId: account.id,
    memberId: member.id,
    roles: [Role.Member],
  });
  return { member, token };
}

/** Waits (up to 15 s) until the in-process worker has moved the vote to `status`, e.g. opened it at `opensAt`. */
export async function waitForVoteStatus(
  app: TestApp,
  token: string,
  voteId: string,
  status: string,
): Promise<void> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const { vote } = ok(
      await app.gql<{ vote: { status: string } }>(
        'query ($id: UUID!) { vote(id: $id) { status } }',
        { id: voteId },
        { token },
      ),
    );
    if (vote.status === status) return;
    if (Date.now() > deadline) throw new Error(`Vote ${voteId} is ${vote.status}, not ${status}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
