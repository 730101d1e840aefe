import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The membership's composition (statuses, active members by kind, college,
 * category, region and age band, each council's eligible pool) counted at
 * instants: each month's start (Montréal time) and the last refresh. Counting
 * every member's status at an instant from the history took the membership and
 * councils reports 0.3 to 0.6 s at 100,000 members; they read the snapshot at
 * or before the instant they need and say which ("as of"). Written by the
 * reports' refresh job (RefreshReportsHandler); `latest` is replaced each time.
 *
 * The indexes serve the monthly joins and departures of a period, counted live:
 * admissions by date, and the few status changes that are departures or reinstatements.
 */
export class MembershipSnapshots1795300001720 implements MigrationInterface {
  name = 'MembershipSnapshots1795300001720';

  public async up(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);
    await q(`CREATE TABLE "membership_snapshot" (
               "taken_at" timestamptz NOT NULL,
               "kind" text NOT NULL,
               "groups" jsonb NOT NULL,
               "counted_at" timestamptz NOT NULL DEFAULT now(),
               CONSTRAINT "membership_snapshot_pk" PRIMARY KEY ("taken_at"),
               CONSTRAINT "membership_snapshot_kind_check" CHECK ("kind" IN ('month', 'latest')))`);
    await q(
      `CREATE UNIQUE INDEX "membership_snapshot_one_latest" ON "membership_snapshot" ("kind") WHERE "kind" = 'latest'`,
    );
    await q(
      `CREATE INDEX "member_admitted_at_idx" ON "member" ("admitted_at") WHERE "admitted_at" IS NOT NULL`,
    );
    await q(`CREATE INDEX "member_status_change_flow_idx" ON "member_status_change" ("changed_at")
             WHERE "to_status" IN ('resigned', 'suspended') OR ("to_status" = 'active' AND "from_status" = 'suspended')`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "member_status_change_flow_idx"`);
    await queryRunner.query(`DROP INDEX "member_admitted_at_idx"`);
    await queryRunner.query(`DROP TABLE "membership_snapshot"`);
  }
}
