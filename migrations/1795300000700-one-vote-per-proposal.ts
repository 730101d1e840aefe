import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A proposal is decided by one vote: the vote created when it enters voting.
 * The listener checks first for a clear no-op; this index keeps it true under races.
 */
export class OneVotePerProposal1795300000700 implements MigrationInterface {
  name = 'OneVotePerProposal1795300000700';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE UNIQUE INDEX "vote_one_per_proposal" ON "vote" ("subject_id") WHERE subject_type = 'proposal' AND subject_id IS NOT NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "vote_one_per_proposal"`);
  }
}
