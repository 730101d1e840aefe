import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The daily email digest: a member's choice, the day of their last digest
 * (compared and set, one a day), and the outbox rows waiting for it.
 */
export class NotificationDigest1795300002000 implements MigrationInterface {
  name = 'NotificationDigest1795300002000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE "notification_preference"
        ADD COLUMN "email_digest" text NOT NULL DEFAULT 'immediate',
        ADD COLUMN "last_digest_on" date,
        ADD CONSTRAINT "notification_preference_email_digest_check"
          CHECK ("email_digest" IN ('immediate', 'daily'))`);
    await queryRunner.query(
      `ALTER TABLE "notification" ADD COLUMN "in_digest" boolean NOT NULL DEFAULT false`,
    );
    await queryRunner.query(
      `CREATE INDEX "notification_digest_pending_idx" ON "notification" ("recipient_member_id") WHERE in_digest AND sent_at IS NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."notification_digest_pending_idx"`);
    await queryRunner.query(`ALTER TABLE "notification" DROP COLUMN "in_digest"`);
    await queryRunner.query(`
      ALTER TABLE "notification_preference"
        DROP CONSTRAINT "notification_preference_email_digest_check",
        DROP COLUMN "last_digest_on",
        DROP COLUMN "email_digest"`);
  }
}
