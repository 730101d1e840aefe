import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';

/** Every edit of a proposal's text is kept: version n is never changed once written. */
@Entity('proposal_version')
@Unique(['proposalId', 'version'])
export class ProposalVersion {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  proposalId: string;

  @Column({ type: 'int' })
  version: number;

  @Column({ type: 'text' })
  title: string;

  /** Markdown as written; sanitised when rendered, never trusted as HTML. */
  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'uuid' })
  editedByAccountId: string;

  /** Why this version exists: "initial", an edit note, or the accepted amendment. */
  @Column({ type: 'text' })
  note: string;

  @Column({ type: 'uuid', nullable: true })
  amendmentId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
