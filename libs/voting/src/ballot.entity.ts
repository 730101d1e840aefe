import { Column, Entity, PrimaryColumn, Unique } from 'typeorm';

/**
 * What was voted. Deliberately without voter, timestamp or sequence: the id is
 * random and the college is set only when the count weights colleges, so a
 * secret ballot cannot be joined to its participation (DESIGN §6, invariant 4).
 * Right after its result, a secret vote's ballots are rewritten in random
 * order by one transaction, erasing the physical trail (row order, xmin), and
 * only then published. Until then, a ballot and its participation share their inserting
 * transaction id (xmin), and the WAL records both: a database superuser could
 * link them while the vote is open, so the WAL of an open secret vote is as
 * sensitive as the ballots themselves (keep archives short and restricted).
 */
@Entity('ballot')
@Unique('ballot_receipt_unique', ['voteId', 'receiptHash'])
export class Ballot {
  /**
   * Keys lead with the vote (see migration 1795300001300): a random key alone
   * would scatter every insert over the whole index and bloat the WAL.
   */
  @PrimaryColumn({ type: 'uuid' })
  voteId: string;

  @PrimaryColumn({ type: 'uuid' })
  id: string;

  /** Canonical JSON of the ballot (see ballot-content.ts): identical ballots are equal values. */
  @Column({ type: 'jsonb' })
  content: unknown;

  @Column({ type: 'uuid', nullable: true })
  collegeId: string | null;

  /** sha256 (hex) of the receipt token the voter keeps. */
  @Column({ type: 'text' })
  receiptHash: string;
}
