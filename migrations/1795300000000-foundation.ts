import { MigrationInterface, QueryRunner } from 'typeorm';

/** The foundation: audit chain, charter, membership and accounts, councils, notification outbox. */

export class Foundation1795300000000 implements MigrationInterface {
  name = 'Foundation1795300000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "audit_event" ("seq" bigint NOT NULL, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL, "actor_account_id" uuid, "action" text NOT NULL, "entity_type" text NOT NULL, "entity_id" text, "data" jsonb NOT NULL, "prev_hash" text NOT NULL, "hash" text NOT NULL, CONSTRAINT "PK_53300da00860bdf4dc3ef7daae6" PRIMARY KEY ("seq"))`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."decision_type" AS ENUM('ordinary_resolution', 'special_resolution', 'charter_amendment', 'contribution_scale', 'budget', 'trustee_election', 'council_opinion', 'referendum', 'admission')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."deciding_body" AS ENUM('general_assembly', 'board', 'council', 'all_members')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."vote_method" AS ENUM('choice', 'approval', 'irv', 'schulze', 'ranked_pairs', 'stv', 'majority_judgment')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."threshold_comparison" AS ENUM('more_than', 'at_least')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."threshold_base" AS ENUM('cast', 'present', 'eligible')`,
    );
    await queryRunner.query(`CREATE TYPE "public"."quorum_kind" AS ENUM('none', 'ratio', 'count')`);
    await queryRunner.query(`CREATE TYPE "public"."secrecy" AS ENUM('secret', 'named')`);
    await queryRunner.query(
      `CREATE TABLE "decision_rule" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "decision_type" "public"."decision_type" NOT NULL, "deciding_body" "public"."deciding_body" NOT NULL, "consulted_councils" text array NOT NULL DEFAULT '{}', "informed" text array NOT NULL DEFAULT '{}', "vote_method" "public"."vote_method" NOT NULL, "threshold_numerator" integer NOT NULL, "threshold_denominator" integer NOT NULL, "threshold_comparison" "public"."threshold_comparison" NOT NULL, "threshold_base" "public"."threshold_base" NOT NULL, "quorum_kind" "public"."quorum_kind" NOT NULL, "quorum_numerator" integer NOT NULL DEFAULT '0', "quorum_denominator" integer NOT NULL DEFAULT '1', "secrecy" "public"."secrecy" NOT NULL, "college_weighting" boolean NOT NULL, "min_notice_days" integer NOT NULL, "min_consultation_days" integer NOT NULL, "min_deliberation_days" integer NOT NULL, "min_voting_days" integer NOT NULL, "charter_version_id" uuid NOT NULL, CONSTRAINT "UQ_e896f04b159fb2c9c80eef86e22" UNIQUE ("charter_version_id", "decision_type"), CONSTRAINT "PK_da580d0711a7f248fc4cca7c327" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "charter_version" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "version" integer NOT NULL, "adopted_at" TIMESTAMP WITH TIME ZONE NOT NULL, "adopted_by_proposal_id" uuid, "summary" text NOT NULL, "proxy_limit_per_holder" integer NOT NULL, "volunteer_hour_rate_cents" bigint NOT NULL, "initiative_cosignatures" integer NOT NULL, "initiative_support_days" integer NOT NULL, "referendum_petition_cosignatures" integer NOT NULL, "assembly_quorum_numerator" integer NOT NULL, "assembly_quorum_denominator" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_6888e907b46c3418554c7f73ede" UNIQUE ("version"), CONSTRAINT "PK_d5be0027c616b843c4831f4abaf" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "council" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" text NOT NULL, "name_fr" text NOT NULL, "name_en" text NOT NULL, "seats" integer NOT NULL, "term_months" integer NOT NULL, "eligibility" jsonb NOT NULL DEFAULT '{}', "chair_member_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_e216ce07fd1f75b018ee6c8a691" UNIQUE ("code"), CONSTRAINT "PK_1749decabf3d8cf2edc4385c557" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "college" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" text NOT NULL, "name_fr" text NOT NULL, "name_en" text NOT NULL, "weight" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_360aa59d22fa531d221284619de" UNIQUE ("code"), CONSTRAINT "PK_ebef1972362002203cdf7a22e0c" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE TYPE "public"."member_kind" AS ENUM('person', 'organisation')`);
    await queryRunner.query(
      `CREATE TYPE "public"."member_status" AS ENUM('applicant', 'active', 'suspended', 'resigned')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."organisation_category" AS ENUM('municipality', 'mrc', 'university', 'college', 'social_economy', 'community', 'union', 'other')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."size_band" AS ENUM('micro', 'small', 'medium', 'large', 'very_large')`,
    );
    await queryRunner.query(
      `CREATE TABLE "member" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" "public"."member_kind" NOT NULL, "display_name" text NOT NULL, "email" text NOT NULL, "status" "public"."member_status" NOT NULL, "college_id" uuid NOT NULL, "region" character(2) NOT NULL, "locale" text NOT NULL DEFAULT 'fr', "birth_date" date, "organisation_category" "public"."organisation_category", "size_band" "public"."size_band", "representative_name" text, "admitted_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_97cbbe986ce9d14ca5894fdc072" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_2b0ac591aa7d176946aea292d9" ON "member" ("status", "created_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "account" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "email" text NOT NULL, "password_hash" text NOT NULL, "roles" text array NOT NULL, "member_id" uuid, "locale" text NOT NULL DEFAULT 'fr', "disabled" boolean NOT NULL DEFAULT false, "last_login_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_982244edcfcee80f14f2bef945a" UNIQUE ("member_id"), CONSTRAINT "REL_982244edcfcee80f14f2bef945" UNIQUE ("member_id"), CONSTRAINT "PK_54115ee388cdb6d86bb4bf5b2ea" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "invitation" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "member_id" uuid NOT NULL, "email" text NOT NULL, "token_hash" text NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "accepted_at" TIMESTAMP WITH TIME ZONE, "invited_by_account_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_b827d3749ffbb3b5ab5099afd64" UNIQUE ("token_hash"), CONSTRAINT "PK_beb994737756c0f18a1c1f8669c" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "member_status_change" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "member_id" uuid NOT NULL, "from_status" "public"."member_status", "to_status" "public"."member_status" NOT NULL, "reason" text, "changed_by_account_id" uuid, "changed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_cf2bed32fdd6b47b76beed098c4" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_da840f0ca25bd795f6d0c61ab1" ON "member_status_change" ("member_id", "changed_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "refresh_token" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "account_id" uuid NOT NULL, "token_hash" text NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "revoked_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_f0812282fad2e352cdaf83ef0a9" UNIQUE ("token_hash"), CONSTRAINT "PK_b575dd3c21fb0831013c909e7fe" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_f8e6c51db7655e2f7084f61568" ON "refresh_token" ("account_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "notification" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" text NOT NULL, "dedupe_key" text NOT NULL, "recipient_email" text NOT NULL, "recipient_member_id" uuid, "locale" text NOT NULL, "params" jsonb NOT NULL, "attempts" integer NOT NULL DEFAULT '0', "last_error" text, "sent_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_b390c6bcca8179ba55a6eb95fac" UNIQUE ("dedupe_key"), CONSTRAINT "PK_705b6c7cdf9b2c2ff7ac7872cb7" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "notification_pending_idx" ON "notification" ("created_at") WHERE sent_at IS NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE "decision_rule" ADD CONSTRAINT "FK_37d2b45c4e06b3064e7c67dc328" FOREIGN KEY ("charter_version_id") REFERENCES "charter_version"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "member" ADD CONSTRAINT "FK_47fd774d1e3a0e7d37a7d466d06" FOREIGN KEY ("college_id") REFERENCES "college"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "account" ADD CONSTRAINT "FK_982244edcfcee80f14f2bef945a" FOREIGN KEY ("member_id") REFERENCES "member"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "invitation" ADD CONSTRAINT "FK_2cd02613944c1f9d45bec637b54" FOREIGN KEY ("member_id") REFERENCES "member"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "member_status_change" ADD CONSTRAINT "FK_c739f4ef21dd63fddc4100149c0" FOREIGN KEY ("member_id") REFERENCES "member"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "refresh_token" ADD CONSTRAINT "FK_f8e6c51db7655e2f7084f615681" FOREIGN KEY ("account_id") REFERENCES "account"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );

    // --- Edited by hand: what entities cannot say. ---
    // Case-insensitive unique emails.
    await queryRunner.query(
      `CREATE UNIQUE INDEX "member_email_unique" ON "member" (lower("email"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "account_email_unique" ON "account" (lower("email"))`,
    );
    await queryRunner.query(`CREATE INDEX "member_college_idx" ON "member" ("college_id")`);
    await queryRunner.query(`CREATE INDEX "member_region_idx" ON "member" ("region")`);
    await queryRunner.query(`CREATE INDEX "invitation_member_idx" ON "invitation" ("member_id")`);
    await queryRunner.query(
      `CREATE INDEX "audit_event_entity_idx" ON "audit_event" ("entity_type", "entity_id")`,
    );
    // Data rules the database keeps even if code forgets them.
    await queryRunner.query(
      `ALTER TABLE "member" ADD CONSTRAINT "member_region_check" CHECK ("region" ~ '^(0[1-9]|1[0-7])$')`,
    );
    await queryRunner.query(
      `ALTER TABLE "member" ADD CONSTRAINT "member_locale_check" CHECK ("locale" IN ('fr', 'en'))`,
    );
    await queryRunner.query(
      `ALTER TABLE "account" ADD CONSTRAINT "account_locale_check" CHECK ("locale" IN ('fr', 'en'))`,
    );
    await queryRunner.query(
      `ALTER TABLE "notification" ADD CONSTRAINT "notification_locale_check" CHECK ("locale" IN ('fr', 'en'))`,
    );
    await queryRunner.query(
      `ALTER TABLE "account" ADD CONSTRAINT "account_roles_check" CHECK ("roles" <@ ARRAY['member','secretary','treasurer','trustee','moderator','admin']::text[])`,
    );
    await queryRunner.query(`ALTER TABLE "member" ADD CONSTRAINT "member_kind_fields_check" CHECK (
      ("kind" = 'organisation' AND "organisation_category" IS NOT NULL AND "size_band" IS NOT NULL AND "representative_name" IS NOT NULL AND "birth_date" IS NULL)
      OR ("kind" = 'person' AND "organisation_category" IS NULL AND "size_band" IS NULL AND "representative_name" IS NULL))`);
    await queryRunner.query(
      `ALTER TABLE "college" ADD CONSTRAINT "college_weight_check" CHECK ("weight" > 0)`,
    );
    await queryRunner.query(
      `ALTER TABLE "council" ADD CONSTRAINT "council_seats_check" CHECK ("seats" > 0 AND "term_months" > 0)`,
    );
    await queryRunner.query(`ALTER TABLE "charter_version" ADD CONSTRAINT "charter_version_values_check" CHECK (
      "version" > 0 AND "proxy_limit_per_holder" >= 0 AND "volunteer_hour_rate_cents" >= 0
      AND "initiative_cosignatures" >= 0 AND "initiative_support_days" > 0 AND "referendum_petition_cosignatures" > 0
      AND "assembly_quorum_numerator" >= 0 AND "assembly_quorum_denominator" > 0
      AND "assembly_quorum_numerator" <= "assembly_quorum_denominator")`);
    await queryRunner.query(`ALTER TABLE "decision_rule" ADD CONSTRAINT "decision_rule_values_check" CHECK (
      "threshold_numerator" > 0 AND "threshold_denominator" > 0 AND "threshold_numerator" <= "threshold_denominator"
      AND "quorum_numerator" >= 0 AND "quorum_denominator" > 0
      AND "min_notice_days" >= 0 AND "min_consultation_days" >= 0 AND "min_deliberation_days" >= 0 AND "min_voting_days" >= 0)`);
    // The audit log is append-only: the database itself refuses edits and deletions.
    await queryRunner.query(`CREATE FUNCTION audit_event_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'audit_event is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege'; END $$`);
    await queryRunner.query(`CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON "audit_event"
      FOR EACH ROW EXECUTE FUNCTION audit_event_refuse_change()`);
    await queryRunner.query(`CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON "audit_event"
      FOR EACH STATEMENT EXECUTE FUNCTION audit_event_refuse_change()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER IF EXISTS audit_event_no_truncate ON "audit_event"`);
    await queryRunner.query(`DROP TRIGGER IF EXISTS audit_event_append_only ON "audit_event"`);
    await queryRunner.query(`DROP FUNCTION IF EXISTS audit_event_refuse_change()`);
    await queryRunner.query(
      `ALTER TABLE "refresh_token" DROP CONSTRAINT "FK_f8e6c51db7655e2f7084f615681"`,
    );
    await queryRunner.query(
      `ALTER TABLE "member_status_change" DROP CONSTRAINT "FK_c739f4ef21dd63fddc4100149c0"`,
    );
    await queryRunner.query(
      `ALTER TABLE "invitation" DROP CONSTRAINT "FK_2cd02613944c1f9d45bec637b54"`,
    );
    await queryRunner.query(
      `ALTER TABLE "account" DROP CONSTRAINT "FK_982244edcfcee80f14f2bef945a"`,
    );
    await queryRunner.query(
      `ALTER TABLE "member" DROP CONSTRAINT "FK_47fd774d1e3a0e7d37a7d466d06"`,
    );
    await queryRunner.query(
      `ALTER TABLE "decision_rule" DROP CONSTRAINT "FK_37d2b45c4e06b3064e7c67dc328"`,
    );
    await queryRunner.query(`DROP INDEX "public"."notification_pending_idx"`);
    await queryRunner.query(`DROP TABLE "notification"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_f8e6c51db7655e2f7084f61568"`);
    await queryRunner.query(`DROP TABLE "refresh_token"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_da840f0ca25bd795f6d0c61ab1"`);
    await queryRunner.query(`DROP TABLE "member_status_change"`);
    await queryRunner.query(`DROP TYPE "public"."member_status"`);
    await queryRunner.query(`DROP TABLE "invitation"`);
    await queryRunner.query(`DROP TABLE "account"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_2b0ac591aa7d176946aea292d9"`);
    await queryRunner.query(`DROP TABLE "member"`);
    await queryRunner.query(`DROP TYPE "public"."size_band"`);
    await queryRunner.query(`DROP TYPE "public"."organisation_category"`);
    await queryRunner.query(`DROP TYPE "public"."member_kind"`);
    await queryRunner.query(`DROP TABLE "college"`);
    await queryRunner.query(`DROP TABLE "council"`);
    await queryRunner.query(`DROP TABLE "charter_version"`);
    await queryRunner.query(`DROP TABLE "decision_rule"`);
    await queryRunner.query(`DROP TYPE "public"."secrecy"`);
    await queryRunner.query(`DROP TYPE "public"."quorum_kind"`);
    await queryRunner.query(`DROP TYPE "public"."threshold_base"`);
    await queryRunner.query(`DROP TYPE "public"."threshold_comparison"`);
    await queryRunner.query(`DROP TYPE "public"."vote_method"`);
    await queryRunner.query(`DROP TYPE "public"."deciding_body"`);
    await queryRunner.query(`DROP TYPE "public"."decision_type"`);
    await queryRunner.query(`DROP TABLE "audit_event"`);
  }
}
