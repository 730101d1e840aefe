import { DecisionType, VoteMethod } from './charter.enums';

/**
 * The counting methods that fit the ballots of a kind of decision. A trustee
 * election fills seats, so it is counted by a method that elects several
 * (single transferable vote, or approval's top k); every other decision is a
 * motion voted yes, no or abstain.
 */
export function voteMethodsFor(decisionType: DecisionType): VoteMethod[] {
  return decisionType === DecisionType.TrusteeElection
    ? [VoteMethod.SingleTransferableVote, VoteMethod.Approval]
    : [VoteMethod.Choice];
}

/**
 * The ranked methods by which competing proposals are put to one vote that
 * picks one of them. Only contribution scales compete (the treasurer submits
 * several drafts together); the database's check on decision_rule allows the
 * same methods.
 */
export function competingOptionsMethodsFor(decisionType: DecisionType): VoteMethod[] {
  return decisionType === DecisionType.ContributionScale
    ? [VoteMethod.InstantRunoff, VoteMethod.Schulze, VoteMethod.RankedPairs]
    : [];
}
