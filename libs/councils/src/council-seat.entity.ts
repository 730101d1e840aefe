import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export enum SeatStatus {
  Applied = 'applied',
  Active = 'active',
  Refused = 'refused',
  Ended = 'ended',
}

/**
 * A member's place on a council, from application to the end of the term: the
 * dated history of who sat where. At most one open (applied or active) seat per
 * member and council, enforced by a partial unique index.
 */
@Entity('council_seat')
@Index(['councilId', 'status'])
export class CouncilSeat {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  councilId: string;

  @Column({ type: 'uuid' })
  memberId: string;

  @Column({ type: 'enum', enum: SeatStatus, enumName: 'seat_status' })
  status: SeatStatus;

  /** For councils of practice (artists): what the applicant declares, for the chair to approve. */
  @Column({ type: 'text', nullable: true })
  declaredPractice: string | null;

  @Column({ type: 'date', nullable: true })
  termStart: string | null;

  @Column({ type: 'date', nullable: true })
  termEnd: string | null;

  @Column({ type: 'uuid', nullable: true })
  decidedByAccountId: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  decisionReason: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  appliedAt: Date;
}
