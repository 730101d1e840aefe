import { registerEnumType } from '@nestjs/graphql';

/** scheduled → open → closed → tallied. Each step is a compare-and-set on this column. */
export enum VoteStatus {
  Scheduled = 'scheduled',
  Open = 'open',
  /** No ballot is accepted any more; the result is being counted. */
  Closed = 'closed',
  /** The result is stored (once) and published. */
  Tallied = 'tallied',
}

/** What a vote decides. The subject is a plain uuid: the owning domain reacts to VoteClosed. */
export enum VoteSubjectType {
  Proposal = 'proposal',
  CouncilOpinion = 'council_opinion',
  Election = 'election',
  Referendum = 'referendum',
  SurveyQuestion = 'survey_question',
  AssemblyItem = 'assembly_item',
  /** An amendment to a proposal put to its own vote. */
  Amendment = 'amendment',
}

/** Who may vote; each kind is provided by an ElectorateSource (assemblies provide `assembly`). */
export enum ElectorateKind {
  AllMembers = 'all_members',
  /** The active seats of a council (ref: council id). */
  Council = 'council',
  /** Active members whose account holds the trustee role. */
  Board = 'board',
  /** An assembly's attendees and the proxies they hold (ref: assembly id). */
  Assembly = 'assembly',
}

/** For the choice method: a motion (adopted when 'yes' meets the threshold) or one option of n. */
export enum ChoiceKind {
  Motion = 'motion',
  OneOfN = 'one_of_n',
}

/** How a scottish or meek STV count is run. */
export enum StvRules {
  Scottish = 'scottish',
  Meek = 'meek',
}

for (const [enumRef, name] of [
  [VoteStatus, 'VoteStatus'],
  [VoteSubjectType, 'VoteSubjectType'],
  [ElectorateKind, 'ElectorateKind'],
  [ChoiceKind, 'ChoiceKind'],
  [StvRules, 'StvRules'],
] as const) {
  registerEnumType(enumRef, { name });
}
