import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Who may sit on a council, checked from member data: an age band at term
 * start (from the birth date), regions, or a declared practice the chair approves.
 */
export interface CouncilEligibility {
  minAge?: number;
  maxAge?: number;
  regions?: string[];
  requiresApprovedPractice?: boolean;
}

/** An advisory council (youth, seniors, artists…) or committee of the trust. */
@Entity('council')
export class Council {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text', unique: true })
  code: string;

  @Column({ type: 'text' })
  nameFr: string;

  @Column({ type: 'text' })
  nameEn: string;

  @Column({ type: 'int' })
  seats: number;

  @Column({ type: 'int' })
  termMonths: number;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  eligibility: CouncilEligibility;

  @Column({ type: 'uuid', nullable: true })
  chairMemberId: string | null;

  /** When the secretary dissolved the council: its seats ended, it takes no more applications. */
  @Column({ type: 'timestamptz', nullable: true })
  dissolvedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  dissolutionReason: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
