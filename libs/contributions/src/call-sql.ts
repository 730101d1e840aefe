/**
 * The SQL the campaign is computed with, in one place so that the simulation,
 * the issuing of calls and the campaign report agree to the cent. These read
 * the `member` table directly (read-only): they are set-based aggregates over
 * thousands of organisations, which no per-member service call could do in
 * one statement.
 */

/** Fiscal years are counted in Québec's time zone: an admission at 23:30 on March 31 is in March. */
const TZ = `'America/Toronto'`;

/** Days a late-admitted organisation has to pay, when the scale's due date is already near or past. */
export const LATE_ADMISSION_PAYMENT_DAYS = 30;

/** Months of the fiscal year elapsed before the admission month (≤ 0 when admitted before the year). */
const MONTHS_ELAPSED = `((EXTRACT(YEAR FROM m.admitted_at AT TIME ZONE ${TZ})::int - EXTRACT(YEAR FROM s.fiscal_year_starts_on)::int) * 12
  + EXTRACT(MONTH FROM m.admitted_at AT TIME ZONE ${TZ})::int - EXTRACT(MONTH FROM s.fiscal_year_starts_on)::int)`;

/**
 * The amount, pro-rated months and due date of a call of `amount` (a full
 * year) to member `m` under scale `s`: the full amount, or — under the
 * remaining-months rule, for a member admitted during the fiscal year —
 * amount × remaining months / 12, rounded half up to the cent in integer arithmetic.
 */
const callTerms = (amount: string) => `
         ${amount} AS full_amount_cents,
         CASE WHEN s.proration_rule = 'remaining_months' AND m.admitted_at IS NOT NULL AND ${MONTHS_ELAPSED} > 0
              THEN (${amount} * (12 - ${MONTHS_ELAPSED}) + 6) / 12
              ELSE ${amount} END AS amount_cents,
         CASE WHEN s.proration_rule = 'remaining_months' AND m.admitted_at IS NOT NULL AND ${MONTHS_ELAPSED} > 0
              THEN 12 - ${MONTHS_ELAPSED} END AS prorated_months,
         GREATEST(s.due_on, (m.admitted_at AT TIME ZONE ${TZ})::date + ${LATE_ADMISSION_PAYMENT_DAYS}) AS due_on`;

/** Members admitted after the fiscal year belong to the next year's scale. */
const ADMITTED_IN_TIME = `(m.admitted_at IS NULL OR ${MONTHS_ELAPSED} < 12)`;

/**
 * Every active member organisation a scale calls, with its tier and amount
 * (see callTerms). Parameter $1: the scale id.
 */
export const CALLED_ORGANISATIONS = `
  SELECT s.id AS scale_id, s.fiscal_year, t.id AS tier_id, m.id AS member_id,
         t.organisation_category, t.size_band, m.region, m.display_name, ${callTerms('t.amount_cents')}
  FROM contribution_scale s
  JOIN contribution_tier t ON t.scale_id = s.id
  JOIN member m ON m.kind = 'organisation' AND m.status = 'active'
   AND m.organisation_category = t.organisation_category AND m.size_band = t.size_band
   AND ${ADMITTED_IN_TIME}
  WHERE s.id = $1`;

/**
 * Every active individual member a scale with individual dues calls (no
 * tier), with the same pro-rating. Parameter $1: the scale id.
 */
export const CALLED_INDIVIDUALS = `
  SELECT s.id AS scale_id, s.fiscal_year, NULL::uuid AS tier_id, m.id AS member_id,
         NULL::organisation_category AS organisation_category, NULL::size_band AS size_band,
         m.region, m.display_name, ${callTerms('s.individual_dues_cents')}
  FROM contribution_scale s
  JOIN member m ON m.kind = 'person' AND m.status = 'active' AND ${ADMITTED_IN_TIME}
  WHERE s.id = $1 AND s.individual_dues_cents > 0`;

/**
 * Issues the calls a scale still owes — its organisations' and, when it has
 * individual dues, its individual members' — at most one per (scale, member): the
 * NOT EXISTS skips those already called cheaply, the unique constraint and
 * ON CONFLICT make a concurrent run harmless. Returns what the notices need.
 */
