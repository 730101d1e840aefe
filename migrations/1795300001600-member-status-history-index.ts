import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The reports read each member's status at an instant from the status
 * history (`statusAt` in libs/reports): the last change by then and the
 * first one after, per member. With the history in (member, changed_at, id)
 * order and the statuses included, both are read in index order (the last
 * one backwards) without sorting 200,000 changes, from the index alone.
 */
export class MemberStatusHistoryIndex1795300001600 implements MigrationInterface {
  name = 'MemberStatusHistoryIndex1795300001600';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "member_status_change_history_idx" ON "member_status_change" ("member_id", "changed_at", "id")
       INCLUDE ("from_status", "to_status")`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "member_status_change_history_idx"`);
  }
}
