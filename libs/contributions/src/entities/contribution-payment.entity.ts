import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { bigintToNumber } from '@delibera/kernel';
import { PaymentMethod } from '../contributions.enums';

/**
 * One entry of the payment ledger of a call. The table is append-only (a
 * trigger refuses UPDATE and DELETE): a reversal is a negative entry pointing
 * at the payment it cancels, so the history of money is never rewritten.
 */
@Entity('contribution_payment')
export class ContributionPayment {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  callId: string;

  /** Positive for a payment, negative (the opposite of the original) for a reversal. */
  @Column({ type: 'bigint', transformer: bigintToNumber })
  amountCents: number;

  @Column({ type: 'uuid', nullable: true })
  reversesPaymentId: string | null;

  /**
   * For a credit entry (method `credit`): the other call of the transfer, the
   * later call it pays (on the negative entry) or the earlier call whose
   * overpayment it is (on the positive entry).
   */
  @Column({ type: 'uuid', nullable: true })
  creditCallId: string | null;

  @Column({ type: 'date' })
  paidOn: string;

  @Column({ type: 'enum', enum: PaymentMethod, enumName: 'payment_method' })
  method: PaymentMethod;

  @Column({ type: 'text', nullable: true })
  reference: string | null;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ type: 'uuid', nullable: true })
  recordedByAccountId: string | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  recordedAt: Date;
}
