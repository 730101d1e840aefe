import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { bigintToNumber } from '@delibera/kernel';
import { CallStatus } from '../contributions.enums';

/**
 * What one member organisation is asked to pay under an adopted scale: one per
 * (scale, member). What was paid is the sum of its payment ledger, kept in
 * `receivedCents`; `status` is recomputed from it in the transaction that changes it.
 */
@Entity('contribution_call')
export class ContributionCall {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  scaleId: string;

  /** The organisation's tier; null for an individual member's dues. */
  @Column({ type: 'uuid', nullable: true })
  tierId: string | null;

  @Column({ type: 'uuid' })
  memberId: string;

  /** What the organisation writes on its transfer; bank imports match on it. */
  @Column({ type: 'text' })
  reference: string;

  /** The tier's amount for a full year. */
  @Column({ type: 'bigint', transformer: bigintToNumber })
  fullAmountCents: number;

  /** What is called: the full amount, or its pro-rated part for a mid-year admission. */
  @Column({ type: 'bigint', transformer: bigintToNumber })
  amountCents: number;

  /** Months called when pro-rated (1–11); null for a full year. */
  @Column({ type: 'smallint', nullable: true })
  proratedMonths: number | null;

  @Column({ type: 'date' })
  dueOn: string;

  @Column({ type: 'enum', enum: CallStatus, enumName: 'contribution_call_status' })
  status: CallStatus;

  @Column({ type: 'bigint', transformer: bigintToNumber, default: 0 })
  waivedCents: number;

  /**
   * The ledger's sum (reversals and carried credit included), added by a
   * trigger in each transaction that inserts payments; never written here.
   */
  @Column({ type: 'bigint', transformer: bigintToNumber, default: 0, insert: false, update: false })
  receivedCents: number;

  /** The board resolution that granted the waiver or reduction. */
  @Column({ type: 'text', nullable: true })
  waiverBoardDecision: string | null;

  @Column({ type: 'text', nullable: true })
  waiverReason: string | null;

  @Column({ type: 'uuid', nullable: true })
  waivedByAccountId: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  waivedAt: Date | null;

  /** Set by the deadline job when the due date passed with money outstanding. */
  @Column({ type: 'timestamptz', nullable: true })
  overdueAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  issuedAt: Date;
}
