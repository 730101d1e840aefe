import { MigrationInterface, QueryRunner } from 'typeorm';

/** A council the secretary dissolves keeps its history (seats, opinions, reports) and takes no more applications. */
export class CouncilDissolution1795300002800 implements MigrationInterface {
  name = 'CouncilDissolution1795300002800';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "council" ADD "dissolved_at" TIMESTAMP WITH TIME ZONE, ADD "dissolution_reason" text`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "council" DROP COLUMN "dissolution_reason", DROP COLUMN "dissolved_at"`,
    );
  }
}
