import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { bigintToNumber } from '@delibera/kernel';
import { InKindKind, InKindStatus } from '../contributions.enums';

/**
 * Work or resources a member gives instead of money: volunteer hours (valued
 * at the charter's hourly rate when approved), seconded staff, lent premises
 * or equipment (at their declared value). Which fields apply to which kind is
 * a CHECK in the database.
 */
@Entity('in_kind_contribution')
export class InKindContribution {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  memberId: string;

  @Column({ type: 'enum', enum: InKindKind, enumName: 'in_kind_kind' })
  kind: InKindKind;

  /** Who volunteered or was seconded. */
  @Column({ type: 'text', nullable: true })
  personName: string | null;

  /**
   * The volunteer agreed to be thanked by name in the trust's reports. Off
   * unless the member recording the hours says so; reports name no one else.
   */
  @Column({ type: 'boolean', default: false })
  recognitionConsent: boolean;

  @Column({ type: 'text' })
  activity: string;

  @Column({ type: 'date' })
  performedOn: string;

  /** Volunteer time in whole minutes, so its value stays exact in cents. */
  @Column({ type: 'int', nullable: true })
  minutes: number | null;

  @Column({ type: 'int', nullable: true })
  staffDays: number | null;

  @Column({ type: 'bigint', nullable: true, transformer: bigintToNumber })
  declaredValueCents: number | null;

  /** The council the volunteering served: its chair approves the hours. */
  @Column({ type: 'uuid', nullable: true })
  councilId: string | null;

  @Column({
    type: 'enum',
    enum: InKindStatus,
    enumName: 'in_kind_status',
    default: InKindStatus.Pending,
  })
  status: InKindStatus;

  /** The charter's rate at approval, kept so a later charter does not revalue past work. */
  @Column({ type: 'bigint', nullable: true, transformer: bigintToNumber })
  hourlyRateCents: number | null;

  @Column({ type: 'int', nullable: true })
  charterVersion: number | null;

  /** Recognised value, set at approval. */
  @Column({ type: 'bigint', nullable: true, transformer: bigintToNumber })
  valueCents: number | null;

  @Column({ type: 'uuid', nullable: true })
  recordedByAccountId: string | null;

  @Column({ type: 'uuid', nullable: true })
  decidedByAccountId: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  decisionReason: string | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
