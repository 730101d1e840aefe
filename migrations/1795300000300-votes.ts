import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Votes, their frozen rolls, participations, ballots and results.
 *
 * The ballot table is designed for the secret ballot (DESIGN §6, invariant 4):
 * no voter, no timestamp, no sequence, a random id, and no foreign key that a
 * participation could follow to it. Participation and ballot carry no foreign
 * key to `vote`: the cast statement already holds the vote row's share lock,
 * and a second key-share lock per ballot on that one hot row would only add
 * contention. Participation references the frozen roll instead, so the
 * database itself refuses a voter outside the electorate. No key leads from
 * participation to ballot either: `ballot_id` (named votes only, null for
 * secret ones by CHECK) is written by the same cast statement as the ballot,
 * and a key there would make the close-time shuffle of a secret vote's
 * ballots check every deleted row against participation.
 */
export class Votes1795300000300 implements MigrationInterface {
  name = 'Votes1795300000300';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "vote" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "subject_type" text NOT NULL,
        "subject_id" uuid,
        "decision_type" "public"."decision_type",
        "charter_version" int NOT NULL,
        "title_fr" text NOT NULL,
        "title_en" text NOT NULL,
        "electorate_kind" text NOT NULL,
        "electorate_ref" uuid,
        "method" "public"."vote_method" NOT NULL,
        "choice_kind" text,
        "options" jsonb NOT NULL,
        "grades" jsonb,
        "seats" int NOT NULL DEFAULT 1,
        "min_selections" int,
        "max_selections" int,
        "stv_rules" text,
        "threshold_numerator" int NOT NULL,
        "threshold_denominator" int NOT NULL,
        "threshold_comparison" "public"."threshold_comparison" NOT NULL,
        "threshold_base" "public"."threshold_base" NOT NULL,
        "quorum_kind" "public"."quorum_kind" NOT NULL,
        "quorum_numerator" int NOT NULL DEFAULT 0,
        "quorum_denominator" int NOT NULL DEFAULT 1,
        "secrecy" "public"."secrecy" NOT NULL,
        "college_weighting" boolean NOT NULL,
        "binding" boolean NOT NULL DEFAULT true,
        "survey_id" uuid,
        "opens_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "closes_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "status" text NOT NULL DEFAULT 'scheduled',
        "version" int NOT NULL DEFAULT 1,
        "roll_fingerprint" text,
        "roll_size" int,
        "opened_at" TIMESTAMP WITH TIME ZONE,
        "closed_at" TIMESTAMP WITH TIME ZONE,
        "created_by_account_id" uuid,
        "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "vote_pk" PRIMARY KEY ("id"),
        CONSTRAINT "vote_status_check" CHECK (status IN ('scheduled', 'open', 'closed', 'tallied')),
        CONSTRAINT "vote_subject_type_check" CHECK (subject_type IN ('proposal', 'council_opinion', 'election', 'referendum', 'survey_question', 'assembly_item')),
        CONSTRAINT "vote_electorate_check" CHECK (electorate_kind IN ('all_members', 'council', 'board', 'assembly') AND (electorate_kind IN ('council', 'assembly')) = (electorate_ref IS NOT NULL)),
        CONSTRAINT "vote_window_check" CHECK (closes_at > opens_at),
        CONSTRAINT "vote_threshold_check" CHECK (threshold_denominator > 0 AND threshold_numerator >= 0 AND threshold_numerator <= threshold_denominator),
        CONSTRAINT "vote_quorum_check" CHECK (quorum_denominator > 0 AND quorum_numerator >= 0),
        CONSTRAINT "vote_seats_check" CHECK (seats >= 1),
        CONSTRAINT "vote_choice_kind_check" CHECK ((method = 'choice') = (choice_kind IS NOT NULL) AND (choice_kind IS NULL OR choice_kind IN ('motion', 'one_of_n'))),
        CONSTRAINT "vote_selections_check" CHECK ((min_selections IS NULL OR min_selections >= 0) AND (max_selections IS NULL OR max_selections >= coalesce(min_selections, 0))),
        CONSTRAINT "vote_stv_rules_check" CHECK (stv_rules IS NULL OR stv_rules IN ('scottish', 'meek')),
        CONSTRAINT "vote_options_check" CHECK (jsonb_typeof(options) = 'array' AND jsonb_array_length(options) >= 1),
        CONSTRAINT "vote_grades_check" CHECK ((method = 'majority_judgment') = (grades IS NOT NULL)),
        CONSTRAINT "vote_roll_frozen_check" CHECK ((status = 'scheduled') = (roll_fingerprint IS NULL)),
        CONSTRAINT "vote_version_check" CHECK (version >= 1)
      )`);
    await queryRunner.query(
      `CREATE INDEX "vote_status_opens_idx" ON "vote" ("status", "opens_at")`,
    );
    await queryRunner.query(
      `CREATE INDEX "vote_status_closes_idx" ON "vote" ("status", "closes_at")`,
    );
    await queryRunner.query(
      `CREATE INDEX "vote_subject_idx" ON "vote" ("subject_type", "subject_id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "vote_survey_idx" ON "vote" ("survey_id") WHERE survey_id IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "vote_created_idx" ON "vote" ("created_at" DESC, "id" DESC)`,
    );

    await queryRunner.query(`
      CREATE TABLE "vote_roll" (
        "vote_id" uuid NOT NULL,
        "member_id" uuid NOT NULL,
        "college_id" uuid NOT NULL,
        "weight" int NOT NULL,
        "cast_by_member_id" uuid NOT NULL,
        CONSTRAINT "vote_roll_pk" PRIMARY KEY ("vote_id", "member_id"),
        CONSTRAINT "vote_roll_vote_fk" FOREIGN KEY ("vote_id") REFERENCES "vote"("id") ON DELETE CASCADE,
        CONSTRAINT "vote_roll_weight_check" CHECK (weight >= 0)
      )`);
    // Member and college are not foreign keys: the roll is a snapshot, and a
    // million-row freeze should not pay a key check per row against tables it just read.
    await queryRunner.query(
      `CREATE INDEX "vote_roll_cast_by_idx" ON "vote_roll" ("vote_id", "cast_by_member_id")`,
    );

    await queryRunner.query(`
      CREATE TABLE "ballot" (
        "id" uuid NOT NULL,
        "vote_id" uuid NOT NULL,
        "content" jsonb NOT NULL,
        "college_id" uuid,
        "receipt_hash" text NOT NULL,
        CONSTRAINT "ballot_pk" PRIMARY KEY ("id"),
        CONSTRAINT "ballot_receipt_unique" UNIQUE ("receipt_hash")
      )`);
    await queryRunner.query(`CREATE INDEX "ballot_vote_idx" ON "ballot" ("vote_id")`);

    await queryRunner.query(`
      CREATE TABLE "participation" (
        "vote_id" uuid NOT NULL,
        "member_id" uuid NOT NULL,
        "cast_by_member_id" uuid NOT NULL,
        "ballot_id" uuid,
        "secret" boolean NOT NULL,
        "cast_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "participation_pk" PRIMARY KEY ("vote_id", "member_id"),
        CONSTRAINT "participation_roll_fk" FOREIGN KEY ("vote_id", "member_id") REFERENCES "vote_roll"("vote_id", "member_id") ON DELETE CASCADE,
        CONSTRAINT "participation_secret_unlinked_check" CHECK (secret = (ballot_id IS NULL))
      )`);

    await queryRunner.query(`
      CREATE TABLE "vote_result" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "vote_id" uuid NOT NULL,
        "outcome" text NOT NULL,
        "quorum_met" boolean NOT NULL,
        "eligible" int NOT NULL,
        "participations" int NOT NULL,
        "ballots" int NOT NULL,
        "winners" text array NOT NULL,
        "canonical" text NOT NULL,
        "hash" text NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "vote_result_pk" PRIMARY KEY ("id"),
        CONSTRAINT "vote_result_vote_unique" UNIQUE ("vote_id"),
        CONSTRAINT "vote_result_vote_fk" FOREIGN KEY ("vote_id") REFERENCES "vote"("id"),
        CONSTRAINT "vote_result_outcome_check" CHECK (outcome IN ('adopted', 'rejected', 'quorum_not_met', 'elected', 'completed')),
        CONSTRAINT "vote_result_counts_check" CHECK (participations = ballots AND ballots <= eligible)
      )`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "vote_result"`);
    await queryRunner.query(`DROP TABLE "participation"`);
    await queryRunner.query(`DROP TABLE "ballot"`);
    await queryRunner.query(`DROP TABLE "vote_roll"`);
    await queryRunner.query(`DROP TABLE "vote"`);
  }
}
