import { MigrationInterface, QueryRunner } from 'typeorm';

/** In-app notifications (read state) and members' email preferences. */
export class NotificationInbox1795300000002 implements MigrationInterface {
  name = 'NotificationInbox1795300000002';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "notification_preference" ("member_id" uuid NOT NULL, "email_disabled_kinds" text array NOT NULL DEFAULT '{}', "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_731a1e4d7ac68725765b49fe01c" PRIMARY KEY ("member_id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "notification_preference" ADD CONSTRAINT "notification_preference_member_fk" FOREIGN KEY ("member_id") REFERENCES "member"("id") ON DELETE CASCADE`,
    );
    await queryRunner.query(`ALTER TABLE "notification" ADD "read_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(
      `ALTER TABLE "notification" ADD "email_skipped" boolean NOT NULL DEFAULT false`,
    );
    // The inbox pages on created_at: millisecond precision so cursors (JS dates) are exact.
    await queryRunner.query(
      `ALTER TABLE "notification" ALTER COLUMN "created_at" TYPE TIMESTAMP(3) WITH TIME ZONE`,
    );
    await queryRunner.query(
      `CREATE INDEX "notification_inbox_idx" ON "notification" ("recipient_member_id", "created_at" DESC, "id" DESC)`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."notification_inbox_idx"`);
    await queryRunner.query(
      `ALTER TABLE "notification" ALTER COLUMN "created_at" TYPE TIMESTAMP(6) WITH TIME ZONE`,
    );
    await queryRunner.query(`ALTER TABLE "notification" DROP COLUMN "email_skipped"`);
    await queryRunner.query(`ALTER TABLE "notification" DROP COLUMN "read_at"`);
    await queryRunner.query(`DROP TABLE "notification_preference"`);
  }
}
