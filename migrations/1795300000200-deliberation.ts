import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Deliberation on proposals: threaded, tagged arguments with their revisions,
 * endorsements and flags, and the per-council threads' restriction state.
 */
export class Deliberation1795300000200 implements MigrationInterface {
  name = 'Deliberation1795300000200';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TYPE "public"."argument_stance" AS ENUM('for', 'against', 'question', 'information')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."argument_flag_kind" AS ENUM('needs_verification', 'false', 'source_needed')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."flag_resolution" AS ENUM('kept', 'annotated', 'hidden')`,
    );

    // A council's thread on a proposal; the general thread (council_id NULL) needs no row.
    await queryRunner.query(
      `CREATE TABLE "council_thread" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "proposal_id" uuid NOT NULL, "council_id" uuid NOT NULL, "restricted" boolean NOT NULL DEFAULT true, "opinion_published_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "council_thread_pk" PRIMARY KEY ("id"), CONSTRAINT "council_thread_unique" UNIQUE ("proposal_id", "council_id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "council_thread" ADD CONSTRAINT "council_thread_proposal_fk" FOREIGN KEY ("proposal_id") REFERENCES "proposal"("id") ON DELETE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "council_thread" ADD CONSTRAINT "council_thread_council_fk" FOREIGN KEY ("council_id") REFERENCES "council"("id") ON DELETE CASCADE`,
    );

    await queryRunner.query(
      `CREATE TABLE "argument" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "proposal_id" uuid NOT NULL, "council_id" uuid, "parent_id" uuid, "depth" integer NOT NULL DEFAULT 0, "stance" "public"."argument_stance", "body" text NOT NULL, "revision" integer NOT NULL DEFAULT 1, "author_member_id" uuid NOT NULL, "author_account_id" uuid NOT NULL, "edited_at" TIMESTAMP WITH TIME ZONE, "moderator_note" text, "hidden_at" TIMESTAMP WITH TIME ZONE, "hidden_reason" text, "hidden_by_account_id" uuid, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "argument_pk" PRIMARY KEY ("id"),
        CONSTRAINT "argument_body_check" CHECK (length(btrim("body")) > 0 AND length("body") <= 10000),
        CONSTRAINT "argument_depth_check" CHECK ("depth" BETWEEN 0 AND 3 AND ("depth" = 0) = ("parent_id" IS NULL)),
        CONSTRAINT "argument_stance_check" CHECK ("parent_id" IS NOT NULL OR "stance" IS NOT NULL),
        CONSTRAINT "argument_revision_check" CHECK ("revision" >= 1),
        CONSTRAINT "argument_hidden_check" CHECK (("hidden_at" IS NULL) = ("hidden_reason" IS NULL) AND ("hidden_at" IS NULL) = ("hidden_by_account_id" IS NULL)))`,
    );
    await queryRunner.query(
      `ALTER TABLE "argument" ADD CONSTRAINT "argument_proposal_fk" FOREIGN KEY ("proposal_id") REFERENCES "proposal"("id") ON DELETE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "argument" ADD CONSTRAINT "argument_council_fk" FOREIGN KEY ("council_id") REFERENCES "council"("id")`,
    );
    await queryRunner.query(
      `ALTER TABLE "argument" ADD CONSTRAINT "argument_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "argument"("id") ON DELETE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "argument" ADD CONSTRAINT "argument_author_member_fk" FOREIGN KEY ("author_member_id") REFERENCES "member"("id")`,
    );
    await queryRunner.query(
      `ALTER TABLE "argument" ADD CONSTRAINT "argument_author_account_fk" FOREIGN KEY ("author_account_id") REFERENCES "account"("id")`,
    );
    await queryRunner.query(
      `ALTER TABLE "argument" ADD CONSTRAINT "argument_hidden_by_fk" FOREIGN KEY ("hidden_by_account_id") REFERENCES "account"("id")`,
    );
    // A thread's top level in time order (keyset pagination), and replies per parent.
    await queryRunner.query(
      `CREATE INDEX "argument_thread_top_idx" ON "argument" ("proposal_id", "council_id", "created_at", "id") WHERE "parent_id" IS NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "argument_parent_idx" ON "argument" ("parent_id", "created_at", "id") WHERE "parent_id" IS NOT NULL`,
    );
    // The for / against counts read only visible, tagged arguments.
    await queryRunner.query(
      `CREATE INDEX "argument_stance_idx" ON "argument" ("proposal_id", "stance") WHERE "hidden_at" IS NULL`,
    );

    await queryRunner.query(
      `CREATE TABLE "argument_revision" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "argument_id" uuid NOT NULL, "revision" integer NOT NULL, "body" text NOT NULL, "edited_by_account_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "argument_revision_pk" PRIMARY KEY ("id"), CONSTRAINT "argument_revision_unique" UNIQUE ("argument_id", "revision"), CONSTRAINT "argument_revision_check" CHECK ("revision" >= 1))`,
    );
    await queryRunner.query(
      `ALTER TABLE "argument_revision" ADD CONSTRAINT "argument_revision_argument_fk" FOREIGN KEY ("argument_id") REFERENCES "argument"("id") ON DELETE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "argument_revision" ADD CONSTRAINT "argument_revision_editor_fk" FOREIGN KEY ("edited_by_account_id") REFERENCES "account"("id")`,
    );

    await queryRunner.query(
      `CREATE TABLE "argument_endorsement" ("argument_id" uuid NOT NULL, "member_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "argument_endorsement_pk" PRIMARY KEY ("argument_id", "member_id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "argument_endorsement" ADD CONSTRAINT "argument_endorsement_argument_fk" FOREIGN KEY ("argument_id") REFERENCES "argument"("id") ON DELETE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "argument_endorsement" ADD CONSTRAINT "argument_endorsement_member_fk" FOREIGN KEY ("member_id") REFERENCES "member"("id") ON DELETE CASCADE`,
    );
    await queryRunner.query(
      `CREATE INDEX "argument_endorsement_member_idx" ON "argument_endorsement" ("member_id")`,
    );

    await queryRunner.query(
      `CREATE TABLE "argument_flag" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "argument_id" uuid NOT NULL, "kind" "public"."argument_flag_kind" NOT NULL, "note" text, "flagged_by_member_id" uuid NOT NULL, "flagged_by_account_id" uuid NOT NULL, "resolution" "public"."flag_resolution", "resolution_note" text, "resolved_by_account_id" uuid, "resolved_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "argument_flag_pk" PRIMARY KEY ("id"),
        CONSTRAINT "argument_flag_note_check" CHECK ("note" IS NULL OR length("note") <= 1000),
        CONSTRAINT "argument_flag_resolved_check" CHECK (("resolution" IS NULL) = ("resolved_at" IS NULL) AND ("resolution" IS NULL) = ("resolved_by_account_id" IS NULL)),
        CONSTRAINT "argument_flag_reason_check" CHECK ("resolution" IS NULL OR "resolution" = 'kept' OR "resolution_note" IS NOT NULL))`,
    );
    await queryRunner.query(
      `ALTER TABLE "argument_flag" ADD CONSTRAINT "argument_flag_argument_fk" FOREIGN KEY ("argument_id") REFERENCES "argument"("id") ON DELETE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "argument_flag" ADD CONSTRAINT "argument_flag_member_fk" FOREIGN KEY ("flagged_by_member_id") REFERENCES "member"("id")`,
    );
    await queryRunner.query(
      `ALTER TABLE "argument_flag" ADD CONSTRAINT "argument_flag_account_fk" FOREIGN KEY ("flagged_by_account_id") REFERENCES "account"("id")`,
    );
    await queryRunner.query(
      `ALTER TABLE "argument_flag" ADD CONSTRAINT "argument_flag_resolver_fk" FOREIGN KEY ("resolved_by_account_id") REFERENCES "account"("id")`,
    );
    // One open flag per member, argument and kind, even under concurrent clicks.
    await queryRunner.query(
      `CREATE UNIQUE INDEX "argument_flag_open_unique" ON "argument_flag" ("argument_id", "flagged_by_member_id", "kind") WHERE "resolution" IS NULL`,
    );
    // The moderation queue: open flags, oldest first.
    await queryRunner.query(
      `CREATE INDEX "argument_flag_queue_idx" ON "argument_flag" ("created_at", "id") WHERE "resolution" IS NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "argument_flag_argument_idx" ON "argument_flag" ("argument_id")`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "argument_flag"`);
    await queryRunner.query(`DROP TABLE "argument_endorsement"`);
    await queryRunner.query(`DROP TABLE "argument_revision"`);
    await queryRunner.query(`DROP TABLE "argument"`);
    await queryRunner.query(`DROP TABLE "council_thread"`);
    await queryRunner.query(`DROP TYPE "public"."flag_resolution"`);
    await queryRunner.query(`DROP TYPE "public"."argument_flag_kind"`);
    await queryRunner.query(`DROP TYPE "public"."argument_stance"`);
  }
}
