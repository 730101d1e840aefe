import { Column, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';

export enum ConsultationStatus {
  Requested = 'requested',
  /** The council published an opinion. */
  Answered = 'answered',
  /** The due date passed without a published opinion. */
  DidNotAnswer = 'did_not_answer',
}

/** A council the charter names for this decision type, asked for its opinion by a due date. */
@Entity('consultation_request')
@Unique(['proposalId', 'councilId'])
export class ConsultationRequest {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  proposalId: string;

  @Column({ type: 'uuid' })
  councilId: string;

  @Column({ type: 'enum', enum: ConsultationStatus, enumName: 'consultation_status' })
  status: ConsultationStatus;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  requestedAt: Date;

  @Column({ type: 'timestamptz' })
  dueAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  answeredAt: Date | null;

  /** The published opinion that answered the request. */
  @Column({ type: 'uuid', nullable: true })
  opinionId: string | null;
}
