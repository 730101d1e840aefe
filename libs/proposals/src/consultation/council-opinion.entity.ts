import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export enum OpinionPosition {
  Favourable = 'favourable',
  FavourableWithConditions = 'favourable_with_conditions',
  Unfavourable = 'unfavourable',
  Abstain = 'abstain',
}

/** draft → adopted | not_adopted (council vote recorded by the chair) → published (adopted only). */
export enum OpinionStatus {
  Draft = 'draft',
  Adopted = 'adopted',
  NotAdopted = 'not_adopted',
  Published = 'published',
}

/** A council's answer to a consultation request, drafted by one of its members. */
@Entity('council_opinion')
export class CouncilOpinion {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  consultationId: string;

  @Column({ type: 'uuid' })
  councilId: string;

  @Column({ type: 'uuid' })
  draftedByMemberId: string;

  @Column({ type: 'enum', enum: OpinionPosition, enumName: 'opinion_position' })
  position: OpinionPosition;

  @Column({ type: 'text' })
  text: string;

  @Column({ type: 'enum', enum: OpinionStatus, enumName: 'opinion_status' })
  status: OpinionStatus;

  /** The council vote as recorded by the chair, and the active seats it is measured against. */
  @Column({ type: 'int', nullable: true })
  votesFor: number | null;

  @Column({ type: 'int', nullable: true })
  votesAgainst: number | null;

  @Column({ type: 'int', nullable: true })
  votesAbstain: number | null;

  @Column({ type: 'int', nullable: true })
  activeMembers: number | null;

  @Column({ type: 'uuid', nullable: true })
  recordedByAccountId: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  adoptedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
