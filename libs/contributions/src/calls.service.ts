import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '@delibera/audit';
import { AuthUser, ConnectionShape, Locale, lockById } from '@delibera/kernel';
import { NotificationKind, NotificationsService } from '@delibera/notifications';
import { CALL_BALANCES, CARRY_CREDIT, ISSUE_CALLS, REFRESH_CALL_STATUS } from './call-sql';
import { ContributionErrors } from './contributions.errors';
import { CallStatus, ScaleStatus } from './contributions.enums';
import { ContributionCall } from './entities';
import { formatCents } from './money';
import { offsetPage, PageRequest } from './raw-page';

/** A call with what its ledger says (see CALL_BALANCES). */
export interface CallBalance {
  id: string;
  scaleId: string;
  memberId: string;
  reference: string;
  fullAmountCents: number;
  amountCents: number;
  proratedMonths: number | null;
  dueOn: string;
  status: CallStatus;
  waivedCents: number;
  waiverBoardDecision: string | null;
  waiverReason: string | null;
  receivedCents: number;
  paidCents: number;
  outstandingCents: number;
  creditCents: number;
  issuedAt: Date;
}

export interface CallFilter {
  scaleId?: string;
  memberId?: string;
  status?: CallStatus;
}

interface BalanceRow {
  id: string;
  scale_id: string;
  member_id: string;
  reference: string;
  full_amount_cents: string;
  amount_cents: string;
  prorated_months: number | null;
  due_on: string;
  status: CallStatus;
  waived_cents: string;
  waiver_board_decision: string | null;
  waiver_reason: string | null;
  received_cents: string;
  paid_cents: string;
  outstanding_cents: string;
  credit_cents: string;
  issued_at: Date;
}

const toBalance = (r: BalanceRow): CallBalance => ({
  id: r.id,
  scaleId: r.scale_id,
  memberId: r.member_id,
  reference: r.reference,
  fullAmountCents: Number(r.full_amount_cents),
  amountCents: Number(r.amount_cents),
  proratedMonths: r.prorated_months,
  dueOn: r.due_on,
  status: r.status,
  waivedCents: Number(r.waived_cents),
  waiverBoardDecision: r.waiver_board_decision,
  waiverReason: r.waiver_reason,
  receivedCents: Number(r.received_cents),
  paidCents: Number(r.paid_cents),
  outstandingCents: Number(r.outstanding_cents),
  creditCents: Number(r.credit_cents),
  issuedAt: r.issued_at,
});

/** The balance columns, with dates as text so they are not shifted by a time zone. */
const BALANCE_SELECT = `SELECT b.id, b.scale_id, b.member_id, b.reference, b.full_amount_cents, b.amount_cents,
  b.prorated_months, to_char(b.due_on, 'YYYY-MM-DD') AS due_on, b.status, b.waived_cents, b.waiver_board_decision,
  b.waiver_reason, b.received_cents, b.paid_cents, b.outstanding_cents, b.credit_cents, b.issued_at
  FROM (${CALL_BALANCES}) b`;

