import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import { AuditService } from '@delibera/audit';
import {
  AuthUser,
  Locale,
  lockById,
  PgErrorCode,
  quebecDate,
  violatedConstraint,
} from '@delibera/kernel';
import { NotificationKind, NotificationsService } from '@delibera/notifications';
import { parseBankStatement } from './bank-statement-csv';
import { CALL_BALANCES } from './call-sql';
import { CallsService } from './calls.service';
import { ContributionErrors } from './contributions.errors';
import { PaymentMethod } from './contributions.enums';
import { BankImport, BankImportRow, ContributionCall, ContributionPayment } from './entities';
import { formatCents } from './money';

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
    if (input.method === PaymentMethod.Credit) throw ContributionErrors.CREDIT_ENTRY_RESERVED();
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
      // A credit transfer has two entries on two calls: reversing one would count the credit twice.
      if (original.creditCallId) throw ContributionErrors.CREDIT_ENTRY_RESERVED();
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
            paidOn: quebecDate(),
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
      // One statement over arrays (10,000 lines would exceed PostgreSQL's 65,535
      // parameters): lines matched to a call by reference become payments, and
      // every line is stored with its payment, if any, for manual matching later.
      // Its row estimates over unnest() are far off (millions), which would make
      // PostgreSQL JIT-compile it: slower than running it, for this transaction only.
      await manager.query('SET LOCAL jit = off');
      const matched: { payment_id: string }[] = await manager.query(
        `WITH line AS (
           SELECT * FROM unnest($2::int[], $3::date[], $4::bigint[], $5::text[], $6::text[])
             AS t(row_number, booked_on, amount_cents, reference, description)),
         matched AS MATERIALIZED (
           SELECT line.row_number, line.amount_cents, line.booked_on, line.reference,
                  c.id AS call_id, gen_random_uuid() AS payment_id
           FROM line JOIN contribution_call c ON upper(c.reference) = upper(line.reference)),
         paid AS (
           INSERT INTO contribution_payment (id, call_id, amount_cents, paid_on, method, reference, note, recorded_by_account_id)
           SELECT payment_id, call_id, amount_cents, booked_on, 'transfer', reference, $8, $7 FROM matched
           RETURNING id)
         INSERT INTO bank_import_row
           (import_id, row_number, booked_on, amount_cents, reference, description, payment_id, matched_by_account_id, matched_at)
         SELECT $1, line.*, m.payment_id,
                CASE WHEN m.payment_id IS NOT NULL THEN $7::uuid END,
                CASE WHEN m.payment_id IS NOT NULL THEN now() END
         FROM line LEFT JOIN matched m USING (row_number)
         RETURNING payment_id`,
        [
          bankImport.id,
          lines.map((l) => l.rowNumber),
          lines.map((l) => l.bookedOn),
          lines.map((l) => String(l.amountCents)),
          lines.map((l) => l.reference),
          lines.map((l) => l.description),
          user.accountId,
          `import ${bankImport.id}`,
        ],
      );
      const paymentIds = matched.flatMap((m) => (m.payment_id ? [m.payment_id] : []));
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
      return {
        import: bankImport,
        matchedCount: paymentIds.length,
        matchedCents,
        unmatchedRows: unmatched,
      };
    });
    await this.notifications.kick();
    return result;
  }

  /** The treasurer matches a statement line nobody's reference matched to a call. */
  async matchRow(user: AuthUser, rowId: string, callId: string): Promise<ContributionPayment> {
    const payment = await this.dataSource.transaction(async (manager) => {
      const row = await lockById(manager, BankImportRow, rowId);
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
    const call = await lockById(manager, ContributionCall, callId);
    if (!call) throw ContributionErrors.CALL_NOT_FOUND();
  }

  /**
   * After new payments: recompute their calls' status, send one receipt per
   * call (an import paying a call three times sends one receipt for the three),
   * and audit single entries (imports audit themselves). Returns the cents received.
   */
  private async settle(
    manager: EntityManager,
    paymentIds: string[],
    actorAccountId: string | null,
    auditAction: string | null,
  ): Promise<number> {
    if (paymentIds.length === 0) return 0;
    const callIds: string[] = (
      await manager.query(
        `SELECT DISTINCT call_id FROM contribution_payment WHERE id = ANY($1::uuid[])`,
        [paymentIds],
      )
    ).map((r: { call_id: string }) => r.call_id);
    await this.calls.refreshStatus(manager, callIds);
    const receipts: {
      first_payment_id: string;
      call_id: string;
      amount_cents: string;
      paid_on: string;
      reference: string;
      outstanding_cents: string;
      member_id: string;
      email: string;
      locale: Locale;
      display_name: string;
    }[] = await manager.query(
      `WITH batch AS (
         SELECT call_id, min(id::text) AS first_payment_id, sum(amount_cents) AS amount_cents, max(paid_on) AS paid_on
         FROM contribution_payment WHERE id = ANY($1::uuid[]) GROUP BY call_id)
       SELECT batch.first_payment_id, batch.call_id, batch.amount_cents::text, to_char(batch.paid_on, 'YYYY-MM-DD') AS paid_on,
              b.reference, b.outstanding_cents::text, m.id AS member_id, m.email, m.locale, m.display_name
       FROM batch JOIN (${CALL_BALANCES}) b ON b.id = batch.call_id JOIN member m ON m.id = b.member_id`,
      [paymentIds],
    );
    await this.notifications.enqueue(
      manager,
      receipts.map((r) => ({
        kind: NotificationKind.ContributionPaymentReceived,
        dedupeKey: `contribution-payment:${r.first_payment_id}`,
        recipientEmail: r.email,
        recipientMemberId: r.member_id,
        locale: r.locale,
        params: {
          name: r.display_name,
          amount: formatCents(Number(r.amount_cents), r.locale),
          paidOn: r.paid_on,
          reference: r.reference,
          outstanding: formatCents(Number(r.outstanding_cents), r.locale),
        },
      })),
    );
    if (auditAction) {
      for (const r of receipts) {
        await this.audit.append(manager, {
          actorAccountId,
          action: auditAction,
          entityType: 'contribution_payment',
          entityId: r.first_payment_id,
          data: { callId: r.call_id, amountCents: Number(r.amount_cents), paidOn: r.paid_on },
        });
      }
    }
    return receipts.reduce((sum, r) => sum + Number(r.amount_cents), 0);
  }
}
