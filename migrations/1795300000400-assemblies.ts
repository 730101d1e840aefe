import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * General assemblies, council meetings and public meetings: agenda, attendance,
 * proxies and registrations. References to proposals and votes are plain uuids.
 */
export class Assemblies1795300000400 implements MigrationInterface {
  name = 'Assemblies1795300000400';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TYPE "public"."assembly_kind" AS ENUM('general_assembly', 'council_meeting', 'public_meeting')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."general_assembly_type" AS ENUM('annual', 'special')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."assembly_mode" AS ENUM('in_person', 'hybrid', 'asynchronous')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."assembly_status" AS ENUM('convened', 'closed', 'cancelled')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."agenda_item_kind" AS ENUM('proposal', 'vote', 'election', 'contribution_scale', 'information')`,
    );
    await queryRunner.query(`CREATE TYPE "public"."attendance_mode" AS ENUM('present', 'remote')`);
    await queryRunner.query(
      `CREATE TYPE "public"."proxy_end_reason" AS ENUM('revoked', 'grantor_attended')`,
    );

    await queryRunner.query(`CREATE TABLE "assembly" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "kind" "public"."assembly_kind" NOT NULL,
      "general_assembly_type" "public"."general_assembly_type",
      "mode" "public"."assembly_mode" NOT NULL,
      "status" "public"."assembly_status" NOT NULL,
      "title_fr" text NOT NULL,
      "title_en" text NOT NULL,
      "place" text,
      "url" text,
      "starts_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL,
      "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      "council_id" uuid,
      "region" character(2),
      "charter_version_id" uuid NOT NULL,
      "proxy_limit_per_holder" integer NOT NULL,
      "quorum_numerator" integer NOT NULL,
      "quorum_denominator" integer NOT NULL,
      "notice_days" integer NOT NULL,
      "convened_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      "convened_by_account_id" uuid,
      "proxies_locked_at" TIMESTAMP WITH TIME ZONE,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "assembly_pk" PRIMARY KEY ("id"),
      CONSTRAINT "assembly_charter_version_fk" FOREIGN KEY ("charter_version_id") REFERENCES "charter_version"("id"),
      CONSTRAINT "assembly_council_fk" FOREIGN KEY ("council_id") REFERENCES "council"("id"),
      CONSTRAINT "assembly_dates_check" CHECK ("ends_at" > "starts_at"),
      CONSTRAINT "assembly_notice_check" CHECK ("notice_days" >= 0),
      CONSTRAINT "assembly_rules_check" CHECK ("proxy_limit_per_holder" >= 0 AND "quorum_numerator" >= 0 AND "quorum_denominator" > 0 AND "quorum_numerator" <= "quorum_denominator"),
      CONSTRAINT "assembly_type_check" CHECK (("kind" = 'general_assembly') = ("general_assembly_type" IS NOT NULL)),
      CONSTRAINT "assembly_council_check" CHECK (("kind" = 'council_meeting') = ("council_id" IS NOT NULL)),
      -- in person: a place; asynchronous: a URL; hybrid: both.
      CONSTRAINT "assembly_venue_check" CHECK (("mode" = 'asynchronous' OR "place" IS NOT NULL) AND ("mode" = 'in_person' OR "url" IS NOT NULL)),
      -- proxies exist at general assemblies only, so only they lock them.
      CONSTRAINT "assembly_proxy_lock_check" CHECK ("kind" = 'general_assembly' OR "proxies_locked_at" IS NULL)
    )`);
    await queryRunner.query(
      `CREATE INDEX "assembly_starts_at_idx" ON "assembly" ("starts_at", "id")`,
    );

    await queryRunner.query(`CREATE TABLE "agenda_item" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "assembly_id" uuid NOT NULL,
      "position" integer NOT NULL,
      "kind" "public"."agenda_item_kind" NOT NULL,
      "title_fr" text NOT NULL,
      "title_en" text NOT NULL,
      "ref_id" uuid,
      "decision_type" "public"."decision_type",
      CONSTRAINT "agenda_item_pk" PRIMARY KEY ("id"),
      CONSTRAINT "agenda_item_assembly_fk" FOREIGN KEY ("assembly_id") REFERENCES "assembly"("id") ON DELETE CASCADE,
      CONSTRAINT "agenda_item_position_check" CHECK ("position" > 0),
      CONSTRAINT "agenda_item_decision_check" CHECK (("kind" = 'information') = ("decision_type" IS NULL)),
      -- deferred: a reorder rewrites every position inside one transaction.
      CONSTRAINT "agenda_item_position_unique" UNIQUE ("assembly_id", "position") DEFERRABLE INITIALLY DEFERRED
    )`);

    await queryRunner.query(`CREATE TABLE "assembly_attendance" (
      "assembly_id" uuid NOT NULL,
      "member_id" uuid NOT NULL,
      "college_id" uuid NOT NULL,
      "mode" "public"."attendance_mode" NOT NULL,
      "checked_in_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      "checked_in_by_account_id" uuid NOT NULL,
      "checked_out_at" TIMESTAMP WITH TIME ZONE,
      CONSTRAINT "assembly_attendance_pk" PRIMARY KEY ("assembly_id", "member_id"),
      CONSTRAINT "assembly_attendance_assembly_fk" FOREIGN KEY ("assembly_id") REFERENCES "assembly"("id") ON DELETE CASCADE,
      CONSTRAINT "assembly_attendance_member_fk" FOREIGN KEY ("member_id") REFERENCES "member"("id"),
      CONSTRAINT "assembly_attendance_college_fk" FOREIGN KEY ("college_id") REFERENCES "college"("id"),
      CONSTRAINT "assembly_attendance_out_check" CHECK ("checked_out_at" IS NULL OR "checked_out_at" >= "checked_in_at")
    )`);

    await queryRunner.query(`CREATE TABLE "assembly_proxy" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "assembly_id" uuid NOT NULL,
      "grantor_member_id" uuid NOT NULL,
      "grantor_college_id" uuid NOT NULL,
      "holder_member_id" uuid NOT NULL,
      "granted_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      "granted_by_account_id" uuid NOT NULL,
      "ended_at" TIMESTAMP WITH TIME ZONE,
      "end_reason" "public"."proxy_end_reason",
      "ended_by_account_id" uuid,
      CONSTRAINT "assembly_proxy_pk" PRIMARY KEY ("id"),
      CONSTRAINT "assembly_proxy_assembly_fk" FOREIGN KEY ("assembly_id") REFERENCES "assembly"("id") ON DELETE CASCADE,
      CONSTRAINT "assembly_proxy_grantor_fk" FOREIGN KEY ("grantor_member_id") REFERENCES "member"("id"),
      CONSTRAINT "assembly_proxy_college_fk" FOREIGN KEY ("grantor_college_id") REFERENCES "college"("id"),
      CONSTRAINT "assembly_proxy_holder_fk" FOREIGN KEY ("holder_member_id") REFERENCES "member"("id"),
      CONSTRAINT "assembly_proxy_self_check" CHECK ("grantor_member_id" <> "holder_member_id"),
      CONSTRAINT "assembly_proxy_end_check" CHECK (("ended_at" IS NULL) = ("end_reason" IS NULL))
    )`);
    // One proxy in force per grantor and assembly, whatever the concurrency.
    await queryRunner.query(
      `CREATE UNIQUE INDEX "assembly_proxy_grantor_unique" ON "assembly_proxy" ("assembly_id", "grantor_member_id") WHERE "ended_at" IS NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "assembly_proxy_holder_idx" ON "assembly_proxy" ("assembly_id", "holder_member_id") WHERE "ended_at" IS NULL`,
    );

    await queryRunner.query(`CREATE TABLE "assembly_registration" (
      "assembly_id" uuid NOT NULL,
      "member_id" uuid NOT NULL,
      "registered_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      CONSTRAINT "assembly_registration_pk" PRIMARY KEY ("assembly_id", "member_id"),
      CONSTRAINT "assembly_registration_assembly_fk" FOREIGN KEY ("assembly_id") REFERENCES "assembly"("id") ON DELETE CASCADE,
      CONSTRAINT "assembly_registration_member_fk" FOREIGN KEY ("member_id") REFERENCES "member"("id")
    )`);

    // Written once per vote (the first count); a recount reads it back.
    await queryRunner.query(`CREATE TABLE "assembly_vote_quorum" (
      "vote_id" uuid NOT NULL,
      "assembly_id" uuid NOT NULL,
      "present" integer NOT NULL,
      "represented" integer NOT NULL,
      "eligible" integer NOT NULL,
      "required" integer NOT NULL,
      "met" boolean NOT NULL,
      "measured_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      CONSTRAINT "assembly_vote_quorum_pk" PRIMARY KEY ("vote_id"),
      CONSTRAINT "assembly_vote_quorum_assembly_fk" FOREIGN KEY ("assembly_id") REFERENCES "assembly"("id") ON DELETE CASCADE,
      CONSTRAINT "assembly_vote_quorum_counts_check" CHECK ("present" >= 0 AND "represented" >= 0 AND "eligible" >= 0 AND "required" >= 0)
    )`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "assembly_vote_quorum"`);
    await queryRunner.query(`DROP TABLE "assembly_registration"`);
    await queryRunner.query(`DROP TABLE "assembly_proxy"`);
    await queryRunner.query(`DROP TABLE "assembly_attendance"`);
    await queryRunner.query(`DROP TABLE "agenda_item"`);
    await queryRunner.query(`DROP TABLE "assembly"`);
    for (const type of [
      'proxy_end_reason',
      'attendance_mode',
      'agenda_item_kind',
      'assembly_status',
      'assembly_mode',
      'general_assembly_type',
      'assembly_kind',
    ]) {
      await queryRunner.query(`DROP TYPE "public"."${type}"`);
    }
  }
}
