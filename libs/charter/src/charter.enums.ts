import { registerEnumType } from '@nestjs/graphql';

/** The kinds of decision the deed distinguishes; each has one DecisionRule per charter version. */
export enum DecisionType {
  OrdinaryResolution = 'ordinary_resolution',
  SpecialResolution = 'special_resolution',
  CharterAmendment = 'charter_amendment',
  ContributionScale = 'contribution_scale',
  Budget = 'budget',
  TrusteeElection = 'trustee_election',
  CouncilOpinion = 'council_opinion',
  Referendum = 'referendum',
  Admission = 'admission',
}

/** Who takes the decision. */
export enum DecidingBody {
  GeneralAssembly = 'general_assembly',
  Board = 'board',
  Council = 'council',
  AllMembers = 'all_members',
}

/** Who is told at each phase (notifications and the decision-rights view). */
export enum Audience {
  AllMembers = 'all_members',
  Board = 'board',
  ConsultedCouncils = 'consulted_councils',
  Electorate = 'electorate',
  Author = 'author',
  Public = 'public',
}

/** Counting methods; names match `libs/tally`. */
export enum VoteMethod {
  Choice = 'choice',
  Approval = 'approval',
  InstantRunoff = 'irv',
  Schulze = 'schulze',
  RankedPairs = 'ranked_pairs',
  SingleTransferableVote = 'stv',
  MajorityJudgment = 'majority_judgment',
}

/** What the threshold is a fraction of. */
export enum ThresholdBase {
  /** Votes cast, abstentions and blanks excluded. */
  Cast = 'cast',
  Present = 'present',
  Eligible = 'eligible',
}

/** "More than half" (a tie fails) or "at least two thirds". */
export enum ThresholdComparison {
  MoreThan = 'more_than',
  AtLeast = 'at_least',
}

export enum QuorumKind {
  None = 'none',
  /** A fraction of the eligible voters must take part. */
  Ratio = 'ratio',
  /** At least this many voters must take part. */
  Count = 'count',
}

export enum Secrecy {
  Secret = 'secret',
  Named = 'named',
}

for (const [enumRef, name] of [
  [DecisionType, 'DecisionType'],
  [DecidingBody, 'DecidingBody'],
  [Audience, 'Audience'],
  [VoteMethod, 'VoteMethod'],
  [ThresholdBase, 'ThresholdBase'],
  [ThresholdComparison, 'ThresholdComparison'],
  [QuorumKind, 'QuorumKind'],
  [Secrecy, 'Secrecy'],
] as const) {
  registerEnumType(enumRef, { name });
}
