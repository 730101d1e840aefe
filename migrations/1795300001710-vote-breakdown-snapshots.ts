import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * vote_breakdown also holds open votes' cells, counted by the reports'
 * refresh job (ReportsRefreshHandler) and shown "as of" `stored_at`; `final`
 * marks a closed vote's cells, written once in its tally transaction and
 * never replaced. Rows stored before this migration are closed votes' cells.
 */
export class VoteBreakdownSnapshots1795300001710 implements MigrationInterface {
  name = 'VoteBreakdownSnapshots1795300001710';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "vote_breakdown" ADD "final" boolean NOT NULL DEFAULT true`,
    );
    await queryRunner.query(`ALTER TABLE "vote_breakdown" ALTER "final" DROP DEFAULT`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "vote_breakdown" WHERE NOT "final"`);
    await queryRunner.query(`ALTER TABLE "vote_breakdown" DROP COLUMN "final"`);
  }
}
