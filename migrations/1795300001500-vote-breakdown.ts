import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The breakdown cells of a closed vote's roll (eligible and voters by
 * college, region, age band, category and council), stored once: a closed
 * vote's roll and participation no longer change, and counting them again
 * over millions of roll rows made the participation reports take seconds.
 * Filled by the reports on first read (ParticipationReportService.breakdowns).
 */
export class VoteBreakdown1795300001500 implements MigrationInterface {
  name = 'VoteBreakdown1795300001500';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "vote_breakdown" (
         "vote_id" uuid NOT NULL,
         "cells" jsonb NOT NULL,
         "stored_at" timestamptz NOT NULL DEFAULT now(),
         CONSTRAINT "vote_breakdown_pk" PRIMARY KEY ("vote_id"),
         CONSTRAINT "vote_breakdown_vote_fk" FOREIGN KEY ("vote_id") REFERENCES "vote"("id") ON DELETE CASCADE)`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "vote_breakdown"`);
  }
}
