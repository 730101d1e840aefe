/**
 * SQL does not promise to test conditions in the order written: jsonb_each
 * and the casts only ever see what CASE lets through, so an odd ballot (a
 * string, a grade that is not a number) is left out instead of failing the count.
 */
const OBJECT_OR_EMPTY = `CASE WHEN jsonb_typeof(b.content) = 'object' THEN b.content ELSE '{}'::jsonb END`;

/**
 * Majority judgment is counted from each candidate's grades, so its ballots
 * reach the tally added up by SQL (candidate, grade, count), not as up to a
 * million distinct rows. Only ballots the tally would surely count are added
 * up here: a non-empty object whose every key is an option of the vote and
 * every value a whole grade index in range. Any other ballot (blank, or
 * malformed, which castBallot refuses but the count still guards against)
 * stays a grouped ballot, for the tally to judge.
 */
export const COUNTED_GRADES = `coalesce((
  v.method = 'majority_judgment'
  AND jsonb_typeof(b.content) = 'object'
  AND b.content <> '{}'::jsonb
  AND NOT EXISTS (
    SELECT 1 FROM jsonb_each(${OBJECT_OR_EMPTY}) AS e(candidate, grade)
     WHERE NOT EXISTS (SELECT 1 FROM jsonb_array_elements(v.options) AS o WHERE o->>'id' = e.candidate)
        OR NOT CASE WHEN jsonb_typeof(e.grade) = 'number'
                    THEN e.grade::numeric >= 0
                     AND e.grade::numeric < jsonb_array_length(coalesce(v.grades, '[]'::jsonb))
                     AND e.grade::numeric = trunc(e.grade::numeric)
                    ELSE false END)
), false)`;

/** Per vote and college: how many ballots were added up, and their receipts. */
export const GRADE_JUDGES_SQL = `
SELECT b.vote_id AS "voteId", b.college_id AS "collegeId", count(*)::int AS judges,
       count(DISTINCT b.receipt_hash)::int AS receipts
  FROM ballot b JOIN vote v ON v.id = b.vote_id
 WHERE b.vote_id = ANY($1::uuid[]) AND ${COUNTED_GRADES}
 GROUP BY b.vote_id, b.college_id`;

/** Per vote and college: how many of those ballots gave each candidate each grade. */
export const GRADE_ROWS_SQL = `
SELECT b.vote_id AS "voteId", b.college_id AS "collegeId", g.key AS candidate,
       g.value::int AS grade, count(*)::int AS count
  FROM ballot b JOIN vote v ON v.id = b.vote_id CROSS JOIN LATERAL jsonb_each(${OBJECT_OR_EMPTY}) AS g
 WHERE b.vote_id = ANY($1::uuid[]) AND ${COUNTED_GRADES}
 GROUP BY b.vote_id, b.college_id, g.key, g.value::int`;

/**
 * Every other ballot, identical ones grouped, so the tally reads one row per
 * distinct ballot. Receipts counted per group add up to the vote's: one
 * receipt cannot be on two ballots of a vote (the unique key (vote_id, receipt_hash)).
 */
export const GROUPED_BALLOTS_SQL = `
SELECT b.vote_id AS "voteId", b.content, b.college_id AS "collegeId", count(*)::int AS count,
       count(DISTINCT b.receipt_hash)::int AS receipts
  FROM ballot b JOIN vote v ON v.id = b.vote_id
 WHERE b.vote_id = ANY($1::uuid[]) AND NOT ${COUNTED_GRADES}
 GROUP BY b.vote_id, b.content, b.college_id`;
