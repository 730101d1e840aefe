import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { bigintToNumber } from '@delibera/kernel';

/** One bank statement imported by the treasurer; the same file twice is refused by its hash. */
@Entity('bank_import')
export class BankImport {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  fileName: string;

  @Column({ type: 'text' })
  contentSha256: string;

  @Column({ type: 'int' })
  rowCount: number;

  @Column({ type: 'bigint', transformer: bigintToNumber })
  totalCents: number;

  @Column({ type: 'uuid', nullable: true })
  importedByAccountId: string | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  importedAt: Date;
}
