import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Contributions: the yearly scale and its tiers, one call per member
 * organisation, the payment ledger (append-only: reversals are negative
 * entries), bank-statement imports, and in-kind contributions.
 * Every amount is bigint cents with a CHECK.
 */
export class Contributions1795300000500 implements MigrationInterface {
  name = 'Contributions1795300000500';

  public async up(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);
    await q(
      `CREATE TYPE "public"."contribution_scale_status" AS ENUM('draft', 'submitted', 'adopted', 'rejected', 'superseded')`,
    );
    await q(`CREATE TYPE "public"."proration_rule" AS ENUM('none', 'remaining_months')`);
    await q(
      `CREATE TYPE "public"."contribution_call_status" AS ENUM('due', 'partially_paid', 'paid', 'waived', 'overdue')`,
    );
    await q(
      `CREATE TYPE "public"."payment_method" AS ENUM('transfer', 'cheque', 'card', 'cash', 'direct_debit', 'other')`,
    );
    await q(
      `CREATE TYPE "public"."in_kind_kind" AS ENUM('volunteer_hours', 'seconded_staff', 'lent_premises', 'lent_equipment')`,
    );
    await q(`CREATE TYPE "public"."in_kind_status" AS ENUM('pending', 'approved', 'refused')`);

    await q(`CREATE TABLE "contribution_scale" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "fiscal_year" integer NOT NULL,
      "fiscal_year_starts_on" date NOT NULL,
      "name" text NOT NULL,
      "status" "public"."contribution_scale_status" NOT NULL DEFAULT 'draft',
      "due_on" date NOT NULL,
      "campaign_target_cents" bigint NOT NULL,
      "individual_dues_cents" bigint,
      "proration_rule" "public"."proration_rule" NOT NULL DEFAULT 'remaining_months',
      "proposal_id" uuid,
      "drafted_by_account_id" uuid,
      "submitted_at" TIMESTAMP WITH TIME ZONE,
      "decided_at" TIMESTAMP WITH TIME ZONE,
      "calls_issued_at" TIMESTAMP WITH TIME ZONE,
      "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
      "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "contribution_scale_pk" PRIMARY KEY ("id"),
      CONSTRAINT "contribution_scale_proposal_unique" UNIQUE ("proposal_id"),
      CONSTRAINT "contribution_scale_year_check" CHECK ("fiscal_year" BETWEEN 2000 AND 2200),
      CONSTRAINT "contribution_scale_target_check" CHECK ("campaign_target_cents" >= 0),
      CONSTRAINT "contribution_scale_dues_check" CHECK ("individual_dues_cents" IS NULL OR "individual_dues_cents" >= 0),
      CONSTRAINT "contribution_scale_submitted_check" CHECK ("status" = 'draft' OR "proposal_id" IS NOT NULL)
    )`);
    // Competing drafts may exist for a year, but only one scale is ever adopted for it.
    await q(
      `CREATE UNIQUE INDEX "contribution_scale_adopted_unique" ON "contribution_scale" ("fiscal_year") WHERE status = 'adopted'`,
    );

    await q(`CREATE TABLE "contribution_tier" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "scale_id" uuid NOT NULL,
      "organisation_category" "public"."organisation_category" NOT NULL,
      "size_band" "public"."size_band" NOT NULL,
      "amount_cents" bigint NOT NULL,
      CONSTRAINT "contribution_tier_pk" PRIMARY KEY ("id"),
      CONSTRAINT "contribution_tier_scale_fk" FOREIGN KEY ("scale_id") REFERENCES "contribution_scale"("id") ON DELETE CASCADE,
      CONSTRAINT "contribution_tier_unique" UNIQUE ("scale_id", "organisation_category", "size_band"),
      CONSTRAINT "contribution_tier_amount_check" CHECK ("amount_cents" >= 0)
    )`);

