import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * "This voter took part", unique per voter and vote (the primary key makes a
 * second participation impossible under any concurrency). For a secret vote it
 * has no link to the ballot; for a named vote `ballotId` says which ballot is theirs.
 */
@Entity('participation')
export class Participation {
  @PrimaryColumn({ type: 'uuid' })
  voteId: string;

  @PrimaryColumn({ type: 'uuid' })
  memberId: string;

  /** The member who cast it: the voter, or the holder of their proxy. */
  @Column({ type: 'uuid' })
  castByMemberId: string;

  /** Named votes only; a CHECK keeps it null for secret votes. */
  @Column({ type: 'uuid', nullable: true })
  ballotId: string | null;

  @Column({ type: 'boolean' })
  secret: boolean;

  /**
   * Set when the cast came with a client request id: which request it was, and
   * its answer sealed under a key only that id yields (see ballot-retry.ts).
   */
  @Column({ type: 'bytea', nullable: true, select: false })
  retryTag: Buffer | null;

  @Column({ type: 'bytea', nullable: true, select: false })
  sealedReceipt: Buffer | null;

  @CreateDateColumn({ type: 'timestamptz' })
  castAt: Date;
}
