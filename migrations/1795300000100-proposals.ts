import { MigrationInterface, QueryRunner } from 'typeorm';

/** Proposals and their text versions: the skeleton the proposal lifecycle builds on. */
export class Proposals1795300000100 implements MigrationInterface {
  name = 'Proposals1795300000100';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TYPE "public"."proposal_status" AS ENUM('draft', 'submitted', 'support', 'consultation', 'deliberation', 'voting', 'adopted', 'rejected', 'quorum_not_met', 'implemented', 'withdrawn', 'cancelled', 'expired')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."proposal_origin" AS ENUM('board', 'member_initiative')`,
    );
    await queryRunner.query(
      `CREATE TABLE "proposal" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "decision_type" "public"."decision_type" NOT NULL, "origin" "public"."proposal_origin" NOT NULL, "status" "public"."proposal_status" NOT NULL, "author_member_id" uuid, "created_by_account_id" uuid NOT NULL, "charter_version_id" uuid, "title" text NOT NULL, "current_version" integer NOT NULL DEFAULT 1, "submitted_at" TIMESTAMP WITH TIME ZONE, "support_ends_at" TIMESTAMP WITH TIME ZONE, "consultation_ends_at" TIMESTAMP WITH TIME ZONE, "deliberation_ends_at" TIMESTAMP WITH TIME ZONE, "voting_opens_at" TIMESTAMP WITH TIME ZONE, "voting_closes_at" TIMESTAMP WITH TIME ZONE, "decided_at" TIMESTAMP WITH TIME ZONE, "cancel_reason" text, "schedule_version" integer NOT NULL DEFAULT 1, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "proposal_pk" PRIMARY KEY ("id"), CONSTRAINT "proposal_current_version_check" CHECK ("current_version" >= 1), CONSTRAINT "proposal_cancel_reason_check" CHECK (("status" = 'cancelled') = ("cancel_reason" IS NOT NULL)), CONSTRAINT "proposal_submitted_check" CHECK ("status" = 'draft' OR "status" = 'withdrawn' OR ("submitted_at" IS NOT NULL AND "charter_version_id" IS NOT NULL)))`,
    );
    await queryRunner.query(
      `CREATE INDEX "proposal_status_created_idx" ON "proposal" ("status", "created_at")`,
    );
    await queryRunner.query(
      `CREATE INDEX "proposal_author_idx" ON "proposal" ("author_member_id")`,
    );
    await queryRunner.query(
      `ALTER TABLE "proposal" ADD CONSTRAINT "proposal_author_fk" FOREIGN KEY ("author_member_id") REFERENCES "member"("id")`,
    );
    await queryRunner.query(
      `ALTER TABLE "proposal" ADD CONSTRAINT "proposal_created_by_fk" FOREIGN KEY ("created_by_account_id") REFERENCES "account"("id")`,
    );
    await queryRunner.query(
      `ALTER TABLE "proposal" ADD CONSTRAINT "proposal_charter_version_fk" FOREIGN KEY ("charter_version_id") REFERENCES "charter_version"("id")`,
    );
    await queryRunner.query(
      `CREATE TABLE "proposal_version" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "proposal_id" uuid NOT NULL, "version" integer NOT NULL, "title" text NOT NULL, "body" text NOT NULL, "edited_by_account_id" uuid NOT NULL, "note" text NOT NULL, "amendment_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "proposal_version_pk" PRIMARY KEY ("id"), CONSTRAINT "proposal_version_unique" UNIQUE ("proposal_id", "version"), CONSTRAINT "proposal_version_check" CHECK ("version" >= 1))`,
    );
    await queryRunner.query(
      `ALTER TABLE "proposal_version" ADD CONSTRAINT "proposal_version_proposal_fk" FOREIGN KEY ("proposal_id") REFERENCES "proposal"("id") ON DELETE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "proposal_version" ADD CONSTRAINT "proposal_version_editor_fk" FOREIGN KEY ("edited_by_account_id") REFERENCES "account"("id")`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "proposal_version"`);
    await queryRunner.query(`DROP TABLE "proposal"`);
    await queryRunner.query(`DROP TYPE "public"."proposal_origin"`);
    await queryRunner.query(`DROP TYPE "public"."proposal_status"`);
  }
}