    await q(`CREATE SEQUENCE "contribution_call_reference_seq"`);
    await q(`CREATE TABLE "contribution_call" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "scale_id" uuid NOT NULL,
      "tier_id" uuid NOT NULL,
      "member_id" uuid NOT NULL,
      "reference" text NOT NULL,
      "full_amount_cents" bigint NOT NULL,
      "amount_cents" bigint NOT NULL,
      "prorated_months" smallint,
      "due_on" date NOT NULL,
      "status" "public"."contribution_call_status" NOT NULL DEFAULT 'due',
      "waived_cents" bigint NOT NULL DEFAULT 0,
      "waiver_board_decision" text,
      "waiver_reason" text,
      "waived_by_account_id" uuid,
      "waived_at" TIMESTAMP WITH TIME ZONE,
      "overdue_at" TIMESTAMP WITH TIME ZONE,
      "issued_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "contribution_call_pk" PRIMARY KEY ("id"),
      CONSTRAINT "contribution_call_scale_fk" FOREIGN KEY ("scale_id") REFERENCES "contribution_scale"("id"),
      CONSTRAINT "contribution_call_tier_fk" FOREIGN KEY ("tier_id") REFERENCES "contribution_tier"("id"),
      CONSTRAINT "contribution_call_member_fk" FOREIGN KEY ("member_id") REFERENCES "member"("id"),
      CONSTRAINT "contribution_call_once_per_member" UNIQUE ("scale_id", "member_id"),
      CONSTRAINT "contribution_call_reference_unique" UNIQUE ("reference"),
      CONSTRAINT "contribution_call_amount_check" CHECK ("full_amount_cents" >= 0 AND "amount_cents" >= 0 AND "amount_cents" <= "full_amount_cents"),
      CONSTRAINT "contribution_call_prorated_check" CHECK ("prorated_months" IS NULL OR "prorated_months" BETWEEN 1 AND 11),
      CONSTRAINT "contribution_call_waived_check" CHECK ("waived_cents" >= 0 AND "waived_cents" <= "amount_cents"),
      CONSTRAINT "contribution_call_waiver_decision_check" CHECK ("waived_cents" = 0 OR "waiver_board_decision" IS NOT NULL)
    )`);
    await q(`CREATE INDEX "contribution_call_member_idx" ON "contribution_call" ("member_id")`);
    await q(
      `CREATE INDEX "contribution_call_open_due_idx" ON "contribution_call" ("due_on") WHERE status IN ('due', 'partially_paid')`,
    );

    await q(`CREATE TABLE "contribution_payment" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "call_id" uuid NOT NULL,
      "amount_cents" bigint NOT NULL,
      "reverses_payment_id" uuid,
      "paid_on" date NOT NULL,
      "method" "public"."payment_method" NOT NULL,
      "reference" text,
      "note" text,
      "recorded_by_account_id" uuid,
      "recorded_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "contribution_payment_pk" PRIMARY KEY ("id"),
      CONSTRAINT "contribution_payment_call_fk" FOREIGN KEY ("call_id") REFERENCES "contribution_call"("id"),
      CONSTRAINT "contribution_payment_reverses_fk" FOREIGN KEY ("reverses_payment_id") REFERENCES "contribution_payment"("id"),
      CONSTRAINT "contribution_payment_reversed_once" UNIQUE ("reverses_payment_id"),
      CONSTRAINT "contribution_payment_sign_check" CHECK ("amount_cents" <> 0 AND ("amount_cents" < 0) = ("reverses_payment_id" IS NOT NULL))
    )`);
    await q(`CREATE INDEX "contribution_payment_call_idx" ON "contribution_payment" ("call_id")`);
    // Money is never edited: corrections are new (negative) entries.
    await q(`CREATE FUNCTION contribution_payment_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'contribution_payment is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege'; END $$`);
    await q(`CREATE TRIGGER contribution_payment_append_only BEFORE UPDATE OR DELETE ON "contribution_payment"
      FOR EACH ROW EXECUTE FUNCTION contribution_payment_refuse_change()`);

    await q(`CREATE TABLE "bank_import" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "file_name" text NOT NULL,
      "content_sha256" text NOT NULL,
      "row_count" integer NOT NULL,
      "total_cents" bigint NOT NULL,
      "imported_by_account_id" uuid,
      "imported_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "bank_import_pk" PRIMARY KEY ("id"),
      CONSTRAINT "bank_import_content_unique" UNIQUE ("content_sha256"),
      CONSTRAINT "bank_import_total_check" CHECK ("total_cents" >= 0 AND "row_count" >= 0)
    )`);
    await q(`CREATE TABLE "bank_import_row" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "import_id" uuid NOT NULL,
      "row_number" integer NOT NULL,
      "booked_on" date NOT NULL,
      "amount_cents" bigint NOT NULL,
      "reference" text NOT NULL,
      "description" text,
      "payment_id" uuid,
      "matched_by_account_id" uuid,
      "matched_at" TIMESTAMP WITH TIME ZONE,
      CONSTRAINT "bank_import_row_pk" PRIMARY KEY ("id"),
      CONSTRAINT "bank_import_row_import_fk" FOREIGN KEY ("import_id") REFERENCES "bank_import"("id") ON DELETE CASCADE,
      CONSTRAINT "bank_import_row_payment_fk" FOREIGN KEY ("payment_id") REFERENCES "contribution_payment"("id"),
      CONSTRAINT "bank_import_row_unique" UNIQUE ("import_id", "row_number"),
      CONSTRAINT "bank_import_row_payment_unique" UNIQUE ("payment_id"),
      CONSTRAINT "bank_import_row_amount_check" CHECK ("amount_cents" > 0)
    )`);
    await q(
      `CREATE INDEX "bank_import_row_unmatched_idx" ON "bank_import_row" ("import_id") WHERE payment_id IS NULL`,
    );

