import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import {
  AssemblyKind,
  AssemblyMode,
  AssemblyStatus,
  GeneralAssemblyType,
} from '../assemblies.enums';

/**
 * A general assembly, council meeting or public meeting. It records the
 * charter version it was convened under, so the proxy limit and the quorum
 * never change under a running assembly.
 */
@Entity('assembly')
@Index(['startsAt', 'id'])
export class Assembly {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'enum', enum: AssemblyKind, enumName: 'assembly_kind' })
  kind: AssemblyKind;

  /** Set for general assemblies only. */
  @Column({
    type: 'enum',
    enum: GeneralAssemblyType,
    enumName: 'general_assembly_type',
    nullable: true,
  })
  generalAssemblyType: GeneralAssemblyType | null;

  @Column({ type: 'enum', enum: AssemblyMode, enumName: 'assembly_mode' })
  mode: AssemblyMode;

  @Column({ type: 'enum', enum: AssemblyStatus, enumName: 'assembly_status' })
  status: AssemblyStatus;

  @Column({ type: 'text' })
  titleFr: string;

  @Column({ type: 'text' })
  titleEn: string;

  @Column({ type: 'text', nullable: true })
  place: string | null;

  @Column({ type: 'text', nullable: true })
  url: string | null;

  /** Millisecond precision: it is the pagination key. */
  @Column({ type: 'timestamptz', precision: 3 })
  startsAt: Date;

  @Column({ type: 'timestamptz' })
  endsAt: Date;

  /** The council that meets (council meetings only). */
  @Column({ type: 'uuid', nullable: true })
  councilId: string | null;

  /** The region a regional public meeting serves, if any. */
  @Column({ type: 'char', length: 2, nullable: true })
  region: string | null;

  @Column({ type: 'uuid' })
  charterVersionId: string;

  /** The charter's proxy limit and quorum, copied at convening: they hold for the whole assembly. */
  @Column({ type: 'int' })
  proxyLimitPerHolder: number;

  @Column({ type: 'int' })
  quorumNumerator: number;

  @Column({ type: 'int' })
  quorumDenominator: number;

  /** Days of notice the charter required for this agenda when it was convened. */
  @Column({ type: 'int' })
  noticeDays: number;

  @Column({ type: 'timestamptz' })
  convenedAt: Date;

  @Column({ type: 'uuid', nullable: true })
  convenedByAccountId: string | null;

  /** When the assembly's first vote froze its roll: proxies can no longer be given or revoked. */
  @Column({ type: 'timestamptz', nullable: true })
  proxiesLockedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
