import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';

/**
 * The state of a council's thread on a proposal. Without a row the thread is
 * restricted (the default); it opens to every member once the council's
 * opinion on the proposal is published, or when the chair lifts the restriction.
 */
@Entity('council_thread')
@Unique(['proposalId', 'councilId'])
export class CouncilThread {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  proposalId: string;

  @Column({ type: 'uuid' })
  councilId: string;

  @Column({ type: 'boolean', default: true })
  restricted: boolean;

  @Column({ type: 'timestamptz', nullable: true })
  opinionPublishedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
