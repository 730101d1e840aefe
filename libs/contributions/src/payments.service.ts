import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import { AuditService } from '@delibera/audit';
import { AuthUser, Locale, PgErrorCode, violatedConstraint } from '@delibera/kernel';
import { NotificationKind, NotificationsService } from '@delibera/notifications';
import { parseBankStatement } from './bank-statement-csv';
import { CALL_BALANCES } from './call-sql';
import { CallsService } from './calls.service';
import { ContributionErrors } from './contributions.errors';
import { PaymentMethod } from './contributions.enums';
import { BankImport, BankImportRow, ContributionCall, ContributionPayment } from './entities';
import { formatCents } from './money';
import { enqueueInChunks } from './notify';

export interface NewPayment {
  callId: string;
  amountCents: number;
  paidOn: string;
  method: PaymentMethod;
  reference?: string;
  note?: string;
}

export interface BankImportResult {
  import: BankImport;
  matchedCount: number;
  matchedCents: number;
  unmatchedRows: BankImportRow[];
}

@Injectable()
export class PaymentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly calls: CallsService,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
  ) {}

  /** The treasurer records a payment; beyond what is due it becomes the member's credit. */
  async record(user: AuthUser, input: NewPayment): Promise<ContributionPayment> {
    if (input.amountCents <= 0) throw ContributionErrors.NEGATIVE_AMOUNT({ field: 'amountCents' });
    const payment = await this.dataSource.transaction(async (manager) => {
      await this.lockCall(manager, input.callId);
      const payment = await manager.save(
        manager.create(ContributionPayment, {
          callId: input.callId,
          amountCents: input.amountCents,
          paidOn: input.paidOn,
          method: input.method,
          reference: input.reference?.trim() || null,
          note: input.note?.trim() || null,
          recordedByAccountId: user.accountId,
        }),
      );
      await this.settle(manager, [payment.id], user.accountId, 'contribution_payment.recorded');
      return payment;
    });
    await this.notifications.kick();
    return payment;
  }

  /**
   * Cancels a payment (a bounced cheque, a mistake) with a negative entry
   * linked to it. The original stays in the ledger; one reversal per payment.
   */
  async reverse(user: AuthUser, paymentId: string, reason: string): Promise<ContributionPayment> {
    return this.dataSource.transaction(async (manager) => {
      const original = await manager.findOneBy(ContributionPayment, { id: paymentId });
      if (!original) throw ContributionErrors.PAYMENT_NOT_FOUND();
      if (original.reversesPaymentId) throw ContributionErrors.REVERSAL_NOT_REVERSIBLE();
      await this.lockCall(manager, original.callId);
      if (await manager.existsBy(ContributionPayment, { reversesPaymentId: original.id })) {
        throw ContributionErrors.PAYMENT_ALREADY_REVERSED();
      }
      let reversal: ContributionPayment;
      try {
        reversal = await manager.save(
          manager.create(ContributionPayment, {
            callId: original.callId,
            amountCents: -original.amountCents,
            reversesPaymentId: original.id,
            paidOn: new Date().toISOString().slice(0, 10),
            method: original.method,
            reference: original.reference,
            note: reason.trim(),
            recordedByAccountId: user.accountId,
          }),
        );
      } catch (error) {
        if (violatedConstraint(error, PgErrorCode.UniqueViolation) !== undefined)
          throw ContributionErrors.PAYMENT_ALREADY_REVERSED();
        throw error;
      }
      await this.calls.refreshStatus(manager, [original.callId]);
      await this.audit.append(manager, {
        actorAccountId: user.accountId,
        action: 'contribution_payment.reversed',
        entityType: 'contribution_payment',
        entityId: reversal.id,
        data: { reverses: original.id, amountCents: reversal.amountCents, reason },
      });
      return reversal;
    });
  }

  /**
   * Imports a bank statement in one transaction: every line is stored, lines
   * whose reference is a call's become payments, the others wait for manual
   * matching. A file with any malformed line is refused whole, before any write.
   */
  async importBankStatement(
    user: AuthUser,
    fileName: string,
    content: string,
  ): Promise<BankImportResult> {
    const { lines, problems } = parseBankStatement(content);
    if (problems.length > 0) {
      throw ContributionErrors.BANK_FILE_MALFORMED(
        { count: problems.length, firstRow: problems[0].row, firstCode: problems[0].code },
        { rows: problems.slice(0, 100) },
      );
    }
    const contentSha256 = createHash('sha256').update(content).digest('hex');
    const result = await this.dataSource.transaction(async (manager) => {
      if (await manager.existsBy(BankImport, { contentSha256 }))
        throw ContributionErrors.BANK_FILE_ALREADY_IMPORTED();
      const bankImport = await manager.save(
        manager.create(BankImport, {
          fileName: fileName.trim(),
          contentSha256,
          rowCount: lines.length,
          totalCents: lines.reduce((sum, line) => sum + line.amountCents, 0),
          importedByAccountId: user.accountId,
        }),
      );
      // Arrays, not one parameter per value: 10,000 lines would exceed PostgreSQL's 65,535.
      await manager.query(
        `INSERT INTO bank_import_row (import_id, row_number, booked_on, amount_cents, reference, description)
         SELECT $1, * FROM unnest($2::int[], $3::date[], $4::bigint[], $5::text[], $6::text[])`,
        [
          bankImport.id,
          lines.map((l) => l.rowNumber),
          lines.map((l) => l.bookedOn),
          lines.map((l) => String(l.amountCents)),
          lines.map((l) => l.reference),
          lines.map((l) => l.description),
        ],
      );
      // Matching, payments and the link back to each line in one statement, in SQL.
      // An UPDATE through TypeORM's query() answers [rows, affected count].
      const [matched]: [{ payment_id: string }[], number] = await manager.query(
        `WITH matched AS MATERIALIZED (
           SELECT r.id AS row_id, c.id AS call_id, r.amount_cents, r.booked_on, r.reference,
                  gen_random_uuid() AS payment_id
           FROM bank_import_row r JOIN contribution_call c ON upper(c.reference) = upper(r.reference)
           WHERE r.import_id = $1),
         paid AS (
           INSERT INTO contribution_payment (id, call_id, amount_cents, paid_on, method, reference, note, recorded_by_account_id)
           SELECT payment_id, call_id, amount_cents, booked_on, 'transfer', reference, $3, $2 FROM matched
           RETURNING id)
         UPDATE bank_import_row r SET payment_id = m.payment_id, matched_by_account_id = $2, matched_at = now()
         FROM matched m WHERE r.id = m.row_id
         RETURNING m.payment_id`,
        [bankImport.id, user.accountId, `import ${bankImport.id}`],
      );
      const paymentIds = matched.map((m) => m.payment_id);
      const matchedCents = await this.settle(manager, paymentIds, user.accountId, null);
      const unmatched = await manager.find(BankImportRow, {
        where: { importId: bankImport.id, paymentId: IsNull() },
        order: { rowNumber: 'ASC' },
      });
      await this.audit.append(manager, {
        actorAccountId: user.accountId,
        action: 'bank_import.imported',
        entityType: 'bank_import',
        entityId: bankImport.id,
        data: {
          fileName: bankImport.fileName,
          contentSha256,
          rows: lines.length,
          matched: paymentIds.length,
          matchedCents,
          unmatched: unmatched.length,
        },
      });
      return { import: bankImport, matchedCount: paymentIds.length, matchedCents, unmatchedRows: unmatched };
    });
    await this.notifications.kick();
    return result;
  }

  /** The treasurer matches a statement line nobody's reference matched to a call. */
  async matchRow(user: AuthUser, rowId: string, callId: string): Promise<ContributionPayment> {
    const payment = await this.dataSource.transaction(async (manager) => {
      const row = await manager
        .getRepository(BankImportRow)
        .createQueryBuilder('r')
        .setLock('pessimistic_write')
        .where('r.id = :rowId', { rowId })
        .getOne();
      if (!row) throw ContributionErrors.BANK_ROW_NOT_FOUND();
      if (row.paymentId) throw ContributionErrors.BANK_ROW_ALREADY_MATCHED();
      await this.lockCall(manager, callId);
      const payment = await manager.save(
        manager.create(ContributionPayment, {
          callId,
          amountCents: row.amountCents,
          paidOn: row.bookedOn,
          method: PaymentMethod.Transfer,
          reference: row.reference,
          note: `import ${row.importId}, line ${row.rowNumber}`,
          recordedByAccountId: user.accountId,
        }),
      );
      await manager.update(
        BankImportRow,
        { id: row.id },
        { paymentId: payment.id, matchedByAccountId: user.accountId, matchedAt: new Date() },
      );
      await this.settle(manager, [payment.id], user.accountId, 'bank_import_row.matched');
      return payment;
    });
    await this.notifications.kick();
    return payment;
  }

  unmatchedRows(importId?: string): Promise<BankImportRow[]> {
    const query = this.dataSource
      .getRepository(BankImportRow)
      .createQueryBuilder('r')
      .where('r.paymentId IS NULL')
      .orderBy('r.importId')
      .addOrderBy('r.rowNumber')
      .take(1000);
    if (importId) query.andWhere('r.importId = :importId', { importId });
    return query.getMany();
  }

  /** Ledger entries of several calls in one query, in the order of `callIds`. */
  async byCalls(callIds: readonly string[]): Promise<ContributionPayment[][]> {
    const payments = await this.dataSource.getRepository(ContributionPayment).find({
      where: { callId: In([...callIds]) },
      order: { recordedAt: 'ASC' },
    });
    return callIds.map((id) => payments.filter((p) => p.callId === id));
  }

  private async lockCall(manager: EntityManager, callId: string): Promise<void> {
    const found = await manager
      .getRepository(ContributionCall)
      .createQueryBuilder('c')
      .setLock('pessimistic_write')
      .where('c.id = :callId', { callId })
      .getExists();
    if (!found) throw ContributionErrors.CALL_NOT_FOUND();
  }

  /**
   * After new payments: recompute their calls' status, send each member a
   * receipt, and (for single entries) audit them. Returns the cents received.
   */
  private async settle(
    manager: EntityManager,
    paymentIds: string[],
    actorAccountId: string | null,
    auditAction: string | null,
  ): Promise<number> {
    if (paymentIds.length === 0) return 0;
    const rows: {
      id: string;
      call_id: string;
      amount_cents: string;
      paid_on: string;
      reference: string;
      member_id: string;
      email: string;
      locale: Locale;
      display_name: string;
    }[] = await manager.query(
      `SELECT p.id, p.call_id, p.amount_cents::text, to_char(p.paid_on, 'YYYY-MM-DD') AS paid_on, c.reference,
              m.id AS member_id, m.email, m.locale, m.display_name
       FROM contribution_payment p JOIN contribution_call c ON c.id = p.call_id JOIN member m ON m.id = c.member_id
       WHERE p.id = ANY($1::uuid[])`,
      [paymentIds],
    );
    const callIds = [...new Set(rows.map((r) => r.call_id))];
    await this.calls.refreshStatus(manager, callIds);
    const outstanding = new Map<string, number>(
      (
        await manager.query(
          `SELECT b.id, b.outstanding_cents::text AS outstanding FROM (${CALL_BALANCES}) b WHERE b.id = ANY($1::uuid[])`,
          [callIds],
        )
      ).map((r: { id: string; outstanding: string }) => [r.id, Number(r.outstanding)]),
    );
    await enqueueInChunks(
      this.notifications,
      manager,
      rows.map((r) => ({
        kind: NotificationKind.ContributionPaymentReceived,
        dedupeKey: `contribution-payment:${r.id}`,
        recipientEmail: r.email,
        recipientMemberId: r.member_id,
        locale: r.locale,
        params: {
          name: r.display_name,
          amount: formatCents(Number(r.amount_cents), r.locale),
          paidOn: r.paid_on,
          reference: r.reference,
          outstanding: formatCents(outstanding.get(r.call_id) ?? 0, r.locale),
        },
      })),
    );
    if (auditAction) {
      for (const r of rows) {
        await this.audit.append(manager, {
          actorAccountId,
          action: auditAction,
          entityType: 'contribution_payment',
          entityId: r.id,
          data: { callId: r.call_id, amountCents: Number(r.amount_cents), paidOn: r.paid_on },
        });
      }
    }
    return rows.reduce((sum, r) => sum + Number(r.amount_cents), 0);
  }
}
