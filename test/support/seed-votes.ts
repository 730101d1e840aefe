import { Client } from 'pg';

export interface SeedOptions {
  votes: number;
  /** Members on each vote's roll (the same members for every vote). */
  rollSize: number;
  /** How many of them have voted (ballot + participation); the rest have not. */
  ballotsPerVote: number;
  /** Every vote closes at this instant (database time is what the close obeys). */
  closesAt: Date;
  secrecy?: 'secret' | 'named';
}

/**
 * Open votes with their frozen roll, participations and ballots, written in
 * SQL (not through the API) so thousands of votes and a million ballots seed in
 * seconds. Rows are what opening and casting would have written: the close and
 * tally that follow are the real ones. Returns the vote ids.
 */
export async function seedOpenVotes(client: Client, options: SeedOptions): Promise<string[]> {
  const { votes, rollSize, ballotsPerVote, closesAt } = options;
  const secret = (options.secrecy ?? 'secret') === 'secret';
  const tag = Math.random().toString(36).slice(2, 8);
  await client.query(
    `INSERT INTO member (kind, display_name, email, status, college_id, region, locale, admitted_at)
     SELECT 'person', 'Seed ' || i, 'seed-' || $2 || '-' || i || '@example.org', 'active',
            (SELECT id FROM college WHERE code = 'individuals'), '06',
            CASE WHEN i % 3 = 0 THEN 'en' ELSE 'fr' END, now()
       FROM generate_series(1, $1) AS i`,
    [rollSize, tag],
  );
  const { rows } = await client.query<{ id: string }>(
    `INSERT INTO vote (subject_type, decision_type, charter_version, title_fr, title_en,
                       electorate_kind, method, choice_kind, options,
                       threshold_numerator, threshold_denominator, threshold_comparison, threshold_base,
                       quorum_kind, secrecy, college_weighting, opens_at, closes_at, status, version,
                       roll_fingerprint, roll_audit_hash, roll_size, opened_at)
     SELECT 'referendum', 'referendum', 1, 'Question ' || i, 'Question ' || i,
            'all_members', 'choice', 'motion',
            '[{"id":"yes","labelFr":"Oui","labelEn":"Yes"},{"id":"no","labelFr":"Non","labelEn":"No"}]',
            1, 2, 'more_than', 'cast', 'none', $2, false,
            now() - interval '1 hour', $3, 'open', 1, 'seeded', 'seeded', $4, now() - interval '1 hour'
       FROM generate_series(1, $1) AS i
     RETURNING id`,
    [votes, secret ? 'secret' : 'named', closesAt, rollSize],
  );
  const ids = rows.map((r) => r.id);
  await client.query(
    `INSERT INTO vote_roll (vote_id, member_id, college_id, weight, cast_by_member_id)
     SELECT v.id, m.id, m.college_id, 1, m.id
       FROM unnest($1::uuid[]) AS v(id)
       CROSS JOIN (SELECT id, college_id FROM member WHERE email LIKE 'seed-' || $2 || '-%') m`,
    [ids, tag],
  );
  // The first ballotsPerVote members of each roll have voted: 60 % yes.
  await client.query(
    `WITH voters AS (
       SELECT r.vote_id, r.member_id, gen_random_uuid() AS ballot_id,
              row_number() OVER (PARTITION BY r.vote_id ORDER BY r.member_id) AS n
         FROM vote_roll r WHERE r.vote_id = ANY($1::uuid[])
     ), chosen AS (SELECT * FROM voters WHERE n <= $2),
     ballots AS (
       INSERT INTO ballot (id, vote_id, content, college_id, receipt_hash)
       SELECT ballot_id, vote_id,
              CASE WHEN n % 5 < 3 THEN '{"option":"yes"}'::jsonb ELSE '{"option":"no"}'::jsonb END,
              NULL, md5(ballot_id::text) || md5(vote_id::text)
         FROM chosen RETURNING 1)
     INSERT INTO participation (vote_id, member_id, cast_by_member_id, ballot_id, secret, cast_at)
     SELECT vote_id, member_id, member_id, CASE WHEN $3 THEN NULL ELSE ballot_id END, $3,
            now() - interval '30 minutes'
       FROM chosen`,
    [ids, ballotsPerVote, secret],
  );
  await client.query('ANALYZE vote, vote_roll, participation, ballot');
  return ids;
}

/** Per vote: status, closing and publication lags, counts, how often it was closed (audit). */
export async function voteOutcomes(client: Client, ids: string[]) {
  const { rows } = await client.query<{
    id: string;
    status: string;
    closedLagMs: number | null;
    publishedLagMs: number | null;
    unlinkedLagMs: number | null;
    results: number;
    closings: number;
    participations: number;
    ballots: number;
    resultBallots: number | null;
    lateParticipations: number;
  }>(
    `SELECT v.id, v.status,
            extract(epoch FROM v.closed_at - v.closes_at) * 1000 AS "closedLagMs",
            extract(epoch FROM r.created_at - v.closes_at) * 1000 AS "publishedLagMs",
            extract(epoch FROM coalesce(v.ballots_unlinked_at, r.created_at) - v.closes_at) * 1000
              AS "unlinkedLagMs",
            (SELECT count(*)::int FROM vote_result x WHERE x.vote_id = v.id) AS results,
            (SELECT count(*)::int FROM audit_event a
              WHERE a.entity_id = v.id::text AND a.action = 'vote.closed') AS closings,
            (SELECT count(*)::int FROM participation p WHERE p.vote_id = v.id) AS participations,
            (SELECT count(*)::int FROM ballot b WHERE b.vote_id = v.id) AS ballots,
            r.ballots AS "resultBallots",
            (SELECT count(*)::int FROM participation p
              WHERE p.vote_id = v.id AND p.cast_at >= v.closes_at) AS "lateParticipations"
       FROM vote v LEFT JOIN vote_result r ON r.vote_id = v.id
      WHERE v.id = ANY($1::uuid[])`,
    [ids],
  );
  return rows.map((row) => ({
    ...row,
    closedLagMs: row.closedLagMs === null ? null : Number(row.closedLagMs),
    publishedLagMs: row.publishedLagMs === null ? null : Number(row.publishedLagMs),
    unlinkedLagMs: row.unlinkedLagMs === null ? null : Number(row.unlinkedLagMs),
  }));
}
