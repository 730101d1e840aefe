import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The proposal lifecycle around the skeleton: initiative co-signatures,
 * council consultations and opinions, amendments, attachments, and a
 * French + English full-text index over the current title and body.
 */
export class ProposalLifecycle1795300000101 implements MigrationInterface {
  name = 'ProposalLifecycle1795300000101';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // The current text is copied onto the proposal so the search vector can be a generated column.
    await queryRunner.query(`ALTER TABLE "proposal" ADD "body" text NOT NULL DEFAULT ''`);
    await queryRunner.query(
      `ALTER TABLE "proposal" ADD "search" tsvector GENERATED ALWAYS AS (
         setweight(to_tsvector('french'::regconfig, "title"), 'A') ||
         setweight(to_tsvector('english'::regconfig, "title"), 'A') ||
         setweight(to_tsvector('french'::regconfig, "body"), 'B') ||
         setweight(to_tsvector('english'::regconfig, "body"), 'B')) STORED`,
    );
    await queryRunner.query(
      `CREATE INDEX "proposal_search_idx" ON "proposal" USING GIN ("search")`,
    );
    // The default listing order (newest first, keyset on created_at, id).
    await queryRunner.query(
      `CREATE INDEX "proposal_created_idx" ON "proposal" ("created_at" DESC, "id" DESC)`,
    );
    await queryRunner.query(
      `CREATE INDEX "proposal_decision_type_idx" ON "proposal" ("decision_type", "created_at")`,
    );
    await queryRunner.query(
      `ALTER TABLE "proposal" ADD CONSTRAINT "proposal_title_length_check" CHECK (char_length("title") BETWEEN 1 AND 200)`,
    );

    await queryRunner.query(
      `CREATE TABLE "proposal_cosignature" ("proposal_id" uuid NOT NULL, "member_id" uuid NOT NULL, "signed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
         CONSTRAINT "proposal_cosignature_pk" PRIMARY KEY ("proposal_id", "member_id"),
         CONSTRAINT "proposal_cosignature_proposal_fk" FOREIGN KEY ("proposal_id") REFERENCES "proposal"("id") ON DELETE CASCADE,
         CONSTRAINT "proposal_cosignature_member_fk" FOREIGN KEY ("member_id") REFERENCES "member"("id"))`,
    );

    await queryRunner.query(
      `CREATE TYPE "public"."consultation_status" AS ENUM('requested', 'answered', 'did_not_answer')`,
    );
    await queryRunner.query(
      `CREATE TABLE "consultation_request" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "proposal_id" uuid NOT NULL, "council_id" uuid NOT NULL,
         "status" "public"."consultation_status" NOT NULL DEFAULT 'requested', "requested_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
         "due_at" TIMESTAMP WITH TIME ZONE NOT NULL, "answered_at" TIMESTAMP WITH TIME ZONE, "opinion_id" uuid,
         CONSTRAINT "consultation_request_pk" PRIMARY KEY ("id"),
         CONSTRAINT "consultation_request_unique" UNIQUE ("proposal_id", "council_id"),
         CONSTRAINT "consultation_request_answer_check" CHECK (("status" = 'answered') = ("opinion_id" IS NOT NULL AND "answered_at" IS NOT NULL)),
         CONSTRAINT "consultation_request_proposal_fk" FOREIGN KEY ("proposal_id") REFERENCES "proposal"("id") ON DELETE CASCADE,
         CONSTRAINT "consultation_request_council_fk" FOREIGN KEY ("council_id") REFERENCES "council"("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "consultation_request_council_idx" ON "consultation_request" ("council_id", "status")`,
    );

    await queryRunner.query(
      `CREATE TYPE "public"."opinion_position" AS ENUM('favourable', 'favourable_with_conditions', 'unfavourable', 'abstain')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."opinion_status" AS ENUM('draft', 'adopted', 'not_adopted', 'published')`,
    );
    await queryRunner.query(
      `CREATE TABLE "council_opinion" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "consultation_id" uuid NOT NULL, "council_id" uuid NOT NULL,
         "drafted_by_member_id" uuid NOT NULL, "position" "public"."opinion_position" NOT NULL, "text" text NOT NULL,
         "status" "public"."opinion_status" NOT NULL DEFAULT 'draft',
         "votes_for" integer, "votes_against" integer, "votes_abstain" integer, "active_members" integer,
         "recorded_by_account_id" uuid, "adopted_at" TIMESTAMP WITH TIME ZONE, "published_at" TIMESTAMP WITH TIME ZONE,
         "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
         CONSTRAINT "council_opinion_pk" PRIMARY KEY ("id"),
         CONSTRAINT "council_opinion_text_check" CHECK (char_length("text") BETWEEN 1 AND 20000),
         CONSTRAINT "council_opinion_votes_check" CHECK ("votes_for" >= 0 AND "votes_against" >= 0 AND "votes_abstain" >= 0
           AND "votes_for" + "votes_against" + "votes_abstain" <= "active_members"),
         CONSTRAINT "council_opinion_recorded_check" CHECK (("status" = 'draft') = ("recorded_by_account_id" IS NULL)),
         CONSTRAINT "council_opinion_published_check" CHECK (("status" = 'published') = ("published_at" IS NOT NULL)),
         CONSTRAINT "council_opinion_consultation_fk" FOREIGN KEY ("consultation_id") REFERENCES "consultation_request"("id") ON DELETE CASCADE,
         CONSTRAINT "council_opinion_council_fk" FOREIGN KEY ("council_id") REFERENCES "council"("id"),
         CONSTRAINT "council_opinion_drafter_fk" FOREIGN KEY ("drafted_by_member_id") REFERENCES "member"("id"),
         CONSTRAINT "council_opinion_recorder_fk" FOREIGN KEY ("recorded_by_account_id") REFERENCES "account"("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "council_opinion_consultation_idx" ON "council_opinion" ("consultation_id")`,
    );
    // A council answers a consultation once.
    await queryRunner.query(
      `CREATE UNIQUE INDEX "council_opinion_published_unique" ON "council_opinion" ("consultation_id") WHERE "status" = 'published'`,
    );
    await queryRunner.query(
      `ALTER TABLE "consultation_request" ADD CONSTRAINT "consultation_request_opinion_fk" FOREIGN KEY ("opinion_id") REFERENCES "council_opinion"("id")`,
    );

