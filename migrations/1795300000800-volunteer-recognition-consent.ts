import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Volunteers are thanked by name in the board's reports only with their
 * consent, recorded with their hours; existing records name no one.
 */
export class VolunteerRecognitionConsent1795300000800 implements MigrationInterface {
  name = 'VolunteerRecognitionConsent1795300000800';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "in_kind_contribution" ADD "recognition_consent" boolean NOT NULL DEFAULT false`,
    );
    await queryRunner.query(
      `ALTER TABLE "in_kind_contribution" ADD CONSTRAINT "in_kind_contribution_consent_check" CHECK (NOT "recognition_consent" OR "person_name" IS NOT NULL)`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "in_kind_contribution" DROP CONSTRAINT "in_kind_contribution_consent_check"`,
    );
    await queryRunner.query(`ALTER TABLE "in_kind_contribution" DROP COLUMN "recognition_consent"`);
  }
}
