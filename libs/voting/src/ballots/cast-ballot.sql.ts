/**
 * The whole cast in ONE statement, hence one implicit transaction and one
 * round trip: lock the vote row FOR SHARE (closing takes it FOR UPDATE and
 * so waits for every cast in flight), check the window by database time,
 * find the roll entry this caller casts, insert the participation (its
 * primary key makes a second one impossible; ON CONFLICT turns the race into
 * "already voted" without an error) and, only if that row was inserted, the
 * ballot. The final SELECT reports which check failed, if any.
 *
 * Parameters: $1 vote, $2 voter (roll entry), $3 caster, $4 canonical ballot
 * JSON, $5 receipt hash, $6 a random ballot id, $7 and $8 the retry tag and
 * sealed receipt of a cast sent with a client request id (else NULL; see
 * ballot-retry.ts).
 *
 * Secret votes: participation.ballot_id stays NULL, and the ballot gets no
 * voter, no timestamp, and its college only when the count weights colleges.
 */
export const CAST_BALLOT_SQL = `
WITH v AS (
  SELECT status, secrecy = 'secret' AS secret, college_weighting,
         now() >= opens_at AS started, now() < closes_at AS before_close
    FROM vote WHERE id = $1 FOR SHARE
), r AS (
  SELECT college_id FROM vote_roll WHERE vote_id = $1 AND member_id = $2 AND cast_by_member_id = $3
), ok AS (
  SELECT v.secret, v.college_weighting, r.college_id FROM v, r
   WHERE v.status = 'open' AND v.started AND v.before_close
), p AS (
  INSERT INTO participation (vote_id, member_id, cast_by_member_id, ballot_id, secret, retry_tag, sealed_receipt)
  SELECT $1, $2, $3, CASE WHEN ok.secret THEN NULL ELSE $6::uuid END, ok.secret, $7::bytea, $8::bytea FROM ok
  ON CONFLICT (vote_id, member_id) DO NOTHING
  RETURNING secret
), b AS (
  INSERT INTO ballot (id, vote_id, content, college_id, receipt_hash)
  SELECT $6, $1, $4::jsonb, CASE WHEN ok.college_weighting THEN ok.college_id END, $5 FROM ok, p
  RETURNING 1
)
SELECT v.status, v.started, v.before_close AS "beforeClose", v.secret,
       EXISTS (SELECT 1 FROM r) AS "inRoll", EXISTS (SELECT 1 FROM b) AS "cast"
  FROM (SELECT 1) AS one LEFT JOIN v ON true`;
