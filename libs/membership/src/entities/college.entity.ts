import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * An electoral college (collège électoral). In a weighted vote each college's
 * ballots together count for the college's weight, whatever its size: the
 * multi-stakeholder rule.
 */
@Entity('college')
export class College {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text', unique: true })
  code: string;

  @Column({ type: 'text' })
  nameFr: string;

  @Column({ type: 'text' })
  nameEn: string;

  /** Relative weight (e.g. 40, 30, 30); only ratios between colleges matter. */
  @Column({ type: 'int' })
  weight: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
