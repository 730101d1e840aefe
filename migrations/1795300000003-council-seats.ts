import { MigrationInterface, QueryRunner } from 'typeorm';

/** Council seats: applications, approvals and terms, with their dated history. */
export class CouncilSeats1795300000003 implements MigrationInterface {
  name = 'CouncilSeats1795300000003';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TYPE "public"."seat_status" AS ENUM('applied', 'active', 'refused', 'ended')`,
    );
    await queryRunner.query(
      `CREATE TABLE "council_seat" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "council_id" uuid NOT NULL, "member_id" uuid NOT NULL, "status" "public"."seat_status" NOT NULL, "declared_practice" text, "term_start" date, "term_end" date, "decided_by_account_id" uuid, "decided_at" TIMESTAMP WITH TIME ZONE, "decision_reason" text, "applied_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_26eddf17192b0af0441ae4dee8b" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_9a0287cdc5b3ff3101c8bace71" ON "council_seat" ("council_id", "status") `,
    );
    await queryRunner.query(
      `ALTER TABLE "council_seat" ADD CONSTRAINT "council_seat_council_fk" FOREIGN KEY ("council_id") REFERENCES "council"("id") ON DELETE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "council_seat" ADD CONSTRAINT "council_seat_member_fk" FOREIGN KEY ("member_id") REFERENCES "member"("id") ON DELETE CASCADE`,
    );
    // One open application or seat per member and council, even under concurrent applications.
    await queryRunner.query(
      `CREATE UNIQUE INDEX "council_seat_open_unique" ON "council_seat" ("council_id", "member_id") WHERE status IN ('applied', 'active')`,
    );
    await queryRunner.query(
      `ALTER TABLE "council_seat" ADD CONSTRAINT "council_seat_term_check" CHECK ((status = 'active') = (term_start IS NOT NULL AND term_end IS NOT NULL) OR status = 'ended')`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "council_seat"`);
    await queryRunner.query(`DROP TYPE "public"."seat_status"`);
  }
}