    await q(`CREATE TABLE "in_kind_contribution" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "member_id" uuid NOT NULL,
      "kind" "public"."in_kind_kind" NOT NULL,
      "person_name" text,
      "activity" text NOT NULL,
      "performed_on" date NOT NULL,
      "minutes" integer,
      "staff_days" integer,
      "declared_value_cents" bigint,
      "council_id" uuid,
      "status" "public"."in_kind_status" NOT NULL DEFAULT 'pending',
      "hourly_rate_cents" bigint,
      "charter_version" integer,
      "value_cents" bigint,
      "recorded_by_account_id" uuid,
      "decided_by_account_id" uuid,
      "decided_at" TIMESTAMP WITH TIME ZONE,
      "decision_reason" text,
      "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "in_kind_contribution_pk" PRIMARY KEY ("id"),
      CONSTRAINT "in_kind_contribution_member_fk" FOREIGN KEY ("member_id") REFERENCES "member"("id"),
      CONSTRAINT "in_kind_contribution_council_fk" FOREIGN KEY ("council_id") REFERENCES "council"("id"),
      CONSTRAINT "in_kind_contribution_minutes_check" CHECK ("minutes" IS NULL OR "minutes" BETWEEN 1 AND 1440),
      CONSTRAINT "in_kind_contribution_days_check" CHECK ("staff_days" IS NULL OR "staff_days" > 0),
      CONSTRAINT "in_kind_contribution_money_check" CHECK (coalesce("declared_value_cents", 0) >= 0 AND coalesce("value_cents", 0) >= 0 AND coalesce("hourly_rate_cents", 0) >= 0),
      CONSTRAINT "in_kind_contribution_kind_check" CHECK (CASE "kind"
        WHEN 'volunteer_hours' THEN "minutes" IS NOT NULL AND "person_name" IS NOT NULL AND "declared_value_cents" IS NULL
        WHEN 'seconded_staff' THEN "staff_days" IS NOT NULL AND "person_name" IS NOT NULL AND "declared_value_cents" IS NOT NULL
        ELSE "declared_value_cents" IS NOT NULL AND "minutes" IS NULL AND "staff_days" IS NULL END),
      CONSTRAINT "in_kind_contribution_valued_check" CHECK (("status" = 'approved') = ("value_cents" IS NOT NULL))
    )`);
    await q(
      `CREATE INDEX "in_kind_contribution_member_idx" ON "in_kind_contribution" ("member_id", "created_at")`,
    );
    await q(
      `CREATE INDEX "in_kind_contribution_pending_idx" ON "in_kind_contribution" ("council_id") WHERE status = 'pending'`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);
    await q(`DROP TABLE "in_kind_contribution"`);
    await q(`DROP TABLE "bank_import_row"`);
    await q(`DROP TABLE "bank_import"`);
    await q(`DROP TRIGGER contribution_payment_append_only ON "contribution_payment"`);
    await q(`DROP TABLE "contribution_payment"`);
    await q(`DROP FUNCTION contribution_payment_refuse_change()`);
    await q(`DROP TABLE "contribution_call"`);
    await q(`DROP SEQUENCE "contribution_call_reference_seq"`);
    await q(`DROP TABLE "contribution_tier"`);
    await q(`DROP TABLE "contribution_scale"`);
    for (const type of [
      'in_kind_status',
      'in_kind_kind',
      'payment_method',
      'contribution_call_status',
      'proration_rule',
      'contribution_scale_status',
    ]) {
      await q(`DROP TYPE "public"."${type}"`);
    }
  }
}
