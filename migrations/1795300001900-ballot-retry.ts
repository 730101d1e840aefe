import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A cast retried with the same client request id gets the receipt of the
 * first one: the participation keeps the request's tag and the receipt sealed
 * under a key derived from the request id, which is never stored, so neither
 * column can lead to a secret ballot (see libs/voting/src/ballots/ballot-retry.ts).
 */
export class BallotRetry1795300001900 implements MigrationInterface {
  name = 'BallotRetry1795300001900';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE "participation"
        ADD COLUMN "retry_tag" bytea,
        ADD COLUMN "sealed_receipt" bytea,
        ADD CONSTRAINT "participation_retry_check" CHECK ((retry_tag IS NULL) = (sealed_receipt IS NULL))`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE "participation"
        DROP CONSTRAINT "participation_retry_check",
        DROP COLUMN "sealed_receipt",
        DROP COLUMN "retry_tag"`);
  }
}
