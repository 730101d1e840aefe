import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export enum OpinionPosition {
  Favourable = 'favourable',
  FavourableWithConditions = 'favourable_with_conditions',
  Unfavourable = 'unfavourable',
  Abstain = 'abstain',
}

/**
 * draft → published, when the council's vote adopts it (a rejected draft
 * stays a draft). `adopted` and `not_adopted` are kept for opinions decided
 * before council votes ran through `libs/voting`, when the chair recorded
 * the count and then published.
 */
export enum OpinionStatus {
  Draft = 'draft',
  Adopted = 'adopted',
  NotAdopted = 'not_adopted',
  Published = 'published',
}

export type OpinionVoteOutcome = 'adopted' | 'rejected' | 'quorum_not_met';

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

  /** Before council votes ran through `libs/voting`: the count the chair recorded, and the active seats then. */
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

  /** The council's latest vote on this opinion (a rejected draft may be put to the vote again). */
  @Column({ type: 'uuid', nullable: true })
  voteId: string | null;

  /** That vote's outcome once it is counted; null while it runs. */
  @Column({ type: 'text', nullable: true })
  voteOutcome: OpinionVoteOutcome | null;

  @Column({ type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
