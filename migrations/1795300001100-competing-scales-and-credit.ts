import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Competing contribution scales voted as the options of one ranked vote, and
 * members' credit carried to their next call:
 * - the charter says, per decision type, with which ranked method competing
 *   options may be voted (null: they may not);
 * - a proposal may carry the options its vote is held on (null: yes or no);
 * - several scales may share one proposal (its options);
 * - individual members' dues are calls without a tier;
 * - a `credit` ledger entry moves an overpayment from an earlier call to a
 *   later one: a negative entry on the call holding the credit, a positive one
 *   on the call it pays, each naming the other call.
 */
export class CompetingScalesAndCredit1795300001100 implements MigrationInterface {
  name = 'CompetingScalesAndCredit1795300001100';

  public async up(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);
    await q(`ALTER TABLE "decision_rule" ADD "competing_options_method" "public"."vote_method"`);
    await q(`ALTER TABLE "decision_rule" ADD CONSTRAINT "decision_rule_competing_method_check"
      CHECK ("competing_options_method" IS NULL OR "competing_options_method" IN ('irv', 'schulze', 'ranked_pairs'))`);

    await q(`ALTER TABLE "proposal" ADD "vote_options" jsonb`);
    await q(`ALTER TABLE "proposal" ADD CONSTRAINT "proposal_vote_options_check"
      CHECK ("vote_options" IS NULL OR (jsonb_typeof("vote_options") = 'array' AND jsonb_array_length("vote_options") >= 2))`);

    await q(
      `ALTER TABLE "contribution_scale" DROP CONSTRAINT "contribution_scale_proposal_unique"`,
    );
    await q(
      `CREATE INDEX "contribution_scale_proposal_idx" ON "contribution_scale" ("proposal_id") WHERE proposal_id IS NOT NULL`,
    );

    // Individual members' dues are called without a tier.
    await q(`ALTER TABLE "contribution_call" ALTER COLUMN "tier_id" DROP NOT NULL`);

    // The new value is not used in this transaction (PostgreSQL forbids it): the checks compare text.
    await q(`ALTER TYPE "public"."payment_method" ADD VALUE IF NOT EXISTS 'credit'`);
    await q(`ALTER TABLE "contribution_payment" ADD "credit_call_id" uuid`);
    await q(`ALTER TABLE "contribution_payment" ADD CONSTRAINT "contribution_payment_credit_call_fk"
      FOREIGN KEY ("credit_call_id") REFERENCES "contribution_call"("id")`);
    await q(`ALTER TABLE "contribution_payment" ADD CONSTRAINT "contribution_payment_credit_once"
      UNIQUE ("call_id", "credit_call_id")`);
    await q(`ALTER TABLE "contribution_payment" DROP CONSTRAINT "contribution_payment_sign_check"`);
    await q(`ALTER TABLE "contribution_payment" ADD CONSTRAINT "contribution_payment_sign_check" CHECK (
      "amount_cents" <> 0 AND CASE WHEN "credit_call_id" IS NOT NULL THEN "reverses_payment_id" IS NULL
                                   ELSE ("amount_cents" < 0) = ("reverses_payment_id" IS NOT NULL) END)`);
    await q(`ALTER TABLE "contribution_payment" ADD CONSTRAINT "contribution_payment_credit_method_check"
      CHECK (("method"::text = 'credit') = ("credit_call_id" IS NOT NULL))`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);
    await q(
      `ALTER TABLE "contribution_payment" DROP CONSTRAINT "contribution_payment_credit_method_check"`,
    );
    await q(`ALTER TABLE "contribution_payment" DROP CONSTRAINT "contribution_payment_sign_check"`);
    await q(`ALTER TABLE "contribution_payment" ADD CONSTRAINT "contribution_payment_sign_check"
      CHECK ("amount_cents" <> 0 AND ("amount_cents" < 0) = ("reverses_payment_id" IS NOT NULL))`);
    await q(
      `ALTER TABLE "contribution_payment" DROP CONSTRAINT "contribution_payment_credit_once"`,
    );
    await q(
      `ALTER TABLE "contribution_payment" DROP CONSTRAINT "contribution_payment_credit_call_fk"`,
    );
    await q(`ALTER TABLE "contribution_payment" DROP COLUMN "credit_call_id"`);
    // Fails while individual dues calls exist: money records are not deleted by a migration.
    await q(`ALTER TABLE "contribution_call" ALTER COLUMN "tier_id" SET NOT NULL`);
    // PostgreSQL cannot drop an enum value: 'credit' stays in payment_method, unused.
    await q(`DROP INDEX "contribution_scale_proposal_idx"`);
    await q(
      `ALTER TABLE "contribution_scale" ADD CONSTRAINT "contribution_scale_proposal_unique" UNIQUE ("proposal_id")`,
    );
    await q(`ALTER TABLE "proposal" DROP CONSTRAINT "proposal_vote_options_check"`);
    await q(`ALTER TABLE "proposal" DROP COLUMN "vote_options"`);
    await q(`ALTER TABLE "decision_rule" DROP CONSTRAINT "decision_rule_competing_method_check"`);
    await q(`ALTER TABLE "decision_rule" DROP COLUMN "competing_options_method"`);
  }
}