export const ISSUE_CALLS = `
  WITH called AS (${CALLED_ORGANISATIONS} UNION ALL ${CALLED_INDIVIDUALS}),
  inserted AS (
    INSERT INTO contribution_call
      (scale_id, tier_id, member_id, reference, full_amount_cents, amount_cents, prorated_months, due_on, status)
    SELECT c.scale_id, c.tier_id, c.member_id,
           'CT' || c.fiscal_year || '-' || lpad(nextval('contribution_call_reference_seq')::text, 6, '0'),
           c.full_amount_cents, c.amount_cents, c.prorated_months, c.due_on, 'due'
    FROM called c
    WHERE NOT EXISTS (SELECT 1 FROM contribution_call x WHERE x.scale_id = c.scale_id AND x.member_id = c.member_id)
    ORDER BY c.display_name, c.member_id
    ON CONFLICT (scale_id, member_id) DO NOTHING
    RETURNING id, member_id, tier_id, reference, amount_cents, due_on)
  SELECT i.id, i.tier_id, i.reference, i.amount_cents::text AS amount_cents, to_char(i.due_on, 'YYYY-MM-DD') AS due_on,
         m.id AS member_id, m.email, m.locale, m.display_name
  FROM inserted i JOIN member m ON m.id = i.member_id`;

/**
 * Each call with what its ledger says: received (all entries, reversals
 * included: the ledger's sum kept on the call, see migration 1795300001700),
 * paid (what counts against the call), outstanding, and credit (received
 * beyond what was due, held for the member).
 */
export const CALL_BALANCES = `
  SELECT c.*,
         LEAST(c.received_cents, c.amount_cents - c.waived_cents) AS paid_cents,
         GREATEST(c.amount_cents - c.waived_cents - c.received_cents, 0) AS outstanding_cents,
         GREATEST(c.received_cents - (c.amount_cents - c.waived_cents), 0) AS credit_cents
  FROM contribution_call c`;

/**
 * Recomputes the status of some calls ($1: uuid[]) from what they received, in
 * the transaction that changed their ledger (its trigger has already added the
 * new entries). Overdue stays overdue until the call is settled.
 */
export const REFRESH_CALL_STATUS = `
  UPDATE contribution_call c SET status = (CASE
      WHEN c.waived_cents > 0 AND c.waived_cents = c.amount_cents THEN 'waived'
      WHEN c.received_cents >= c.amount_cents - c.waived_cents THEN 'paid'
      WHEN c.overdue_at IS NOT NULL THEN 'overdue'
      WHEN c.received_cents > 0 THEN 'partially_paid'
      ELSE 'due' END)::contribution_call_status
  WHERE c.id = ANY($1::uuid[])`;

/**
 * Carries members' credit to calls just issued ($1: their ids) from their
 * calls of earlier fiscal years ($2: the new calls' fiscal year), oldest
 * first, up to each new call's amount. Each transfer is two `credit` entries
 * of the same amount: negative on the call holding the credit, positive on the
 * new call, each naming the other, so the ledger's total does not move and
 * the credit cannot be counted twice (once as credit, once as paid). The
 * caller holds the earlier calls' row locks. Returns one row per transfer.
 */
export const CARRY_CREDIT = `
  WITH target AS (
    SELECT c.id, c.member_id, c.reference, c.amount_cents - c.waived_cents AS due_cents
    FROM contribution_call c WHERE c.id = ANY($1::uuid[])),
  source AS (
    SELECT b.id, b.member_id, b.reference, b.credit_cents,
           coalesce(sum(b.credit_cents) OVER (PARTITION BY b.member_id ORDER BY s.fiscal_year, b.issued_at, b.id
                      ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS carried_before
    FROM (${CALL_BALANCES}) b JOIN contribution_scale s ON s.id = b.scale_id
    WHERE b.member_id IN (SELECT member_id FROM target) AND s.fiscal_year < $2 AND b.credit_cents > 0),
  transfer AS (
    SELECT src.id AS from_call, src.reference AS from_reference, t.id AS to_call, t.reference AS to_reference,
           LEAST(src.credit_cents, t.due_cents - src.carried_before) AS cents
    FROM source src JOIN target t USING (member_id)
    WHERE t.due_cents > src.carried_before),
  entries AS (
    INSERT INTO contribution_payment (call_id, amount_cents, credit_call_id, paid_on, method, reference, note)
    SELECT from_call, -cents, to_call, (now() AT TIME ZONE ${TZ})::date, 'credit'::payment_method, to_reference, 'credit carried to the next call'
    FROM transfer
    UNION ALL
    SELECT to_call, cents, from_call, (now() AT TIME ZONE ${TZ})::date, 'credit'::payment_method, from_reference, 'credit carried from an earlier call'
    FROM transfer
    RETURNING id)
  SELECT from_call, to_call, cents::text AS cents FROM transfer`;
