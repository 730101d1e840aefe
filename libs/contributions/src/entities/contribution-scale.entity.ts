import {
  Column,
  CreateDateColumn,
  Entity,
  OneToMany,
  PrimaryGeneratedColumn,
  Relation,
  UpdateDateColumn,
} from 'typeorm';
import { bigintToNumber } from '@delibera/kernel';
import { ProrationRule, ScaleStatus } from '../contributions.enums';
import { ContributionTier } from './contribution-tier.entity';

/**
 * What member organisations are asked to contribute for one fiscal year. The
 * treasurer drafts it; the general assembly adopts it through a
 * contribution-scale proposal; adoption issues the calls.
 */
@Entity('contribution_scale')
export class ContributionScale {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'int' })
  fiscalYear: number;

  /** First day of the fiscal year; pro-rating counts months from here. */
  @Column({ type: 'date' })
  fiscalYearStartsOn: string;

  @Column({ type: 'text' })
  name: string;

  @Column({
    type: 'enum',
    enum: ScaleStatus,
    enumName: 'contribution_scale_status',
    default: ScaleStatus.Draft,
  })
  status: ScaleStatus;

  @Column({ type: 'date' })
  dueOn: string;

  @Column({ type: 'bigint', transformer: bigintToNumber })
  campaignTargetCents: number;

  /** Dues asked of individual members, shown in the simulation (calls go to organisations only). */
  @Column({ type: 'bigint', nullable: true, transformer: bigintToNumber })
  individualDuesCents: number | null;

  @Column({ type: 'enum', enum: ProrationRule, enumName: 'proration_rule' })
  prorationRule: ProrationRule;

  /** The contribution-scale proposal, once submitted (no FK: proposals own that table). */
  @Column({ type: 'uuid', nullable: true })
  proposalId: string | null;

  @Column({ type: 'uuid', nullable: true })
  draftedByAccountId: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  submittedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  callsIssuedAt: Date | null;

  @OneToMany(() => ContributionTier, (tier) => tier.scale)
  tiers: Relation<ContributionTier>[];

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
