import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { ProxyEndReason } from '../assemblies.enums';

/**
 * A member (grantor) gives their vote at one assembly to another (holder).
 * In force while `endedAt` is null; at most one in force per grantor and
 * assembly (partial unique index).
 */
@Entity('assembly_proxy')
export class AssemblyProxy {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  assemblyId: string;

  @Column({ type: 'uuid' })
  grantorMemberId: string;

  /** The grantor's college when the proxy was given: the holder casts the grantor's ballot in it. */
  @Column({ type: 'uuid' })
  grantorCollegeId: string;

  @Column({ type: 'uuid' })
  holderMemberId: string;

  @Column({ type: 'timestamptz' })
  grantedAt: Date;

  @Column({ type: 'uuid' })
  grantedByAccountId: string;

  @Column({ type: 'timestamptz', nullable: true })
  endedAt: Date | null;

  @Column({ type: 'enum', enum: ProxyEndReason, enumName: 'proxy_end_reason', nullable: true })
  endReason: ProxyEndReason | null;

  @Column({ type: 'uuid', nullable: true })
  endedByAccountId: string | null;
}
