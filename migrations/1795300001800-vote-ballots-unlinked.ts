import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When a secret vote's ballots were rewritten in random order (unlinked from
 * the participations), which now follows the publication of its result
 * instead of preceding it: its ballots, receipts and participants are
 * published only from then on. Votes tallied before this migration were
 * shuffled by their tally, so they count as unlinked when they were tallied.
 */
export class VoteBallotsUnlinked1795300001800 implements MigrationInterface {
  name = 'VoteBallotsUnlinked1795300001800';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "vote" ADD "ballots_unlinked_at" TIMESTAMP WITH TIME ZONE`,
    );
    await queryRunner.query(
      `UPDATE "vote" v SET "ballots_unlinked_at" = r."created_at"
         FROM "vote_result" r WHERE r."vote_id" = v."id" AND v."secrecy" = 'secret'`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "vote" DROP COLUMN "ballots_unlinked_at"`);
  }
}
