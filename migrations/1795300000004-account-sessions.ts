import { MigrationInterface, QueryRunner } from 'typeorm';

/** Revocable sessions: access tokens issued before `sessions_valid_after` are refused. */
export class AccountSessions1795300000004 implements MigrationInterface {
  name = 'AccountSessions1795300000004';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "account" ADD "sessions_valid_after" TIMESTAMP WITH TIME ZONE`,
    );
    // Every API process reads the recent revocations every few seconds.
    await queryRunner.query(
      `CREATE INDEX "account_sessions_valid_after_idx" ON "account" ("sessions_valid_after") WHERE "sessions_valid_after" IS NOT NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "account_sessions_valid_after_idx"`);
    await queryRunner.query(`ALTER TABLE "account" DROP COLUMN "sessions_valid_after"`);
  }
}
