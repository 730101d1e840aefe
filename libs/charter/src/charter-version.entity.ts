import { Column, CreateDateColumn, Entity, OneToMany, PrimaryGeneratedColumn } from 'typeorm';
import { bigintToNumber } from '@delibera/kernel';
import { DecisionRule } from './decision-rule.entity';

/**
 * One version of the trust's rules. Versions are immutable once created; a
 * change creates the next version, and each proposal records the version it
 * runs under so rules never change under a running decision.
 */
@Entity('charter_version')
export class CharterVersion {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'int', unique: true })
  version: number;

  @Column({ type: 'timestamptz' })
  adoptedAt: Date;

  /** The charter-amendment proposal whose adoption created this version; null for the founding deed. */
  @Column({ type: 'uuid', nullable: true })
  adoptedByProposalId: string | null;

  @Column({ type: 'text' })
  summary: string;

  /** How many other members' votes one member may hold by proxy in an assembly. */
  @Column({ type: 'int' })
  proxyLimitPerHolder: number;

  /** Value of one volunteer hour, in cents, for in-kind contributions. */
  @Column({ type: 'bigint', transformer: bigintToNumber })
  volunteerHourRateCents: number;

  /** Co-signatures a member initiative needs, and how long it has to collect them. */
  @Column({ type: 'int' })
  initiativeCosignatures: number;

  @Column({ type: 'int' })
  initiativeSupportDays: number;

  /** Co-signatures a member petition needs to call a referendum. */
  @Column({ type: 'int' })
  referendumPetitionCosignatures: number;

  /** Quorum of a general assembly: present + represented, as a fraction of eligible members. */
  @Column({ type: 'int' })
  assemblyQuorumNumerator: number;

  @Column({ type: 'int' })
  assemblyQuorumDenominator: number;

  @OneToMany(() => DecisionRule, (rule) => rule.charterVersion, { cascade: ['insert'] })
  rules: DecisionRule[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
