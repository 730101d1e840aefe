import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { bigintToNumber } from '@delibera/kernel';

/**
 * A credit line of a bank statement. Matched to a call by reference at import
 * (it then has a payment); otherwise listed for the treasurer to match by hand.
 */
@Entity('bank_import_row')
export class BankImportRow {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  importId: string;

  /** Line number in the file (the header is line 1), as the treasurer's spreadsheet shows it. */
  @Column({ type: 'int' })
  rowNumber: number;

  @Column({ type: 'date' })
  bookedOn: string;

  @Column({ type: 'bigint', transformer: bigintToNumber })
  amountCents: number;

  @Column({ type: 'text' })
  reference: string;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ type: 'uuid', nullable: true })
  paymentId: string | null;

  @Column({ type: 'uuid', nullable: true })
  matchedByAccountId: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  matchedAt: Date | null;
}
