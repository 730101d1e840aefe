import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { ArgumentStance } from './deliberation.enums';

/**
 * One contribution to a proposal's deliberation: in the general thread
 * (`councilId` null) or a council's thread, top-level or a reply. `body` is the
 * current text; every text it ever had is an `ArgumentRevision`. Hidden
 * arguments keep their text here and in the audit chain; only the API hides it.
 */
@Entity('argument')
export class Argument {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  proposalId: string;

  @Column({ type: 'uuid', nullable: true })
  councilId: string | null;

  @Column({ type: 'uuid', nullable: true })
  parentId: string | null;

  @Column({ type: 'int', default: 0 })
  depth: number;

  @Column({ type: 'enum', enum: ArgumentStance, enumName: 'argument_stance', nullable: true })
  stance: ArgumentStance | null;

  /** Markdown as written; sanitised when rendered. */
  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'int', default: 1 })
  revision: number;

  @Column({ type: 'uuid' })
  authorMemberId: string;

  @Column({ type: 'uuid' })
  authorAccountId: string;

  @Column({ type: 'timestamptz', nullable: true })
  editedAt: Date | null;

  /** A moderator's public note beside the argument (a flag resolved by annotating). */
  @Column({ type: 'text', nullable: true })
  moderatorNote: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  hiddenAt: Date | null;

  @Column({ type: 'text', nullable: true })
  hiddenReason: string | null;

  @Column({ type: 'uuid', nullable: true })
  hiddenByAccountId: string | null;

  /** Millisecond precision so the value survives a pagination cursor exactly. */
  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
