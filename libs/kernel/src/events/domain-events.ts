import { EntityManager } from 'typeorm';

/**
 * Events that let one domain react to another without depending on it
 * (DESIGN.md §1). They are emitted with `EventEmitter2.emitAsync` *inside* the
 * emitter's transaction and carry its EntityManager: listeners write through
 * it, so the reaction commits or rolls back with the cause. Listeners must be
 * idempotent and must not open another connection while the transaction is open.
 */
export const DomainEvent = {
  /**
   * A vote closed and its result is stored. Proposals move to adopted / rejected / quorum not met;
   * a council's opinion is published or stays a draft; an amendment is merged or rejected.
   */
  VoteClosed: 'vote.closed',
  /** A proposal reached its final decision. Contributions issue calls when a scale is adopted. */
  ProposalDecided: 'proposal.decided',
  /** A proposal entered its voting phase: voting creates its vote from the charter rule. */
  ProposalVotingStarted: 'proposal.voting_started',
  /** A consulted council published its opinion on a proposal: its restricted thread opens to all. */
  OpinionPublished: 'opinion.published',
  /**
   * Proposals asks for a vote on one of its subjects (a council's opinion, an
   * amendment): voting creates it in the same transaction and returns its id.
   */
  VoteRequested: 'vote.requested',
  /**
   * The secretary is dissolving a council. Each domain holding work for it
   * says how much is under way (a consultation awaiting its opinion, a deed
   * amendment under way that would have the charter consult it, a vote of
   * its members not yet counted, a meeting convened); any, and the
   * dissolution is refused.
   */
  CouncilDissolving: 'council.dissolving',
} as const;

export type VoteOutcome = 'adopted' | 'rejected' | 'quorum_not_met' | 'elected' | 'completed';

export interface VoteClosedEvent {
  manager: EntityManager;
  voteId: string;
  /** What the vote decides: a proposal, a council opinion, an election, a referendum question… */
  subjectType: string;
  subjectId: string | null;
  outcome: VoteOutcome;
  /** The winning option ids (a ranked vote between options has one); empty for a motion. */
  winners?: readonly string[];
}

export interface ProposalDecidedEvent {
  manager: EntityManager;
  proposalId: string;
  decisionType: string;
  outcome: 'adopted' | 'rejected' | 'quorum_not_met';
  actorAccountId: string | null;
  /** For a proposal voted between options (competing scales): the option adopted. */
  winningOptionId?: string | null;
}

export interface ProposalVotingStartedEvent {
  manager: EntityManager;
  proposalId: string;
  decisionType: string;
  charterVersionId: string;
  title: string;
  opensAt: Date;
  closesAt: Date;
  actorAccountId: string | null;
  /** The options the proposal is voted on (competing scales); absent: yes or no. */
  options?: ProposalVoteOption[] | null;
}

/** One option of a proposal voted between options; its id is what ballots rank. */
export interface ProposalVoteOption {
  id: string;
  labelFr: string;
  labelEn: string;
}

export interface OpinionPublishedEvent {
  manager: EntityManager;
  proposalId: string;
  councilId: string;
}

/**
 * A vote proposals needs: a council adopting its opinion (the council's
 * active seats vote, under the charter's `council_opinion` rule) or an
 * amendment put to its own vote (the body that decides the proposal votes,
 * under the proposal's rule). The listener returns the new vote's id.
 */
export interface VoteRequestedEvent {
  manager: EntityManager;
  subjectType: 'council_opinion' | 'amendment';
  subjectId: string;
  proposalId: string;
  /** The proposal's decision type and the charter version it pinned. */
  decisionType: string;
  charterVersionId: string;
  /** For a council opinion: the council that votes. */
  councilId?: string;
  titleFr: string;
  titleEn: string;
  opensAt: Date;
  closesAt: Date;
  actorAccountId: string | null;
}

export interface CouncilDissolvingEvent {
  manager: EntityManager;
  councilId: string;
  /** The council's code: the charter names councils by it. */
  code: string;
}

/** A listener's answer to CouncilDissolving: its part of the council's work under way. */
export interface CouncilWorkUnderWay {
  consultations?: number;
  amendments?: number;
  votes?: number;
  meetings?: number;
}
