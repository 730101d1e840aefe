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
 * Competing options (several contribution scales, say) are put to one ranked
 * vote that picks one of them; the database's check on decision_rule says the same.
 */
export const COMPETING_OPTIONS_METHODS: readonly VoteMethod[] = [
  VoteMethod.InstantRunoff,
  VoteMethod.Schulze,
  VoteMethod.RankedPairs,
];
