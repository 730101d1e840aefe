import { DataSource } from 'typeorm';
import { CharterVersion, DecisionType } from '@delibera/charter';
import { Role } from '@delibera/kernel';
import { ProposalOrigin, ProposalsService, ProposalStatus } from '@delibera/proposals';
import { ok, TestApp } from '../e2e/test-app';
import { createAccount } from './index';
import { castBallot, closeVote, waitForVoteStatus } from './votes';

/** A board proposal walked through the real transitions into deliberation: any member may argue. */
export async function proposalInDeliberation(app: TestApp): Promise<string> {
  const staff = await createAccount(app.dataSource, { member: null, roles: [Role.Secretary] });
  const { id: charterVersionId } = await app.dataSource
    .getRepository(CharterVersion)
    .findOneByOrFail({ version: 1 });
  const proposals = app.app.get(ProposalsService);
  const { id: proposalId } = await proposals.createDraft({
    decisionType: DecisionType.OrdinaryResolution,
    origin: ProposalOrigin.Board,
    title: 'Plan',
    body: 'Texte.',
    authorMemberId: null,
    createdByAccountId: staff.id,
  });
  for (const to of [ProposalStatus.Submitted, ProposalStatus.Deliberation]) {
    await app.dataSource.transaction((manager) =>
      proposals.transition(manager, {
        proposalId,
        to,
        actorAccountId: staff.id,
        set: { submittedAt: new Date(), charterVersionId },
      }),
    );
  }
  return proposalId;
}

/** A proposal's consultation, and each council's due date, end a second ago, as the clock would have it. */
export async function consultationOver(dataSource: DataSource, proposalId: string): Promise<void> {
  await dataSource.query(
    `UPDATE proposal SET consultation_ends_at = now() - interval '1 second' WHERE id = $1`,
    [proposalId],
  );
  await dataSource.query(
    `UPDATE consultation_request SET due_at = now() - interval '1 second' WHERE proposal_id = $1`,
    [proposalId],
  );
}

export const PUT_OPINION_TO_VOTE = `mutation ($input: PutOpinionToVoteInput!) {
  putCouncilOpinionToVote(input: $input) { id status voteId voteOutcome } }`;

/**
 * The council's chair puts a drafted opinion to the council's vote (closing
 * in an hour), the vote opens by its job, each council member casts their
 * ballot, and the secretary closes it: the count decides the opinion.
 * Returns the vote's outcome.
 */
export async function councilVotesOnOpinion(
  app: TestApp,
  tokens: { chair: string; secretary: string },
  opinionId: string,
  ballots: [token: string, ballot: Record<string, unknown>][],
): Promise<string> {
  const { putCouncilOpinionToVote: put } = ok(
    await app.gql<{ putCouncilOpinionToVote: { voteId: string } }>(
      PUT_OPINION_TO_VOTE,
      // Longer than the council_opinion rule's minimum voting period (2 days).
      { input: { opinionId, closesAt: new Date(Date.now() + 3 * 24 * 3_600_000).toISOString() } },
      { token: tokens.chair },
    ),
  );
  await waitForVoteStatus(app, tokens.secretary, put.voteId, 'Open');
  for (const [token, ballot] of ballots) ok(await castBallot(app, token, put.voteId, ballot));
  const closed = await closeVote(app, tokens.secretary, put.voteId);
  return closed.result!.outcome;
}
