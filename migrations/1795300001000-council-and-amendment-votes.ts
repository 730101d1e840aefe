import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Council opinions and amendments are decided by votes of `libs/voting`:
 * an opinion keeps the vote on it and that vote's outcome; an amendment put
 * to its own vote keeps its vote and ends adopted or rejected. The chair no
 * longer records a council vote by hand, so an opinion past its draft has
 * either a recorder (older rows) or a vote.
 */
export class CouncilAndAmendmentVotes1795300001000 implements MigrationInterface {
  name = 'CouncilAndAmendmentVotes1795300001000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "vote" DROP CONSTRAINT "vote_subject_type_check"`);
    await queryRunner.query(
      `ALTER TABLE "vote" ADD CONSTRAINT "vote_subject_type_check" CHECK (subject_type IN ('proposal', 'council_opinion', 'election', 'referendum', 'survey_question', 'assembly_item', 'amendment'))`,
    );
    // An amendment is put to the vote once: its outcome is final.
    await queryRunner.query(
      `CREATE UNIQUE INDEX "vote_one_per_amendment" ON "vote" ("subject_id") WHERE subject_type = 'amendment' AND subject_id IS NOT NULL`,
    );

    await queryRunner.query(
      `ALTER TABLE "council_opinion" ADD "vote_id" uuid, ADD "vote_outcome" text,
         ADD CONSTRAINT "council_opinion_vote_fk" FOREIGN KEY ("vote_id") REFERENCES "vote"("id"),
         ADD CONSTRAINT "council_opinion_vote_outcome_check" CHECK ("vote_outcome" IS NULL
           OR ("vote_outcome" IN ('adopted', 'rejected', 'quorum_not_met') AND "vote_id" IS NOT NULL))`,
    );
    await queryRunner.query(
      `ALTER TABLE "council_opinion" DROP CONSTRAINT "council_opinion_recorded_check"`,
    );
    await queryRunner.query(
      `ALTER TABLE "council_opinion" ADD CONSTRAINT "council_opinion_recorded_check" CHECK ("status" = 'draft'
         OR "recorded_by_account_id" IS NOT NULL OR "vote_outcome" IS NOT DISTINCT FROM 'adopted')`,
    );

    // New enum values cannot be used in the transaction that adds them: the checks compare text.
    await queryRunner.query(`ALTER TYPE "public"."amendment_status" ADD VALUE 'adopted'`);
    await queryRunner.query(`ALTER TYPE "public"."amendment_status" ADD VALUE 'rejected'`);
    await queryRunner.query(
      `ALTER TABLE "proposal_amendment" ADD "vote_id" uuid,
         ADD CONSTRAINT "proposal_amendment_vote_fk" FOREIGN KEY ("vote_id") REFERENCES "vote"("id"),
         ADD CONSTRAINT "proposal_amendment_vote_check" CHECK ("vote_id" IS NOT NULL
           OR "status"::text NOT IN ('put_to_vote', 'adopted', 'rejected'))`,
    );
    await queryRunner.query(
      `ALTER TABLE "proposal_amendment" DROP CONSTRAINT "proposal_amendment_accepted_check"`,
    );
    // An adopted amendment whose text moved on meanwhile is adopted without a version.
    await queryRunner.query(
      `ALTER TABLE "proposal_amendment" ADD CONSTRAINT "proposal_amendment_accepted_check" CHECK (
         ("status"::text <> 'accepted' OR "resulting_version" IS NOT NULL)
         AND ("resulting_version" IS NULL OR "status"::text IN ('accepted', 'adopted')))`,
    );
    // The proposal's vote waits for its amendments' votes: found by proposal and status.
    await queryRunner.query(
      `CREATE INDEX "proposal_amendment_status_idx" ON "proposal_amendment" ("proposal_id", "status")`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "proposal_amendment_status_idx"`);
    await queryRunner.query(
      `ALTER TABLE "proposal_amendment" DROP CONSTRAINT "proposal_amendment_accepted_check"`,
    );
    await queryRunner.query(
      `ALTER TABLE "proposal_amendment" ADD CONSTRAINT "proposal_amendment_accepted_check" CHECK (("status" = 'accepted') = ("resulting_version" IS NOT NULL))`,
    );
    await queryRunner.query(
      `ALTER TABLE "proposal_amendment" DROP CONSTRAINT "proposal_amendment_vote_check", DROP CONSTRAINT "proposal_amendment_vote_fk", DROP COLUMN "vote_id"`,
    );
    // PostgreSQL cannot drop enum values: 'adopted' and 'rejected' stay in amendment_status.
    await queryRunner.query(
      `ALTER TABLE "council_opinion" DROP CONSTRAINT "council_opinion_recorded_check"`,
    );
    await queryRunner.query(
      `ALTER TABLE "council_opinion" ADD CONSTRAINT "council_opinion_recorded_check" CHECK (("status" = 'draft') = ("recorded_by_account_id" IS NULL))`,
    );
    await queryRunner.query(
      `ALTER TABLE "council_opinion" DROP CONSTRAINT "council_opinion_vote_outcome_check", DROP CONSTRAINT "council_opinion_vote_fk", DROP COLUMN "vote_outcome", DROP COLUMN "vote_id"`,
    );
    await queryRunner.query(`DROP INDEX "vote_one_per_amendment"`);
    await queryRunner.query(`ALTER TABLE "vote" DROP CONSTRAINT "vote_subject_type_check"`);
    await queryRunner.query(
      `ALTER TABLE "vote" ADD CONSTRAINT "vote_subject_type_check" CHECK (subject_type IN ('proposal', 'council_opinion', 'election', 'referendum', 'survey_question', 'assembly_item'))`,
    );
  }
}
