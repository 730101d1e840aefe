import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { CharterChange, DecisionType } from '@delibera/charter';
import { ProposalVoteOption } from '@delibera/kernel';
import { ProposalOrigin, ProposalStatus } from './proposal-status';

/**
 * A proposal on its way to a decision. Its decision type and the charter
 * version in force when it was submitted fix the rules it runs under; the
 * phase dates are computed from that rule's minimum durations. The text lives
 * in `ProposalVersion` rows; `currentVersion` points at the one in force.
 */
@Entity('proposal')
@Index(['status', 'createdAt'])
export class Proposal {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'enum', enum: DecisionType, enumName: 'decision_type' })
  decisionType: DecisionType;

  @Column({ type: 'enum', enum: ProposalOrigin, enumName: 'proposal_origin' })
  origin: ProposalOrigin;

  @Column({ type: 'enum', enum: ProposalStatus, enumName: 'proposal_status' })
  status: ProposalStatus;

  /** The member who tabled it (null when the board or secretary tabled it without a member record). */
  @Column({ type: 'uuid', nullable: true })
  authorMemberId: string | null;

  @Column({ type: 'uuid' })
  createdByAccountId: string;

  /** Fixed at submission: the rules never change under a running decision. */
  @Column({ type: 'uuid', nullable: true })
  charterVersionId: string | null;

  /** The current version's title and Markdown body, copied here so the full-text vector is a generated column. */
  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text', default: '' })
  body: string;

  @Column({ type: 'int', default: 1 })
  currentVersion: number;

  @Column({ type: 'timestamptz', nullable: true })
  submittedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  supportEndsAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  consultationEndsAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  deliberationEndsAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  votingOpensAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  votingClosesAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  /** Reason given by the secretary when cancelling. */
  @Column({ type: 'text', nullable: true })
  cancelReason: string | null;

  /**
   * The options its vote is held on, when competing texts (contribution
   * scales) are voted as one ranked vote; null for a yes-or-no vote.
   */
  @Column({ type: 'jsonb', nullable: true })
  voteOptions: ProposalVoteOption[] | null;

  /** A deed amendment's changes to the charter: adopted, they make its next version. */
  @Column({ type: 'jsonb', nullable: true })
  charterChange: CharterChange | null;

  /**
   * Bumped whenever a dated transition is rescheduled, so a deadline job
   * carrying an older version does nothing (DESIGN.md §4).
   */
  @Column({ type: 'int', default: 1 })
  scheduleVersion: number;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
