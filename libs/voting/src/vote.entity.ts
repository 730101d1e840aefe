import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import {
  DecisionType,
  QuorumKind,
  Secrecy,
  ThresholdBase,
  ThresholdComparison,
  VoteMethod,
} from '@delibera/charter';
import { bigintToNumber } from '@delibera/kernel';
import { ChoiceKind, ElectorateKind, StvRules, VoteStatus, VoteSubjectType } from './voting.enums';

/** A label in both languages (options, candidates, grades). */
export interface VoteOption {
  id: string;
  labelFr: string;
  labelEn: string;
}

/**
 * A vote: what it decides, who votes, how ballots are counted, and when. Its
 * rules are copied from the charter rule of its decision type when it is
 * scheduled, so a charter change never alters a running vote. Rationals are
 * numerator/denominator, never floats.
 */
@Entity('vote')
@Index(['status', 'opensAt'])
@Index(['status', 'closesAt'])
@Index(['subjectType', 'subjectId'])
export class Vote {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  subjectType: VoteSubjectType;

  @Column({ type: 'uuid', nullable: true })
  subjectId: string | null;

  /** The charter rule the defaults came from, and the version in force then. */
  @Column({ type: 'enum', enum: DecisionType, enumName: 'decision_type', nullable: true })
  decisionType: DecisionType | null;

  @Column({ type: 'int' })
  charterVersion: number;

  @Column({ type: 'text' })
  titleFr: string;

  @Column({ type: 'text' })
  titleEn: string;

  @Column({ type: 'text' })
  electorateKind: ElectorateKind;

  /** The council or assembly; null for all members and the board. */
  @Column({ type: 'uuid', nullable: true })
  electorateRef: string | null;

  @Column({ type: 'enum', enum: VoteMethod, enumName: 'vote_method' })
  method: VoteMethod;

  @Column({ type: 'text', nullable: true })
  choiceKind: ChoiceKind | null;

  /** Options (choice) or candidates (every other method), in ballot order. */
  @Column({ type: 'jsonb' })
  options: VoteOption[];

  /** Majority judgment: grade names, best first. */
  @Column({ type: 'jsonb', nullable: true })
  grades: VoteOption[] | null;

  @Column({ type: 'int', default: 1 })
  seats: number;

  @Column({ type: 'int', nullable: true })
  minSelections: number | null;

  @Column({ type: 'int', nullable: true })
  maxSelections: number | null;

  @Column({ type: 'text', nullable: true })
  stvRules: StvRules | null;

  @Column({ type: 'int' })
  thresholdNumerator: number;

  @Column({ type: 'int' })
  thresholdDenominator: number;

  @Column({ type: 'enum', enum: ThresholdComparison, enumName: 'threshold_comparison' })
  thresholdComparison: ThresholdComparison;

  @Column({ type: 'enum', enum: ThresholdBase, enumName: 'threshold_base' })
  thresholdBase: ThresholdBase;

  @Column({ type: 'enum', enum: QuorumKind, enumName: 'quorum_kind' })
  quorumKind: QuorumKind;

  /** Ratio quorum: numerator/denominator of the roll; count quorum: the count in the numerator. */
  @Column({ type: 'int', default: 0 })
  quorumNumerator: number;

  @Column({ type: 'int', default: 1 })
  quorumDenominator: number;

  @Column({ type: 'enum', enum: Secrecy, enumName: 'secrecy' })
  secrecy: Secrecy;

  @Column({ type: 'boolean' })
  collegeWeighting: boolean;

  /** Binding, or consultative (surveys, consultative referendums). */
  @Column({ type: 'boolean', default: true })
  binding: boolean;

  /** A survey: several questions, one vote each, sharing this id. */
  @Column({ type: 'uuid', nullable: true })
  surveyId: string | null;

  @Column({ type: 'timestamptz' })
  opensAt: Date;

  @Column({ type: 'timestamptz' })
  closesAt: Date;

  @Column({ type: 'text', default: VoteStatus.Scheduled })
  status: VoteStatus;

  /** Bumped by every reschedule: deadline jobs of an older version do nothing. */
  @Column({ type: 'int', default: 1 })
  version: number;

  /** sha256 of the sorted frozen roll, published when the vote opens. */
  @Column({ type: 'text', nullable: true })
  rollFingerprint: string | null;

  @Column({ type: 'int', nullable: true })
  rollSize: number | null;

  /** Hash of the audit event that recorded the fingerprint: the chain head at opening, anchoring the roll. */
  @Column({ type: 'text', nullable: true })
  rollAuditHash: string | null;

  /** The audit chain's head (last event before `vote.opened`), published when the vote opened. */
  @Column({ type: 'bigint', nullable: true, transformer: bigintToNumber })
  openAuditSeq: number | null;

  @Column({ type: 'text', nullable: true })
  openAuditHead: string | null;

  /** The audit chain's head (last event before `vote.closed`), published when the vote closed. */
  @Column({ type: 'bigint', nullable: true, transformer: bigintToNumber })
  closeAuditSeq: number | null;

  @Column({ type: 'text', nullable: true })
  closeAuditHead: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  openedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  /**
   * When a secret vote's ballots were rewritten in random order, after its
   * result (see libs/voting/README.md): its ballots, receipts and participants
   * are published from then on. Null for named votes, which have nothing to unlink.
   */
  @Column({ type: 'timestamptz', nullable: true })
  ballotsUnlinkedAt: Date | null;

  /** When the roll was told the result is out (for a secret vote, once its ballots are published too). */
  @Column({ type: 'timestamptz', nullable: true })
  resultAnnouncedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  createdByAccountId: string | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
