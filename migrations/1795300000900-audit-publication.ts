import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit chain's head is published on each vote when it opens and when it
 * closes (seq and hash of the last event before the vote's own event), and
 * the audit table loses UPDATE, DELETE and TRUNCATE privileges: the trigger
 * refuses them, and now so does the privilege system, for every role that
 * held them (PUBLIC, the owner, a dedicated application role). Superusers
 * bypass privileges; only the chain itself (`auditVerify`) catches them.
 */
export class AuditPublication1795300000900 implements MigrationInterface {
  name = 'AuditPublication1795300000900';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE "vote"
        ADD COLUMN "open_audit_seq" bigint,
        ADD COLUMN "open_audit_head" text,
        ADD COLUMN "close_audit_seq" bigint,
        ADD COLUMN "close_audit_head" text,
        ADD CONSTRAINT "vote_audit_head_check" CHECK (
          (open_audit_seq IS NULL) = (open_audit_head IS NULL)
          AND (close_audit_seq IS NULL) = (close_audit_head IS NULL))`);
    await queryRunner.query(`REVOKE UPDATE, DELETE, TRUNCATE ON "audit_event" FROM PUBLIC`);
    // Every role granted these privileges so far, the table's owner included.
    await queryRunner.query(`DO $$
      DECLARE grantee_name text;
      BEGIN
        FOR grantee_name IN
          SELECT DISTINCT grantee FROM information_schema.role_table_grants
           WHERE table_schema = current_schema() AND table_name = 'audit_event'
             AND privilege_type IN ('UPDATE', 'DELETE', 'TRUNCATE') AND grantee <> 'PUBLIC'
        LOOP
          EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON audit_event FROM %I', grantee_name);
        END LOOP;
      END $$`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`GRANT UPDATE, DELETE, TRUNCATE ON "audit_event" TO CURRENT_USER`);
    await queryRunner.query(`
      ALTER TABLE "vote"
        DROP CONSTRAINT "vote_audit_head_check",
        DROP COLUMN "open_audit_seq",
        DROP COLUMN "open_audit_head",
        DROP COLUMN "close_audit_seq",
        DROP COLUMN "close_audit_head"`);
  }
}
