import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One row per reminder sent before a consultation is due: the key
 * (consultation, offset) makes a reminder happen once, however often its job runs.
 */
export class ConsultationReminders1795300002600 implements MigrationInterface {
  name = 'ConsultationReminders1795300002600';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "consultation_reminder" (
        "consultation_id" uuid NOT NULL,
        "offset_seconds" int NOT NULL,
        "recipients" int NOT NULL,
        "sent_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "consultation_reminder_pk" PRIMARY KEY ("consultation_id", "offset_seconds"),
        CONSTRAINT "consultation_reminder_consultation_fk" FOREIGN KEY ("consultation_id")
          REFERENCES "consultation_request"("id") ON DELETE CASCADE,
        CONSTRAINT "consultation_reminder_offset_check" CHECK (offset_seconds > 0),
        CONSTRAINT "consultation_reminder_recipients_check" CHECK (recipients >= 0)
      )`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "consultation_reminder"`);
  }
}