    await queryRunner.query(
      `CREATE TYPE "public"."amendment_status" AS ENUM('proposed', 'accepted', 'refused', 'put_to_vote')`,
    );
    await queryRunner.query(
      `CREATE TABLE "proposal_amendment" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "proposal_id" uuid NOT NULL, "proposed_by_member_id" uuid NOT NULL,
         "base_version" integer NOT NULL, "title" text NOT NULL, "body" text NOT NULL, "rationale" text NOT NULL,
         "status" "public"."amendment_status" NOT NULL DEFAULT 'proposed', "decided_by_account_id" uuid, "decided_at" TIMESTAMP WITH TIME ZONE,
         "resulting_version" integer, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
         CONSTRAINT "proposal_amendment_pk" PRIMARY KEY ("id"),
         CONSTRAINT "proposal_amendment_lengths_check" CHECK (char_length("title") BETWEEN 1 AND 200 AND char_length("body") BETWEEN 1 AND 100000 AND char_length("rationale") <= 5000),
         CONSTRAINT "proposal_amendment_decided_check" CHECK (("status" = 'proposed') = ("decided_at" IS NULL)),
         CONSTRAINT "proposal_amendment_accepted_check" CHECK (("status" = 'accepted') = ("resulting_version" IS NOT NULL)),
         CONSTRAINT "proposal_amendment_proposal_fk" FOREIGN KEY ("proposal_id") REFERENCES "proposal"("id") ON DELETE CASCADE,
         CONSTRAINT "proposal_amendment_member_fk" FOREIGN KEY ("proposed_by_member_id") REFERENCES "member"("id"),
         CONSTRAINT "proposal_amendment_decider_fk" FOREIGN KEY ("decided_by_account_id") REFERENCES "account"("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "proposal_amendment_proposal_idx" ON "proposal_amendment" ("proposal_id", "created_at")`,
    );
    await queryRunner.query(
      `ALTER TABLE "proposal_version" ADD CONSTRAINT "proposal_version_amendment_fk" FOREIGN KEY ("amendment_id") REFERENCES "proposal_amendment"("id")`,
    );

    await queryRunner.query(
      `CREATE TABLE "proposal_attachment" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "proposal_id" uuid NOT NULL, "url" text NOT NULL, "title" text NOT NULL,
         "added_by_account_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
         CONSTRAINT "proposal_attachment_pk" PRIMARY KEY ("id"),
         CONSTRAINT "proposal_attachment_url_check" CHECK (char_length("url") <= 2000 AND "url" ~ '^https?://'),
         CONSTRAINT "proposal_attachment_title_check" CHECK (char_length("title") BETWEEN 1 AND 200),
         CONSTRAINT "proposal_attachment_proposal_fk" FOREIGN KEY ("proposal_id") REFERENCES "proposal"("id") ON DELETE CASCADE,
         CONSTRAINT "proposal_attachment_account_fk" FOREIGN KEY ("added_by_account_id") REFERENCES "account"("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "proposal_attachment_proposal_idx" ON "proposal_attachment" ("proposal_id")`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "proposal_attachment"`);
    await queryRunner.query(
      `ALTER TABLE "proposal_version" DROP CONSTRAINT "proposal_version_amendment_fk"`,
    );
    await queryRunner.query(`DROP TABLE "proposal_amendment"`);
    await queryRunner.query(`DROP TYPE "public"."amendment_status"`);
    await queryRunner.query(
      `ALTER TABLE "consultation_request" DROP CONSTRAINT "consultation_request_opinion_fk"`,
    );
    await queryRunner.query(`DROP TABLE "council_opinion"`);
    await queryRunner.query(`DROP TYPE "public"."opinion_status"`);
    await queryRunner.query(`DROP TYPE "public"."opinion_position"`);
    await queryRunner.query(`DROP TABLE "consultation_request"`);
    await queryRunner.query(`DROP TYPE "public"."consultation_status"`);
    await queryRunner.query(`DROP TABLE "proposal_cosignature"`);
    await queryRunner.query(`ALTER TABLE "proposal" DROP CONSTRAINT "proposal_title_length_check"`);
    await queryRunner.query(`DROP INDEX "proposal_decision_type_idx"`);
    await queryRunner.query(`DROP INDEX "proposal_created_idx"`);
    await queryRunner.query(`DROP INDEX "proposal_search_idx"`);
    await queryRunner.query(`ALTER TABLE "proposal" DROP COLUMN "search"`);
    await queryRunner.query(`ALTER TABLE "proposal" DROP COLUMN "body"`);
  }
}
