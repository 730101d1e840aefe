import { QUEBEC_REGIONS } from '@delibera/membership';

/** The regions' codes and names, the parameters of participationCellsSql. */
export const PARTICIPATION_PARAMS = [
  Object.keys(QUEBEC_REGIONS),
  Object.values(QUEBEC_REGIONS).map((name) => name.fr),
  Object.values(QUEBEC_REGIONS).map((name) => name.en),
];

/** Below this many voters, a breakdown cell of a secret vote is not published. */
export const MIN_CELL_VOTERS = 5;

/**
 * Turnout of closed votes broken down by college and by region (the
 * member's region today: the roll freezes college and weight, not region),
 * one row per (vote, dimension, key), plus a `total` row per vote. `voteFilter`
 * filters the votes (a boolean SQL expression on `v`, spliced in by the
 * caller, never user input); `$1`-`$3` are the regions' codes and names
 * (PARTICIPATION_PARAMS).
 *
 * Small cells of a secret vote are suppressed: a cell of 1 to 4 voters
 * (primary suppression) and, when a breakdown has exactly one such cell, the
 * next smallest non-empty cell too (complementary suppression), or the
 * total minus the published cells would give the hidden one back. Empty
 * cells stay: "nobody voted" reveals no ballot.
 */
export function participationCellsSql(voteFilter: string): string {
  return `
  WITH votes AS (
    SELECT v.id, v.secrecy = 'secret' AS secret, v.title_fr, v.title_en, v.closed_at
      FROM vote v WHERE v.status IN ('closed', 'tallied') AND (${voteFilter})
  ), roll AS (
    -- only votes whose cells the reports have not stored yet (vote_breakdown)
    SELECT r.vote_id, r.college_id, m.region, (p.member_id IS NOT NULL) AS voted
      FROM votes v
      JOIN vote_roll r ON r.vote_id = v.id
      JOIN member m ON m.id = r.member_id
      LEFT JOIN participation p ON p.vote_id = r.vote_id AND p.member_id = r.member_id
     WHERE NOT EXISTS (SELECT 1 FROM vote_breakdown b WHERE b.vote_id = v.id AND b.final)
  ), counted AS (
    -- a closed vote's final cells, stored once (vote_breakdown), else counted here
    SELECT b.vote_id, c.dimension, c.key, c.eligible, c.voters
      FROM votes v
      JOIN vote_breakdown b ON b.vote_id = v.id AND b.final
     CROSS JOIN LATERAL jsonb_to_recordset(b.cells) AS c(dimension text, key text, eligible int, voters int)
     WHERE c.dimension IN ('college', 'region')
    UNION ALL
    SELECT r.vote_id, 'college', r.college_id::text, count(*)::int, count(*) FILTER (WHERE r.voted)::int
      FROM roll r GROUP BY r.vote_id, r.college_id
    UNION ALL
    SELECT r.vote_id, 'region', r.region::text, count(*)::int, count(*) FILTER (WHERE r.voted)::int
      FROM roll r GROUP BY r.vote_id, r.region
  ), cells AS (
    SELECT n.vote_id, 'college' AS dimension, c.code AS key, c.name_fr AS label_fr, c.name_en AS label_en,
           n.eligible, n.voters
      FROM counted n JOIN college c ON c.id::text = n.key
     WHERE n.dimension = 'college'
    UNION ALL
    SELECT n.vote_id, 'region', n.key, rg.name_fr, rg.name_en, n.eligible, n.voters
      FROM counted n LEFT JOIN unnest($1::text[], $2::text[], $3::text[]) AS rg(code, name_fr, name_en)
        ON rg.code = n.key
     WHERE n.dimension = 'region'
  ), flagged AS (
    SELECT c.*, v.secret,
           v.secret AND c.voters BETWEEN 1 AND ${MIN_CELL_VOTERS - 1} AS small,
           v.secret AND c.voters >= ${MIN_CELL_VOTERS} AS candidate
      FROM cells c JOIN votes v ON v.id = c.vote_id
  ), ranked AS (
    SELECT f.*,
           count(*) FILTER (WHERE f.small) OVER (PARTITION BY f.vote_id, f.dimension) AS smalls,
           row_number() OVER (PARTITION BY f.vote_id, f.dimension, f.candidate
                              ORDER BY f.voters, f.key) AS candidate_rank
      FROM flagged f
  ), published AS (
    SELECT r.vote_id, r.dimension, r.key, r.label_fr, r.label_en, r.eligible, r.voters,
           r.small OR (r.candidate AND r.smalls = 1 AND r.candidate_rank = 1) AS suppressed
      FROM ranked r
    UNION ALL
    -- the college cells partition the roll
    SELECT n.vote_id, 'total', NULL, NULL, NULL, sum(n.eligible)::int, sum(n.voters)::int, false
      FROM counted n WHERE n.dimension = 'college' GROUP BY n.vote_id
  )
  SELECT p.vote_id, v.title_fr, v.title_en,
         to_char(v.closed_at AT TIME ZONE 'America/Montreal', 'YYYY-MM-DD HH24:MI') AS closed_at,
         CASE WHEN v.secret THEN 'secret' ELSE 'named' END AS secrecy,
         p.dimension, p.key, p.label_fr, p.label_en, p.eligible,
         CASE WHEN p.suppressed THEN NULL ELSE p.voters END AS voters,
         CASE WHEN p.suppressed OR p.eligible = 0 THEN NULL
              ELSE round(100.0 * p.voters / p.eligible, 1)::text END AS turnout_percent,
         p.suppressed
    FROM published p JOIN votes v ON v.id = p.vote_id
   ORDER BY v.closed_at, p.vote_id, CASE p.dimension WHEN 'total' THEN 0 WHEN 'college' THEN 1 ELSE 2 END, p.key`;
}
