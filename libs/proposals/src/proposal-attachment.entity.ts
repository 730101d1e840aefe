import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A document linked to a proposal by URL (files are hosted elsewhere). */
@Entity('proposal_attachment')
export class ProposalAttachment {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  proposalId: string;

  @Column({ type: 'text' })
  url: string;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'uuid' })
  addedByAccountId: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
