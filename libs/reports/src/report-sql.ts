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
 * Written as a range of dates (from the day $1 falls on to the day of the
 * instant just before $2), which an index or the planner's statistics can use.
 */
export function dayInPeriodSql(day: string): string {
  return `((${day}) >= ($1::timestamptz AT TIME ZONE ${TZ})::date
          AND (${day}) <= (($2::timestamptz AT TIME ZONE ${TZ}) - interval '1 microsecond')::date)`;
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
 * Member m's status at instant `at`, from the status history read in one
 * pass (not a lookup per member): `joins` go after `FROM member m`, `status`
 * is the expression. The last change by then, else the status the first
 * later change left, else (no history) the current status — or applicant
 * before admission; null for a member not yet known at that instant.
 * `name` keeps the joins of several instants apart. Both lookups follow
 * the (member_id, changed_at, id) history index, the last change by reading
 * it backwards (members in descending order: any order of members does).
 */
export function statusAt(at: string, name: string): { joins: string; status: string } {
  return {
    joins: `
    LEFT JOIN (SELECT DISTINCT ON (member_id) member_id, to_status FROM member_status_change
               WHERE changed_at <= ${at} ORDER BY member_id DESC, changed_at DESC, id DESC) ${name}_before
      ON ${name}_before.member_id = m.id
    LEFT JOIN (SELECT DISTINCT ON (member_id) member_id, from_status FROM member_status_change
               WHERE changed_at > ${at} ORDER BY member_id, changed_at, id) ${name}_after
      ON ${name}_after.member_id = m.id`,
    status: `(CASE WHEN least(m.created_at, coalesce(m.admitted_at, m.created_at)) > ${at} THEN NULL
                ELSE coalesce(${name}_before.to_status, ${name}_after.from_status,
                              CASE WHEN m.admitted_at > ${at} THEN 'applicant'::member_status ELSE m.status END)
           END)`,
  };
}

/**
 * Whether members of group g (kind, region, age_years on the day) could sit
 * on council c: its age band (people only), regions and, for councils
 * requiring a practice, being a person (the chair approves the practice).
 */
export const COUNCIL_ELIGIBLE_SQL = `(
    (NOT (c.eligibility ? 'minAge' OR c.eligibility ? 'maxAge' OR coalesce((c.eligibility->>'requiresApprovedPractice')::boolean, false))
       OR g.kind = 'person'::member_kind)
    AND (NOT (c.eligibility ? 'minAge') OR g.age_years >= (c.eligibility->>'minAge')::int)
    AND (NOT (c.eligibility ? 'maxAge') OR g.age_years <= (c.eligibility->>'maxAge')::int)
    AND (coalesce(jsonb_array_length(c.eligibility->'regions'), 0) = 0
         OR c.eligibility->'regions' ? g.region::text))`;
