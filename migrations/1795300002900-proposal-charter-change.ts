import { MigrationInterface, QueryRunner } from 'typeorm';

/** A deed amendment's changes to the charter, adopted with it as the next charter version. */
export class ProposalCharterChange1795300002900 implements MigrationInterface {
  name = 'ProposalCharterChange1795300002900';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "proposal" ADD "charter_change" jsonb`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "proposal" DROP COLUMN "charter_change"`);
  }
}
