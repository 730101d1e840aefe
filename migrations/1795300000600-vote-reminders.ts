import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One row per reminder sent before a vote closes: the key (vote, offset) makes
 * a reminder happen once, however often its job runs.
 */
export class VoteReminders1795300000600 implements MigrationInterface {
  name = 'VoteReminders1795300000600';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "vote_reminder" (
        "vote_id" uuid NOT NULL,
        "offset_seconds" int NOT NULL,
        "recipients" int NOT NULL,
        "sent_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "vote_reminder_pk" PRIMARY KEY ("vote_id", "offset_seconds"),
        CONSTRAINT "vote_reminder_vote_fk" FOREIGN KEY ("vote_id") REFERENCES "vote"("id") ON DELETE CASCADE,
        CONSTRAINT "vote_reminder_offset_check" CHECK (offset_seconds > 0),
        CONSTRAINT "vote_reminder_recipients_check" CHECK (recipients >= 0)
      )`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "vote_reminder"`);
  }
}
