import { Column, Entity, ManyToOne, PrimaryGeneratedColumn, Relation, Unique } from 'typeorm';
import {
  Audience,
  DecidingBody,
  DecisionType,
  QuorumKind,
  Secrecy,
  ThresholdBase,
  ThresholdComparison,
  VoteMethod,
} from './charter.enums';
import { CharterVersion } from './charter-version.entity';

/**
 * The charter's answer, for one kind of decision, to the seeds' five questions:
 * who decides, who is consulted (and for how long), who is informed, and how the
 * vote is held. Rationals are stored as numerator/denominator: never a float.
 */
@Entity('decision_rule')
@Unique(['charterVersion', 'decisionType'])
export class DecisionRule {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ManyToOne(() => CharterVersion, (version) => version.rules, {
    nullable: false,
    onDelete: 'CASCADE',
  })
  charterVersion: Relation<CharterVersion>;

  @Column({ type: 'enum', enum: DecisionType, enumName: 'decision_type' })
  decisionType: DecisionType;

  @Column({ type: 'enum', enum: DecidingBody, enumName: 'deciding_body' })
  decidingBody: DecidingBody;

  /** Codes of the councils that must give an opinion before the vote. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  consultedCouncils: string[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  informed: Audience[];

  @Column({ type: 'enum', enum: VoteMethod, enumName: 'vote_method' })
  voteMethod: VoteMethod;

  /**
   * The ranked method (IRV, Schulze, ranked pairs) by which competing
   * proposals of this type, e.g. contribution scales, may be voted as the
   * options of one vote; null: the charter does not allow it.
   */
  @Column({
    type: 'enum',
    enum: VoteMethod,
    enumName: 'vote_method',
    nullable: true,
    default: null,
  })
  competingOptionsMethod: VoteMethod | null;

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

  /** For a ratio quorum: numerator/denominator of eligible voters; for a count quorum: the count in numerator. */
  @Column({ type: 'int', default: 0 })
  quorumNumerator: number;

  @Column({ type: 'int', default: 1 })
  quorumDenominator: number;

  @Column({ type: 'enum', enum: Secrecy, enumName: 'secrecy' })
  secrecy: Secrecy;

  @Column({ type: 'boolean' })
  collegeWeighting: boolean;

  @Column({ type: 'int' })
  minNoticeDays: number;

  @Column({ type: 'int' })
  minConsultationDays: number;

  @Column({ type: 'int' })
  minDeliberationDays: number;

  @Column({ type: 'int' })
  minVotingDays: number;
}