@Injectable()
export class CallsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
  ) {}

  /**
   * Issues the calls an adopted scale still owes, inside the caller's
   * transaction, and writes a notice per new call to the outbox. Running it
   * again creates nothing: at most one call per (scale, member).
   */
  async issue(manager: EntityManager, scaleId: string, actorAccountId: string | null) {
    const fiscalYear: number = (
      await manager.query(`SELECT fiscal_year FROM contribution_scale WHERE id = $1`, [scaleId])
    )[0].fiscal_year;
    const issued: {
      id: string;
      reference: string;
      amount_cents: string;
      due_on: string;
      member_id: string;
      email: string;
      locale: Locale;
      display_name: string;
      tier_id: string | null;
    }[] = await manager.query(ISSUE_CALLS, [scaleId]);
    await manager.query(
      `UPDATE contribution_scale SET calls_issued_at = coalesce(calls_issued_at, now()) WHERE id = $1`,
      [scaleId],
    );
    if (issued.length === 0) return 0;
    const credited = await this.carryCredit(manager, issued, fiscalYear, scaleId, actorAccountId);
    await this.notifications.enqueue(
      manager,
      issued.map((call) => {
        const amount = Number(call.amount_cents);
        const credit = credited.get(call.id) ?? 0;
        return {
          kind: NotificationKind.ContributionCall,
          dedupeKey: `contribution-call:${call.id}`,
          recipientEmail: call.email,
          recipientMemberId: call.member_id,
          locale: call.locale,
          params: {
            name: call.display_name,
            // Individual members are asked their dues, not their organisation's contribution.
            ...(call.tier_id ? {} : { individual: 1 }),
            fiscalYear,
            amount: formatCents(amount, call.locale),
            dueOn: call.due_on,
            reference: call.reference,
            ...(credit > 0
              ? {
                  credit: formatCents(credit, call.locale),
                  outstanding: formatCents(amount - credit, call.locale),
                }
              : {}),
          },
        };
      }),
    );
    await this.audit.append(manager, {
      actorAccountId,
      action: 'contribution_calls.issued',
      entityType: 'contribution_scale',
      entityId: scaleId,
      data: {
        calls: issued.length,
        totalCents: issued.reduce((sum, call) => sum + Number(call.amount_cents), 0),
      },
    });
    return issued.length;
  }

  /**
   * Carries the credit the newly called members hold on calls of earlier
   * fiscal years to their new call (CARRY_CREDIT), after locking those earlier
   * calls so no payment or reversal lands on them meanwhile. Returns the credit
   * applied per new call.
   */
  private async carryCredit(
    manager: EntityManager,
    issued: { id: string; member_id: string }[],
    fiscalYear: number,
    scaleId: string,
    actorAccountId: string | null,
  ): Promise<Map<string, number>> {
    await manager.query(
      `SELECT c.id FROM contribution_call c JOIN contribution_scale s ON s.id = c.scale_id
       WHERE c.member_id = ANY($1::uuid[]) AND s.fiscal_year < $2
         AND EXISTS (SELECT 1 FROM contribution_payment p WHERE p.call_id = c.id)
       ORDER BY c.id FOR UPDATE OF c`,
      [issued.map((call) => call.member_id), fiscalYear],
    );
    const transfers: { from_call: string; to_call: string; cents: string }[] = await manager.query(
      CARRY_CREDIT,
      [issued.map((call) => call.id), fiscalYear],
    );
    const credited = new Map<string, number>();
    if (transfers.length === 0) return credited;
    for (const t of transfers)
      credited.set(t.to_call, (credited.get(t.to_call) ?? 0) + Number(t.cents));
    await this.refreshStatus(manager, [
      ...new Set(transfers.flatMap((t) => [t.from_call, t.to_call])),
    ]);
    await this.audit.append(manager, {
      actorAccountId,
      action: 'contribution_credit.carried',
      entityType: 'contribution_scale',
      entityId: scaleId,
      data: {
        transfers: transfers.map((t) => ({
          fromCallId: t.from_call,
          toCallId: t.to_call,
          cents: Number(t.cents),
        })),
        totalCents: transfers.reduce((sum, t) => sum + Number(t.cents), 0),
      },
    });
    return credited;
  }

  /** Issues, in its own transaction, what an adopted scale still owes (organisations admitted since). */
  async issueOutstanding(scaleId: string): Promise<number> {
    const issued = await this.dataSource.transaction(async (manager) => {
      const [scale] = await manager.query(
        `SELECT status FROM contribution_scale WHERE id = $1 FOR UPDATE`,
        [scaleId],
      );
      if (scale?.status !== ScaleStatus.Adopted) return 0;
      return this.issue(manager, scaleId, null);
    });
    if (issued > 0) await this.notifications.kick();
    return issued;
  }

  /** Adopted scales with an active organisation in a tier (or an individual member owing dues) not called yet. */
  async scalesOwingCalls(): Promise<{ scaleId: string; calls: number }[]> {
    const rows: { id: string; calls: number }[] = await this.dataSource.query(
      `SELECT s.id, (SELECT count(*) FROM contribution_call c WHERE c.scale_id = s.id)::int AS calls
       FROM contribution_scale s
       WHERE s.status = 'adopted' AND s.calls_issued_at IS NOT NULL
         AND EXISTS (
           SELECT 1 FROM contribution_tier t
           JOIN member m ON m.kind = 'organisation' AND m.status = 'active'
            AND m.organisation_category = t.organisation_category AND m.size_band = t.size_band
           WHERE t.scale_id = s.id
             AND (m.admitted_at IS NULL OR m.admitted_at < s.fiscal_year_starts_on + interval '1 year')
             AND NOT EXISTS (SELECT 1 FROM contribution_call c WHERE c.scale_id = s.id AND c.member_id = m.id))
       UNION
       SELECT s.id, (SELECT count(*) FROM contribution_call c WHERE c.scale_id = s.id)::int AS calls
       FROM contribution_scale s
       WHERE s.status = 'adopted' AND s.calls_issued_at IS NOT NULL AND s.individual_dues_cents > 0
         AND EXISTS (
           SELECT 1 FROM member m
           WHERE m.kind = 'person' AND m.status = 'active'
             AND (m.admitted_at IS NULL OR m.admitted_at < s.fiscal_year_starts_on + interval '1 year')
             AND NOT EXISTS (SELECT 1 FROM contribution_call c WHERE c.scale_id = s.id AND c.member_id = m.id))`,
    );
    return rows.map((r) => ({ scaleId: r.id, calls: r.calls }));
  }

  /** Scales whose calls have passed their due date with money outstanding, and the earliest such date. */
  async scalesWithOverdueCalls(today: string): Promise<{ scaleId: string; dueOn: string }[]> {
    const rows: { scale_id: string; due_on: string }[] = await this.dataSource.query(
      `SELECT scale_id, to_char(max(due_on), 'YYYY-MM-DD') AS due_on FROM contribution_call
       WHERE status IN ('due', 'partially_paid') AND due_on < $1 GROUP BY scale_id`,
      [today],
    );
    return rows.map((r) => ({ scaleId: r.scale_id, dueOn: r.due_on }));
  }

  /**
   * Marks a scale's calls past due with money outstanding as overdue and
   * reminds each organisation, once: a second run finds nothing left to mark.
   */
  async markOverdue(scaleId: string, today: string): Promise<number> {
    const marked = await this.dataSource.transaction(async (manager) => {
      const rows: {
        id: string;
        reference: string;
        due_on: string;
        outstanding: string;
        member_id: string;
        email: string;
        locale: Locale;
        display_name: string;
      }[] = await manager.query(
        `WITH marked AS (
           UPDATE contribution_call c SET status = 'overdue', overdue_at = now()
           WHERE c.scale_id = $1 AND c.status IN ('due', 'partially_paid') AND c.due_on < $2
           RETURNING c.id)
         SELECT b.id, b.reference, to_char(b.due_on, 'YYYY-MM-DD') AS due_on, b.outstanding_cents::text AS outstanding,
                m.id AS member_id, m.email, m.locale, m.display_name
         FROM (${CALL_BALANCES}) b JOIN marked USING (id) JOIN member m ON m.id = b.member_id`,
        [scaleId, today],
      );
      if (rows.length === 0) return 0;
      await this.notifications.enqueue(
        manager,
        rows.map((call) => ({
          kind: NotificationKind.ContributionOverdue,
          dedupeKey: `contribution-overdue:${call.id}`,
          recipientEmail: call.email,
          recipientMemberId: call.member_id,
          locale: call.locale,
          params: {
            name: call.display_name,
            reference: call.reference,
            dueOn: call.due_on,
            outstanding: formatCents(Number(call.outstanding), call.locale),
          },
        })),
      );
      await this.audit.append(manager, {
        actorAccountId: null,
        action: 'contribution_calls.overdue',
        entityType: 'contribution_scale',
        entityId: scaleId,
        data: { calls: rows.length, before: today },
      });
      return rows.length;
    });
    if (marked > 0) await this.notifications.kick();
    return marked;
  }

  /** Recomputes the status of these calls from their ledger, in the caller's transaction. */
  async refreshStatus(manager: EntityManager, callIds: string[]): Promise<void> {
    if (callIds.length > 0) await manager.query(REFRESH_CALL_STATUS, [callIds]);
  }

  async balance(callId: string, manager: EntityManager = this.dataSource.manager) {
    const [row] = await manager.query(`${BALANCE_SELECT} WHERE b.id = $1`, [callId]);
    if (!row) throw ContributionErrors.CALL_NOT_FOUND();
    return toBalance(row as BalanceRow);
  }

  async balances(filter: CallFilter, page: PageRequest): Promise<ConnectionShape<CallBalance>> {
    const conditions: string[] = [];
    const params: unknown[] = [];
    for (const [column, value] of [
      ['scale_id', filter.scaleId],
      ['member_id', filter.memberId],
      ['status', filter.status],
    ] as const) {
      if (value === undefined) continue;
      params.push(value);
      conditions.push(`b.${column} = $${params.length}`);
    }
    const where = conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
    return offsetPage(
      page,
      async (limit, offset) =>
        (
          (await this.dataSource.query(
            `${BALANCE_SELECT} ${where} ORDER BY b.issued_at DESC, b.reference LIMIT ${limit} OFFSET ${offset}`,
            params,
          )) as BalanceRow[]
        ).map(toBalance),
      async () =>
        (
          await this.dataSource.query(
            `SELECT count(*)::int AS n FROM contribution_call b ${where}`,
            params,
          )
        )[0].n,
    );
  }

  /**
   * A board-approved waiver or reduction, recorded on the call with the
   * decision's reference. It cannot exceed what is still outstanding.
   */
  async waive(
    user: AuthUser,
    input: { callId: string; amountCents: number; boardDecision: string; reason?: string },
  ): Promise<CallBalance> {
    if (input.amountCents <= 0) throw ContributionErrors.NEGATIVE_AMOUNT({ field: 'amountCents' });
    if (!input.boardDecision.trim()) throw ContributionErrors.WAIVER_NEEDS_BOARD_DECISION();
    return this.dataSource.transaction(async (manager) => {
      const call = await lockById(manager, ContributionCall, input.callId);
      if (!call) throw ContributionErrors.CALL_NOT_FOUND();
      if (call.waivedCents > 0) throw ContributionErrors.WAIVER_EXISTS();
      const before = await this.balance(call.id, manager);
      if (input.amountCents > before.outstandingCents) {
        throw ContributionErrors.WAIVER_EXCEEDS_OUTSTANDING({
          waived: formatCents(input.amountCents),
          outstanding: formatCents(before.outstandingCents),
        });
      }
      await manager.update(
        ContributionCall,
        { id: call.id },
        {
          waivedCents: input.amountCents,
          waiverBoardDecision: input.boardDecision.trim(),
          waiverReason: input.reason?.trim() || null,
          waivedByAccountId: user.accountId,
          waivedAt: new Date(),
        },
      );
      await this.refreshStatus(manager, [call.id]);
      await this.audit.append(manager, {
        actorAccountId: user.accountId,
        action: 'contribution_call.waived',
        entityType: 'contribution_call',
        entityId: call.id,
        data: {
          waivedCents: input.amountCents,
          boardDecision: input.boardDecision.trim(),
          reason: input.reason ?? null,
        },
      });
      return this.balance(call.id, manager);
    });
  }

  /** Credit a member holds from overpayments, across all their calls. */
  async memberCredit(memberId: string): Promise<number> {
    const [{ credit }] = await this.dataSource.query(
      `SELECT coalesce(sum(b.credit_cents), 0)::text AS credit FROM (${CALL_BALANCES}) b WHERE b.member_id = $1`,
      [memberId],
    );
    return Number(credit);
  }
}
