import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * proposed → accepted (by the author: a new text version) | refused
 *          | put_to_vote (its own vote, run by voting) → adopted (a new text version) | rejected.
 */
export enum AmendmentStatus {
  Proposed = 'proposed',
  Accepted = 'accepted',
  Refused = 'refused',
  PutToVote = 'put_to_vote',
  Adopted = 'adopted',
  Rejected = 'rejected',
}

/** A member's proposed change to a proposal's text during deliberation: the whole new title and body. */
@Entity('proposal_amendment')
export class ProposalAmendment {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  proposalId: string;

  @Column({ type: 'uuid' })
  proposedByMemberId: string;

  /** The text version the change was written against. */
  @Column({ type: 'int' })
  baseVersion: number;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'text' })
  rationale: string;

  @Column({ type: 'enum', enum: AmendmentStatus, enumName: 'amendment_status' })
  status: AmendmentStatus;

  @Column({ type: 'uuid', nullable: true })
  decidedByAccountId: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  /** The amendment's own vote, once it is put to the vote. */
  @Column({ type: 'uuid', nullable: true })
  voteId: string | null;

  /** The proposal version an accepted or adopted amendment produced. */
  @Column({ type: 'int', nullable: true })
  resultingVersion: number | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
