import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When a vote's result was announced to its roll (the "results published"
 * notice): once per vote, however often its job runs. Votes tallied before
 * this migration count as announced (a secret vote still being unlinked will
 * be announced after it), so the reconciler does not notify years of past votes.
 */
export class VoteResultAnnounced1795300002700 implements MigrationInterface {
  name = 'VoteResultAnnounced1795300002700';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "vote" ADD "result_announced_at" TIMESTAMP WITH TIME ZONE`,
    );
    await queryRunner.query(
      `UPDATE "vote" SET "result_announced_at" = now()
        WHERE "status" = 'tallied' AND ("secrecy" <> 'secret' OR "ballots_unlinked_at" IS NOT NULL)`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "vote" DROP COLUMN "result_announced_at"`);
  }
}
