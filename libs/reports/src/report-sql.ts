/**
 * SQL fragments the reports share, so every report cuts members the same way.
 * They read `member` (alias m) directly: reports are set-based aggregates over
 * the whole membership, which no per-member service call could compute.
 */

/** The trust's time zone: months and fiscal years are counted in Montréal time. */
export const TZ = `'America/Montreal'`;

/**
 * Whether a calendar day (a date column) overlaps the period [$1, $2): its
 * Montréal midnight-to-midnight span, so a period ending now includes today.
 */
export function dayInPeriodSql(day: string): string {
  return `((${day})::timestamp AT TIME ZONE ${TZ} < $2 AND ((${day}) + 1)::timestamp AT TIME ZONE ${TZ} > $1)`;
}

/** Age band of member m on a date (SQL expression of type date). Organisations have none. */
export function ageBandSql(onDate: string): string {
  return `CASE WHEN m.kind = 'organisation' THEN 'not_applicable'
               WHEN m.birth_date IS NULL THEN 'unknown'
               WHEN date_part('year', age(${onDate}, m.birth_date)) < 30 THEN 'under_30'
               WHEN date_part('year', age(${onDate}, m.birth_date)) < 45 THEN '30_44'
               WHEN date_part('year', age(${onDate}, m.birth_date)) < 65 THEN '45_64'
               ELSE '65_plus' END`;
}

/** Member category: `person` for people, the organisation's category otherwise. */
export const MEMBER_CATEGORY_SQL = `CASE WHEN m.kind = 'person' THEN 'person' ELSE m.organisation_category::text END`;

/**
 * Every member's status at instant `at`, as SQL selecting (member_id, status),
 * from the status history read in one pass (not a lookup per member): the
 * last change by then, else the status the first later change left, else (no
 * history) the current status — or applicant before admission. A member not
 * yet known at that instant has a null status.
 */
export function statusesAtSql(at: string): string {
  return `SELECT m.id AS member_id,
           CASE WHEN least(m.created_at, coalesce(m.admitted_at, m.created_at)) > ${at} THEN NULL
                ELSE coalesce(before.to_status, after.from_status,
                              CASE WHEN m.admitted_at > ${at} THEN 'applicant'::member_status ELSE m.status END)
           END AS status
    FROM member m
    LEFT JOIN (SELECT DISTINCT ON (member_id) member_id, to_status FROM member_status_change
               WHERE changed_at <= ${at} ORDER BY member_id, changed_at DESC, id DESC) before ON before.member_id = m.id
    LEFT JOIN (SELECT DISTINCT ON (member_id) member_id, from_status FROM member_status_change
               WHERE changed_at > ${at} ORDER BY member_id, changed_at, id) after ON after.member_id = m.id`;
}

/**
 * Whether member m could sit on council c on a date: the council's age band
 * (people only), regions and, for councils requiring a practice, being a
 * person (the practice itself is approved by the chair, case by case).
 */
export function councilEligibleSql(onDate: string): string {
  return `(
    (NOT (c.eligibility ? 'minAge' OR c.eligibility ? 'maxAge' OR coalesce((c.eligibility->>'requiresApprovedPractice')::boolean, false))
       OR m.kind = 'person')
    AND (NOT (c.eligibility ? 'minAge') OR (m.birth_date IS NOT NULL AND date_part('year', age(${onDate}, m.birth_date)) >= (c.eligibility->>'minAge')::int))
    AND (NOT (c.eligibility ? 'maxAge') OR (m.birth_date IS NOT NULL AND date_part('year', age(${onDate}, m.birth_date)) <= (c.eligibility->>'maxAge')::int))
    AND (coalesce(jsonb_array_length(c.eligibility->'regions'), 0) = 0
         OR c.eligibility->'regions' ? m.region::text))`;
}
