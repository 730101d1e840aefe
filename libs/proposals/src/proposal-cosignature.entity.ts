import { CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A member's support for an initiative; the primary key makes it one per member. */
@Entity('proposal_cosignature')
export class ProposalCosignature {
  @PrimaryColumn({ type: 'uuid' })
  proposalId: string;

  @PrimaryColumn({ type: 'uuid' })
  memberId: string;

  @CreateDateColumn({ type: 'timestamptz' })
  signedAt: Date;
}
