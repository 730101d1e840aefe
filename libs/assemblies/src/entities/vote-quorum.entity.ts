import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The assembly's quorum as measured when one of its votes was counted. Kept
 * so that a recount, later, sees the same quorum (attendance and membership
 * move on after the vote) and reproduces the published result exactly.
 */
@Entity('assembly_vote_quorum')
export class VoteQuorum {
  @PrimaryColumn({ type: 'uuid' })
  voteId: string;

  @Column({ type: 'uuid' })
  assemblyId: string;

  @Column({ type: 'int' })
  present: number;

  @Column({ type: 'int' })
  represented: number;

  @Column({ type: 'int' })
  eligible: number;

  @Column({ type: 'int' })
  required: number;

  @Column({ type: 'boolean' })
  met: boolean;

  @Column({ type: 'timestamptz' })
  measuredAt: Date;
}
