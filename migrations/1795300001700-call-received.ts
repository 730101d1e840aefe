import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What each contribution call has received (its ledger's sum, reversals and
 * carried credit included), stored on the call: the campaign report and the
 * treasurer's lists summed the whole ledger on every request.
 *
 * The ledger is append-only (UPDATE and DELETE are refused), so every change
 * is an INSERT; a statement trigger adds the inserted amounts to their calls
 * in the inserting transaction. A trigger rather than each writer (recorded
 * payment, reversal, bank import, credit carried, bulk loads) keeping it: none
 * can forget, and a bulk insert updates each call once.
 */
export class CallReceived1795300001700 implements MigrationInterface {
  name = 'CallReceived1795300001700';

  public async up(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);
    await q(`ALTER TABLE "contribution_call" ADD "received_cents" bigint NOT NULL DEFAULT 0`);
    await q(`UPDATE contribution_call c SET received_cents = p.received
             FROM (SELECT call_id, sum(amount_cents) AS received FROM contribution_payment GROUP BY call_id) p
             WHERE p.call_id = c.id`);
    await q(`CREATE FUNCTION contribution_call_add_received() RETURNS trigger LANGUAGE plpgsql AS $$
             BEGIN
               UPDATE contribution_call c SET received_cents = c.received_cents + p.received
               FROM (SELECT call_id, sum(amount_cents) AS received FROM inserted_payments GROUP BY call_id) p
               WHERE p.call_id = c.id;
               RETURN NULL;
             END $$`);
    await q(`CREATE TRIGGER contribution_payment_received AFTER INSERT ON "contribution_payment"
             REFERENCING NEW TABLE AS inserted_payments
             FOR EACH STATEMENT EXECUTE FUNCTION contribution_call_add_received()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER contribution_payment_received ON "contribution_payment"`);
    await queryRunner.query(`DROP FUNCTION contribution_call_add_received()`);
    await queryRunner.query(`ALTER TABLE "contribution_call" DROP COLUMN "received_cents"`);
  }
}
