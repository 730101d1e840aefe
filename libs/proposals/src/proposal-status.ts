/**
 * The life of a proposal (DESIGN.md §3). Pure: the service enforces these
 * edges with a compare-and-set on `status` inside each transition's transaction.
 */
export enum ProposalStatus {
  Draft = 'draft',
  Submitted = 'submitted',
  /** A member initiative collecting co-signatures until the charter's threshold or its deadline. */
  Support = 'support',
  Consultation = 'consultation',
  Deliberation = 'deliberation',
  Voting = 'voting',
  Adopted = 'adopted',
  Rejected = 'rejected',
  QuorumNotMet = 'quorum_not_met',
  Implemented = 'implemented',
  Withdrawn = 'withdrawn',
  Cancelled = 'cancelled',
  /** An initiative that did not gather its co-signatures in time. */
  Expired = 'expired',
}

/** How a proposal came to be: tabled by the board or the secretary, or a member initiative needing co-signatures. */
export enum ProposalOrigin {
  Board = 'board',
  MemberInitiative = 'member_initiative',
}

const S = ProposalStatus;

/** Withdrawal is the author's, before voting; cancellation is the secretary's, with a reason. */
const BEFORE_VOTING = [S.Draft, S.Submitted, S.Support, S.Consultation, S.Deliberation];

/** Not yet decided: before the vote, or being voted on. */
export const UNDECIDED: readonly ProposalStatus[] = [...BEFORE_VOTING, S.Voting];

const EDGES: Record<ProposalStatus, readonly ProposalStatus[]> = {
  [S.Draft]: [S.Submitted, S.Withdrawn],
  [S.Submitted]: [S.Support, S.Consultation, S.Deliberation, S.Withdrawn, S.Cancelled],
  [S.Support]: [S.Consultation, S.Deliberation, S.Expired, S.Withdrawn, S.Cancelled],
  [S.Consultation]: [S.Deliberation, S.Withdrawn, S.Cancelled],
  [S.Deliberation]: [S.Voting, S.Withdrawn, S.Cancelled],
  [S.Voting]: [S.Adopted, S.Rejected, S.QuorumNotMet, S.Cancelled],
  [S.Adopted]: [S.Implemented],
  [S.Rejected]: [],
  [S.QuorumNotMet]: [],
  [S.Implemented]: [],
  [S.Withdrawn]: [],
  [S.Cancelled]: [],
  [S.Expired]: [],
};

export function canTransition(from: ProposalStatus, to: ProposalStatus): boolean {
  return EDGES[from].includes(to);
}

export function isFinal(status: ProposalStatus): boolean {
  return EDGES[status].length === 0;
}

export function isBeforeVoting(status: ProposalStatus): boolean {
  return BEFORE_VOTING.includes(status);
}
