/**
 * A realistic trust at a chosen scale, written straight into the real migrated
 * schema: members (people and organisations across Québec's regions), their
 * accounts and status history, colleges, councils with seats, general
 * assemblies with attendance, proposals in every phase with versions,
 * co-signatures, consultations, opinions and threads, votes of every method
 * with frozen rolls, participations and ballots, tallied results, the
 * contribution campaigns (scales, tiers, calls, payments, waivers), volunteer
 * hours and the audit chain.
 *
 * Fast: every table is filled by set-based INSERT … SELECT generate_series
 * (one statement per table and kind of row) and the audit chain by COPY FROM
 * STDIN, never row by row. Deterministic: every "random" choice is a hash of
 * the seed and the row's key (pg_temp.r / pg_temp.u below), so the same seed,
 * scale and day give the same trust.
 *
 * Honest about invariants: participations = ballots = receipts for every vote;
 * secret ballots carry no member, no timestamp and ids unrelated to their
 * voter; rolls are fingerprinted with the published formula; results are
 * counted by the app's own countVote from the stored ballots (a recount
 * matches); proposals decided by a vote carry that vote's outcome; the audit
 * rows are generated with REAL chained hashes (auditVerify passes) and each
 * opened vote's roll_audit_hash is its vote.opened event's hash.
 */
import { createHash } from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import * as argon2 from 'argon2';
import { from as copyFrom } from 'pg-copy-streams';
import type { PoolClient, Pool } from 'pg';
import { DataSource, In } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { Vote } from '@delibera/voting';
import { countVote } from '../../../libs/voting/src/ballots/vote-count';
import { ISSUE_CALLS, REFRESH_CALL_STATUS } from '../../../libs/contributions/src/call-sql';
import { chainHash, GENESIS_HASH } from '../../../libs/audit/src/audit-chain';
import type { SeedScale } from './seed-scales';

/** The password of every seeded account (one argon2 hash, computed once). */
export const SEED_PASSWORD = 'seed-delibera-2026';
export const SEED_EMAIL_DOMAIN = 'seed.delibera.test';
/** Members 1…ACCOUNT_POOL are always active and sign in: authors, voters of the load run. */
export const ACCOUNT_POOL = 2_000;
/** Members 1…TRUSTEES sit on the board (their accounts hold the trustee role). */
export const TRUSTEES = 9;

export interface SeedOptions {
  /** The PRNG seed: same seed, scale and day, same trust. */
  seed?: string;
  /** "Now" for the trust's calendar (default: today 00:00 UTC). */
  now?: Date;
  log?: (line: string) => void;
}

export interface SeedStep {
  step: string;
  table: string;
  rows: number;
  ms: number;
}

export interface SeedReport {
  scale: string;
  seed: string;
  now: string;
  steps: SeedStep[];
  totalMs: number;
  counts: Record<string, number>;
  staff: Record<string, { id: string; email: string }>;
}

type Sql = (
  text: string,
  params?: unknown[],
) => Promise<{ rows: Record<string, unknown>[]; rowCount: number | null }>;

const STAFF = ['secretary', 'treasurer', 'moderator', 'admin'] as const;

/** Deterministic uuid of a seeded row, the same as SQL's pg_temp.u(key). */
export function seedUuid(seed: string, key: string): string {
  const h = createHash('md5').update(`${seed}:${key}`).digest('hex');
  const variant = '89ab'[parseInt(h[16], 16) % 4];
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20)}`;
}

/** The member id of seeded member number i (1-based). */
export const seedMemberId = (seed: string, i: number) => seedUuid(seed, `m${i}`);

const FIRST = [
  'Marie',
  'Jean',
  'Sophie',
  'Luc',
  'Isabelle',
  'Mathieu',
  'Chloé',
  'Étienne',
  'Geneviève',
  'François',
  'Nathalie',
  'Olivier',
  'Camille',
  'Gabriel',
  'Émilie',
  'Louis',
  'Audrey',
  'Félix',
  'Josée',
  'Samuel',
  'Marie-Ève',
  'Jean-François',
  'Léa',
  'Antoine',
  'Kim',
  'Hélène',
  'Rémi',
  'Noémie',
  'Amir',
  'Fatou',
];
const LAST = [
  'Tremblay',
  'Gagnon',
  'Roy',
  'Côté',
  'Bouchard',
  'Gauthier',
  'Morin',
  'Lavoie',
  'Fortin',
  'Gagné',
  'Ouellet',
  'Pelletier',
  'Bélanger',
  'Lévesque',
  'Bergeron',
  'Leblanc',
  'Paquette',
  'Girard',
  'Simard',
  'Boucher',
  'Caron',
  'Beaulieu',
  'Cloutier',
  'Dubé',
  'Poirier',
  'Fournier',
  'Lapointe',
  'Nguyen',
  'Diallo',
  'Saint-Pierre',
];
const TOWNS = [
  'Rimouski',
  'Saguenay',
  'Québec',
  'Trois-Rivières',
  'Sherbrooke',
  'Montréal',
  'Gatineau',
  'Rouyn-Noranda',
  'Baie-Comeau',
  'Gaspé',
  'Lévis',
  'Laval',
  'Joliette',
  'Saint-Jérôme',
  'Longueuil',
  'Victoriaville',
  'Chibougamau',
];
const THEMES = [
  'mobilité durable',
  'logement abordable',
  'savoirs ouverts',
  'sécurité alimentaire',
  'culture de proximité',
  'transition énergétique',
  'inclusion numérique',
  'santé communautaire',
  'patrimoine bâti',
  'économie sociale',
  'jeunesse et emploi',
  'aînés actifs',
  'forêts et rivières',
  'littératie financière',
  'arts en région',
];

const pgArray = (values: readonly string[]) =>
  `ARRAY[${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(',')}]`;

/** COPY text format: backslash, tab, newline and carriage return escaped. */
const copyText = (value: string | null) =>
  value === null
    ? '\\N'
    : value
        .replace(/\\/g, '\\\\')
        .replace(/\t/g, '\\t')
        .replace(/\n/g, '\\n')
        .replace(/\r/g, '\\r');

export async function seedTrust(
  dataSource: DataSource,
  scale: SeedScale,
  options: SeedOptions = {},
): Promise<SeedReport> {
  const seed = options.seed ?? 'delibera';
  if (!/^[A-Za-z0-9_-]{1,40}$/.test(seed)) throw new Error('seed: letters, digits, _ and - only');
  const now = options.now ?? new Date(new Date().toISOString().slice(0, 10) + 'T00:00:00Z');
  const log = options.log ?? (() => undefined);
  const pool = (dataSource.driver as PostgresDriver).master as Pool;
  const client: PoolClient = await pool.connect();
  const steps: SeedStep[] = [];
  const started = Date.now();
  const sql: Sql = async (text, params) => {
    const result = await client.query(text, params);
    return { rows: result.rows, rowCount: result.rowCount };
  };
  /** Runs one step, records its time and rows, prints it. */
  const step = async (name: string, table: string, work: () => Promise<number | null>) => {
    const t0 = Date.now();
    const rows = (await work()) ?? 0;
    const ms = Date.now() - t0;
    steps.push({ step: name, table, rows, ms });
    log(
      `  ${table.padEnd(24)} ${String(rows).padStart(10)} rows ${String(ms).padStart(8)} ms  ${name}`,
    );
  };
  const count = async (text: string, params?: unknown[]) => (await sql(text, params)).rowCount ?? 0;

  const T = `'${now.toISOString()}'::timestamptz`;
  const staff = Object.fromEntries(
    STAFF.map((role) => [
      role,
      { id: seedUuid(seed, `staff:${role}`), email: `${role}@${SEED_EMAIL_DOMAIN}` },
    ]),
  ) as Record<(typeof STAFF)[number], { id: string; email: string }>;
  const SECRETARY = `'${staff.secretary.id}'::uuid`;
  const TREASURER = `'${staff.treasurer.id}'::uuid`;

  try {
    const [{ n: existing }] = (await sql('SELECT count(*)::int AS n FROM member')).rows as {
      n: number;
    }[];
    if (existing > 0) throw new Error('seedTrust writes into an empty, migrated database only');
    await sql(`SET work_mem = '256MB'`);
    await sql(`SET synchronous_commit = off`);
    // Deterministic randomness: r(key) ∈ [0, 1) and u(key) are hashes of the seed and the row's key.
    await sql(`CREATE FUNCTION pg_temp.r(k text) RETURNS float8 IMMUTABLE LANGUAGE sql AS
      $$ SELECT ('x' || substr(md5('${seed}:' || k), 1, 13))::bit(52)::bigint / 4503599627370496.0 $$`);
    // Shaped as a version-4 uuid (version nibble 4, variant 8–b), which the API's inputs validate.
    await sql(`CREATE FUNCTION pg_temp.u(k text) RETURNS uuid IMMUTABLE LANGUAGE sql AS
      $$ SELECT (substr(h, 1, 12) || '4' || substr(h, 14, 3)
                 || substr('89ab', 1 + ('x' || substr(h, 17, 1))::bit(4)::int % 4, 1) || substr(h, 18))::uuid
           FROM (SELECT md5('${seed}:' || k) AS h) x $$`);
    await sql(`CREATE FUNCTION pg_temp.pick(a text[], x float8) RETURNS text IMMUTABLE LANGUAGE sql AS
      $$ SELECT a[1 + floor(x * array_length(a, 1))::int] $$`);

    const persons = scale.members - scale.organisations;
    const charter = (
      await sql(
        'SELECT id, volunteer_hour_rate_cents::int AS rate FROM charter_version WHERE version = 1',
      )
    ).rows[0] as {
      id: string;
      rate: number;
    };
    const CHARTER = `'${charter.id}'::uuid`;

    // ── members ────────────────────────────────────────────────────────────
    await step('people and organisations, 8 years of admissions', 'member', () =>
      count(
        `WITH c AS (SELECT (SELECT id FROM college WHERE code = 'individuals') AS ind,
                           (SELECT id FROM college WHERE code = 'public_bodies') AS pub,
                           (SELECT id FROM college WHERE code = 'civil_society') AS civ),
         g AS (
           SELECT i, i > $1 AS org,
                  CASE WHEN i <= ${ACCOUNT_POOL} THEN 'active'
                       ELSE (CASE WHEN pg_temp.r('ms' || i) < 0.03 THEN 'applicant'
                                  WHEN pg_temp.r('ms' || i) < 0.05 THEN 'suspended'
                                  WHEN pg_temp.r('ms' || i) < 0.10 THEN 'resigned' ELSE 'active' END) END AS status,
                  pg_temp.pick(ARRAY['municipality','municipality','municipality','mrc','university','college',
                    'social_economy','social_economy','social_economy','community','community','community','community',
                    'union','union','other'], pg_temp.r('oc' || i)) AS category
             FROM generate_series(1, $2) AS i)
         INSERT INTO member (id, kind, display_name, email, status, college_id, region, locale, birth_date,
                             organisation_category, size_band, representative_name, admitted_at, created_at, updated_at)
         SELECT pg_temp.u('m' || i),
                (CASE WHEN org THEN 'organisation' ELSE 'person' END)::member_kind,
                CASE WHEN NOT org THEN pg_temp.pick(${pgArray(FIRST)}, pg_temp.r('fn' || i)) || ' ' || pg_temp.pick(${pgArray(LAST)}, pg_temp.r('ln' || i))
                     ELSE (CASE category WHEN 'municipality' THEN 'Municipalité de ' WHEN 'mrc' THEN 'MRC de '
                             WHEN 'university' THEN 'Université de ' WHEN 'college' THEN 'Cégep de '
                             WHEN 'social_economy' THEN 'Coopérative de solidarité de ' WHEN 'community' THEN 'Centre communautaire de '
                             WHEN 'union' THEN 'Syndicat régional de ' ELSE 'Fondation de ' END)
                          || pg_temp.pick(${pgArray(TOWNS)}, pg_temp.r('tw' || i)) || ' nº ' || (i - $1) END,
                CASE WHEN org THEN 'org' ELSE 'membre' END || i || '@${SEED_EMAIL_DOMAIN}',
                status::member_status,
                CASE WHEN NOT org THEN c.ind WHEN category IN ('municipality','mrc','university','college') THEN c.pub ELSE c.civ END,
                pg_temp.pick(ARRAY['06','06','06','06','16','16','16','03','03','13','14','15','05','04','07','08','09',
                                   '10','11','12','17','01','02'], pg_temp.r('rg' || i)),
                CASE WHEN pg_temp.r('lc' || i) < 0.85 THEN 'fr' ELSE 'en' END,
                CASE WHEN org THEN NULL ELSE (${T} - make_interval(days => (16 * 365 + floor(pg_temp.r('bd' || i) * 74 * 365))::int))::date END,
                CASE WHEN org THEN category::organisation_category END,
                CASE WHEN org THEN pg_temp.pick(ARRAY['micro','micro','small','small','small','medium','medium','large','very_large'],
                                                pg_temp.r('sb' || i))::size_band END,
                CASE WHEN org THEN pg_temp.pick(${pgArray(FIRST)}, pg_temp.r('rf' || i)) || ' ' || pg_temp.pick(${pgArray(LAST)}, pg_temp.r('rl' || i)) END,
                CASE WHEN status = 'applicant' THEN NULL
                     ELSE ${T} - make_interval(secs => (30 + pg_temp.r('ad' || i) * 8 * 365) * 86400) END,
                CASE WHEN status = 'applicant' THEN ${T} - make_interval(secs => pg_temp.r('ad' || i) * 60 * 86400)
                     ELSE ${T} - make_interval(secs => (40 + pg_temp.r('ad' || i) * 8 * 365) * 86400) END,
                ${T}
           FROM g, c`,
        [persons, scale.members],
      ),
    );
    await step(
      'application, admission, suspension and resignation',
      'member_status_change',
      async () => {
        let n = await count(
          `INSERT INTO member_status_change (member_id, from_status, to_status, reason, changed_by_account_id, changed_at)
         SELECT id, NULL::member_status, 'applicant'::member_status, NULL, NULL::uuid, created_at FROM member
         UNION ALL
         SELECT id, 'applicant'::member_status, 'active'::member_status, 'Admission', ${SECRETARY}, admitted_at FROM member WHERE admitted_at IS NOT NULL`,
        );
        n += await count(
          `INSERT INTO member_status_change (member_id, from_status, to_status, reason, changed_by_account_id, changed_at)
         SELECT id, 'active', status, CASE status WHEN 'resigned' THEN 'Démission' ELSE 'Suspension (cotisation impayée)' END,
                ${SECRETARY}, admitted_at + (${T} - admitted_at) * pg_temp.r('sc' || id)
           FROM member WHERE status IN ('resigned', 'suspended')`,
        );
        return n;
      },
    );

    // ── accounts ───────────────────────────────────────────────────────────
    const hash = await argon2.hash(SEED_PASSWORD, { type: argon2.argon2id });
    await step('one per member (id = member id) and the staff', 'account', async () => {
      let n = await count(
        `INSERT INTO account (id, email, password_hash, roles, member_id, locale, created_at)
         SELECT m.id, m.email, $1,
                CASE WHEN g.i <= ${TRUSTEES} THEN ARRAY['member','trustee'] ELSE ARRAY['member'] END,
                m.id, m.locale, coalesce(m.admitted_at, m.created_at)
           FROM generate_series(1, $2) AS g(i) JOIN member m ON m.id = pg_temp.u('m' || g.i)
          WHERE m.status <> 'applicant'`,
        [hash, scale.members],
      );
      n += await count(
        `INSERT INTO account (id, email, password_hash, roles, locale, created_at)
         SELECT id, email, $1, ARRAY[role], 'fr', ${T} - interval '3 years'
           FROM unnest($2::uuid[], $3::text[], $4::text[]) AS s(id, email, role)`,
        [hash, STAFF.map((r) => staff[r].id), STAFF.map((r) => staff[r].email), [...STAFF]],
      );
      return n;
    });

    // ── councils and seats ─────────────────────────────────────────────────
    await step('editorial, animation and regional councils', 'council', () =>
      count(
        `INSERT INTO council (id, code, name_fr, name_en, seats, term_months, eligibility, created_at)
         SELECT pg_temp.u('council' || k),
                CASE k WHEN 1 THEN 'editorial' WHEN 2 THEN 'animation' ELSE 'region-' || lpad((k - 2)::text, 2, '0') END,
                CASE k WHEN 1 THEN 'Comité éditorial' WHEN 2 THEN 'Comité d''animation' ELSE 'Groupe régional ' || lpad((k - 2)::text, 2, '0') END,
                CASE k WHEN 1 THEN 'Editorial committee' WHEN 2 THEN 'Animation committee' ELSE 'Regional group ' || lpad((k - 2)::text, 2, '0') END,
                9 + (k % 7), 24,
                CASE WHEN k <= 2 THEN '{}'::jsonb ELSE jsonb_build_object('regions', jsonb_build_array(lpad((k - 2)::text, 2, '0'))) END,
                ${T} - interval '3 years'
           FROM generate_series(1, $1) AS k`,
        [Math.min(scale.extraCouncils, 19)],
      ),
    );
    await step(
      'active, applied, ended and refused seats within each rule',
      'council_seat',
      async () => {
        const n = await count(
          `WITH terms AS (SELECT id, code, seats, eligibility, (${T} - interval '200 days')::date AS term_start FROM council),
         ranked AS (
           SELECT t.id AS council_id, t.seats, t.term_start, m.id AS member_id,
                  row_number() OVER (PARTITION BY t.id ORDER BY pg_temp.r('seat' || t.code || m.id)) AS rn
             FROM terms t JOIN member m ON m.kind = 'person' AND m.status = 'active' AND m.admitted_at < t.term_start
            WHERE (t.eligibility->>'minAge' IS NULL
                   OR m.birth_date <= t.term_start - make_interval(years => (t.eligibility->>'minAge')::int))
              AND (t.eligibility->>'maxAge' IS NULL
                   OR m.birth_date > t.term_start - make_interval(years => (t.eligibility->>'maxAge')::int + 1))
              AND (NOT t.eligibility ? 'regions'
                   OR m.region = ANY (ARRAY(SELECT jsonb_array_elements_text(t.eligibility->'regions'))))
              )
         INSERT INTO council_seat (council_id, member_id, status, declared_practice, term_start, term_end,
                                   decided_by_account_id, decided_at, decision_reason, applied_at)
         SELECT council_id, member_id, s.status::seat_status,
                CASE WHEN c.eligibility ? 'requiresApprovedPractice' THEN pg_temp.pick(ARRAY['Gravure','Danse contemporaine','Musique traditionnelle','Théâtre','Photographie','Poésie'], pg_temp.r('pr' || member_id)) END,
                CASE s.status WHEN 'active' THEN term_start WHEN 'ended' THEN term_start - 730 END,
                CASE s.status WHEN 'active' THEN (term_start + interval '24 months')::date WHEN 'ended' THEN term_start END,
                CASE WHEN s.status <> 'applied' THEN ${SECRETARY} END,
                CASE WHEN s.status <> 'applied' THEN term_start - 10 END,
                CASE WHEN s.status = 'refused' THEN 'Sièges comblés' END,
                CASE WHEN s.status = 'applied' THEN ${T} - interval '5 days' ELSE term_start - 30 END
           FROM (SELECT r.*, CASE WHEN rn <= seats THEN 'active' WHEN rn <= seats + 3 THEN 'applied'
                                  WHEN rn <= seats + 6 THEN 'ended' ELSE 'refused' END AS status
                   FROM ranked r WHERE rn <= seats + 8) s
           JOIN council c ON c.id = s.council_id`,
        );
        await sql(
          `UPDATE council c SET chair_member_id = s.member_id
           FROM (SELECT DISTINCT ON (council_id) council_id, member_id FROM council_seat
                  WHERE status = 'active' ORDER BY council_id, member_id) s
          WHERE s.council_id = c.id`,
        );
        return n;
      },
    );

    // ── the plan: how many votes of each kind, how many attend ─────────────
    const gaProposalVotes = Math.max(4, Math.round(scale.votes * 0.2));
    const boardVotes = Math.max(2, Math.round(scale.votes * 0.2));
    const elections = Math.max(4, Math.round(scale.votes * 0.05));
    const referendums = 2;
    const councilVotes = scale.votes - gaProposalVotes - boardVotes - elections - referendums;
    if (councilVotes < 4 || scale.proposals < gaProposalVotes + boardVotes + 20) {
      throw new Error('scale too small: need more votes and proposals');
    }
    const gaVotingNow = Math.max(2, Math.round(gaProposalVotes * 0.05));
    const boardVotingNow = Math.max(1, Math.round(boardVotes * 0.05));
    const [{ active }] = (
      await sql(`SELECT count(*)::int AS active FROM member WHERE status = 'active'`)
    ).rows as {
      active: number;
    }[];
    const [{ seatAvg }] = (
      await sql(`SELECT coalesce(avg(seats), 12)::float AS "seatAvg" FROM council`)
    ).rows as {
      seatAvg: number;
    }[];
    // Ballots outside general assemblies, then the attendance that puts the rest in assembly votes.
    const otherBallots =
      0.3 * active * 0.8 +
      boardVotes * TRUSTEES * 0.9 +
      councilVotes * seatAvg * 0.8 +
      0.02 * active;
    const gaVotes = gaProposalVotes + elections;
    const attendance = Math.max(50, (scale.ballots - otherBallots) / (gaVotes * 0.8));
    const A = scale.assemblies;
    const span = 3 * 365; // days of history the assemblies cover
    log(
      `  plan: ${gaProposalVotes} assembly proposal votes, ${elections} elections, ${boardVotes} board votes, ${councilVotes} council votes, ${referendums} referendums; ≈${Math.round(attendance)} attendees per assembly`,
    );

    // ── assemblies ─────────────────────────────────────────────────────────
    await step(
      'past hybrid general assemblies, one running now, council meetings',
      'assembly',
      () =>
        count(
          `INSERT INTO assembly (id, kind, general_assembly_type, mode, status, title_fr, title_en, place, url, starts_at, ends_at,
                               council_id, charter_version_id, proxy_limit_per_holder, quorum_numerator, quorum_denominator,
                               notice_days, convened_at, convened_by_account_id, proxies_locked_at, created_at)
         SELECT pg_temp.u('ga' || k), 'general_assembly'::assembly_kind,
                (CASE WHEN k % 2 = 1 THEN 'annual' ELSE 'special' END)::general_assembly_type, 'hybrid'::assembly_mode,
                (CASE WHEN k <= $1 THEN 'closed' ELSE 'convened' END)::assembly_status,
                'Assemblée générale ' || CASE WHEN k % 2 = 1 THEN 'annuelle' ELSE 'extraordinaire' END || ' nº ' || k,
                CASE WHEN k % 2 = 1 THEN 'Annual' ELSE 'Special' END || ' general assembly no. ' || k,
                'Salle ' || pg_temp.pick(${pgArray(TOWNS)}, pg_temp.r('gaplace' || k)), 'https://assemblee.${SEED_EMAIL_DOMAIN}/' || k,
                s.starts_at, s.starts_at + interval '7 days', NULL, ${CHARTER},
                cv.proxy_limit_per_holder, cv.assembly_quorum_numerator, cv.assembly_quorum_denominator, 30,
                s.starts_at - interval '30 days', ${SECRETARY}, s.starts_at, s.starts_at - interval '31 days'
           FROM generate_series(1, $1 + 1) AS k
           CROSS JOIN LATERAL (SELECT CASE WHEN k <= $1 THEN ${T} - make_interval(days => ($1 - k + 1) * $2 / $1)
                                           ELSE ${T} - interval '1 day' END AS starts_at) s
           CROSS JOIN charter_version cv WHERE cv.version = 1
         UNION ALL
         SELECT pg_temp.u('cm' || c.code), 'council_meeting'::assembly_kind, NULL, 'in_person'::assembly_mode, 'closed'::assembly_status,
                'Réunion — ' || c.name_fr, 'Meeting — ' || c.name_en, 'Local du conseil', NULL,
                ${T} - interval '60 days', ${T} - interval '60 days' + interval '3 hours', c.id, ${CHARTER}, 0, 0, 1, 7,
                ${T} - interval '70 days', ${SECRETARY}, NULL, ${T} - interval '70 days'
           FROM council c`,
          [A, span],
        ),
    );
    await step('checked in at each general assembly', 'assembly_attendance', () =>
      count(
        `WITH ga AS MATERIALIZED (
           SELECT a.id, a.starts_at,
                  (SELECT count(*) FROM member m WHERE m.status = 'active' AND m.admitted_at < a.starts_at) AS eligible
             FROM assembly a WHERE a.kind = 'general_assembly')
         INSERT INTO assembly_attendance (assembly_id, member_id, college_id, mode, checked_in_at, checked_in_by_account_id)
         SELECT ga.id, m.id, m.college_id,
                (CASE WHEN pg_temp.r('mode' || ga.id || m.id) < 0.6 THEN 'remote' ELSE 'present' END)::attendance_mode,
                ga.starts_at + make_interval(secs => pg_temp.r('ci' || ga.id || m.id) * 7200),
                ${SECRETARY}
           FROM ga JOIN member m ON m.status = 'active' AND m.admitted_at < ga.starts_at
          WHERE pg_temp.r('att' || ga.id || m.id) < LEAST(0.9, $1::float8 / greatest(ga.eligible, 1))`,
        [attendance],
      ),
    );

    // ── proposals ──────────────────────────────────────────────────────────
    // seed_proposal: the plan of each proposal (kind of decision, phase, where it is voted).
    await sql(
      `CREATE TEMP TABLE seed_proposal (i int PRIMARY KEY, id uuid, decision_type text, phase text, ga_k int, yes_share float8)`,
    );
    await sql(
      `INSERT INTO seed_proposal
       SELECT i, pg_temp.u('p' || i) AS id,
              CASE WHEN i <= 3 THEN 'contribution_scale'
                   WHEN i <= $1 THEN pg_temp.pick(ARRAY['ordinary_resolution','ordinary_resolution','ordinary_resolution',
                          'ordinary_resolution','budget','special_resolution','charter_amendment'], pg_temp.r('dt' || i))
                   WHEN i <= $1 + $2 THEN 'admission'
                   ELSE pg_temp.pick(ARRAY['ordinary_resolution','ordinary_resolution','budget','special_resolution',
                          'charter_amendment','admission'], pg_temp.r('dt' || i)) END AS decision_type,
              CASE WHEN i <= $1 - $3 THEN 'decided' WHEN i <= $1 THEN 'voting'
                   WHEN i <= $1 + $2 - $4 THEN 'decided' WHEN i <= $1 + $2 THEN 'voting'
                   ELSE pg_temp.pick(ARRAY['draft','draft','draft','submitted','submitted','support','support','consultation',
                          'consultation','consultation','deliberation','deliberation','deliberation','deliberation',
                          'withdrawn','withdrawn','cancelled','cancelled','expired','expired'], pg_temp.r('st' || i)) END AS phase,
              CASE WHEN i <= $1 - $3 THEN 1 + (i % $5) WHEN i <= $1 THEN $5 + 1 END AS ga_k,
              CASE WHEN i <= 3 THEN 0.9 ELSE 0.3 + 0.55 * pg_temp.r('bias' || i) END AS yes_share
         FROM generate_series(1, $6) AS i`,
      [gaProposalVotes, boardVotes, gaVotingNow, boardVotingNow, A, scale.proposals],
    );
    await sql(
      `ALTER TABLE seed_proposal ADD COLUMN initiative boolean, ADD COLUMN author int, ADD COLUMN consulted boolean,
         ADD COLUMN created_at timestamptz, ADD COLUMN submitted_at timestamptz, ADD COLUMN support_ends_at timestamptz,
         ADD COLUMN consultation_ends_at timestamptz, ADD COLUMN deliberation_ends_at timestamptz,
         ADD COLUMN voting_opens_at timestamptz, ADD COLUMN voting_closes_at timestamptz, ADD COLUMN decided_at timestamptz`,
    );
    await sql(
      `UPDATE seed_proposal p SET
         initiative = p.phase IN ('support','expired') OR (p.decision_type <> 'admission' AND pg_temp.r('ini' || p.i) < 0.15),
         author = 10 + floor(pg_temp.r('au' || p.i) * (${ACCOUNT_POOL} - 10))::int,
         consulted = p.decision_type IN ('special_resolution','charter_amendment','contribution_scale')`,
    );
    // Calendar: decided and voting proposals hang on their vote's window; the others on their phase.
    await sql(
      `UPDATE seed_proposal p SET voting_opens_at = w.opens, voting_closes_at = w.closes
         FROM (SELECT sp.i,
                      CASE WHEN sp.ga_k IS NOT NULL THEN a.starts_at + interval '1 day'
                           WHEN sp.phase = 'voting' THEN ${T} - interval '1 day'
                           ELSE ${T} - make_interval(days => (20 + pg_temp.r('bv' || sp.i) * $1)::int) END AS opens,
                      CASE WHEN sp.ga_k IS NOT NULL AND sp.phase = 'decided' THEN a.starts_at + interval '3 days'
                           WHEN sp.phase = 'voting' THEN ${T} + interval '4 days'
                           ELSE ${T} - make_interval(days => (20 + pg_temp.r('bv' || sp.i) * $1)::int) + interval '2 days' END AS closes
                 FROM seed_proposal sp LEFT JOIN assembly a ON a.id = pg_temp.u('ga' || sp.ga_k)
                WHERE sp.phase IN ('decided','voting')) w
        WHERE w.i = p.i`,
      [span],
    );
    await sql(
      `UPDATE seed_proposal p SET
         deliberation_ends_at = voting_opens_at,
         consultation_ends_at = CASE WHEN consulted THEN voting_opens_at - interval '14 days' END,
         submitted_at = voting_opens_at - interval '45 days',
         support_ends_at = CASE WHEN initiative THEN voting_opens_at - interval '40 days' END,
         created_at = voting_opens_at - interval '50 days',
         decided_at = CASE WHEN phase = 'decided' THEN voting_closes_at END
        WHERE phase IN ('decided','voting')`,
    );
    await sql(
      `UPDATE seed_proposal p SET
         created_at = ${T} - make_interval(secs => 86400 * CASE WHEN phase IN ('withdrawn','cancelled','expired')
                        THEN 60 + pg_temp.r('cr' || i) * 700 ELSE 5 + pg_temp.r('cr' || i) * 50 END),
         initiative = initiative AND phase <> 'draft'
        WHERE phase NOT IN ('decided','voting')`,
    );
    await sql(
      `UPDATE seed_proposal p SET
         submitted_at = CASE WHEN phase <> 'draft' AND NOT (phase = 'withdrawn' AND pg_temp.r('wd' || i) < 0.3) THEN created_at + interval '2 days' END,
         support_ends_at = CASE WHEN initiative AND phase = 'support' THEN ${T} + make_interval(days => (1 + pg_temp.r('se' || i) * 30)::int)
                                WHEN initiative AND phase <> 'draft' THEN created_at + interval '32 days' END,
         consultation_ends_at = CASE WHEN phase = 'consultation' THEN ${T} + make_interval(days => (1 + pg_temp.r('ce' || i) * 20)::int)
                                     WHEN phase = 'deliberation' AND consulted THEN ${T} - make_interval(days => (1 + pg_temp.r('ce' || i) * 5)::int) END,
         deliberation_ends_at = CASE WHEN phase = 'deliberation' THEN ${T} + make_interval(days => (1 + pg_temp.r('de' || i) * 14)::int) END,
         decided_at = CASE WHEN phase IN ('cancelled','expired') THEN created_at + interval '40 days' END
        WHERE phase NOT IN ('decided','voting')`,
    );
    // The board's proposals (admissions) are not consulted; initiatives are members' only.
    await sql(`UPDATE seed_proposal SET consultation_ends_at = NULL WHERE NOT consulted`);
    await step('every phase, with their deadlines', 'proposal', () =>
      count(
        `INSERT INTO proposal (id, decision_type, origin, status, author_member_id, created_by_account_id, charter_version_id,
                               title, body, current_version, submitted_at, support_ends_at, consultation_ends_at,
                               deliberation_ends_at, voting_opens_at, voting_closes_at, decided_at, cancel_reason,
                               created_at, updated_at)
         SELECT p.id, p.decision_type::decision_type,
                (CASE WHEN p.initiative THEN 'member_initiative' ELSE 'board' END)::proposal_origin,
                (CASE p.phase WHEN 'decided' THEN 'voting' ELSE p.phase END)::proposal_status,
                CASE WHEN p.initiative THEN pg_temp.u('m' || p.author) END,
                CASE WHEN p.initiative THEN pg_temp.u('m' || p.author) ELSE ${SECRETARY} END,
                CASE WHEN p.submitted_at IS NOT NULL THEN ${CHARTER} END,
                left(CASE p.decision_type WHEN 'admission' THEN 'Admission de ' || m.display_name
                       WHEN 'budget' THEN 'Budget — ' || pg_temp.pick(${pgArray(THEMES)}, pg_temp.r('th' || p.i))
                       WHEN 'contribution_scale' THEN 'Barème des contributions annuelles'
                       WHEN 'charter_amendment' THEN 'Modification de l''acte constitutif : ' || pg_temp.pick(${pgArray(THEMES)}, pg_temp.r('th' || p.i))
                       ELSE 'Politique de ' || pg_temp.pick(${pgArray(THEMES)}, pg_temp.r('th' || p.i)) END
                     || ' (' || pg_temp.pick(${pgArray(TOWNS)}, pg_temp.r('tt' || p.i)) || ', nº ' || p.i || ')', 200),
                '## Contexte' || E'\\n\\n' || 'La fiducie propose d''agir pour la ' || pg_temp.pick(${pgArray(THEMES)}, pg_temp.r('th' || p.i))
                  || ' à ' || pg_temp.pick(${pgArray(TOWNS)}, pg_temp.r('tt' || p.i)) || '. Les membres, les conseils et les partenaires '
                  || 'ont été entendus.' || E'\\n\\n' || '## Proposition' || E'\\n\\n'
                  || '- Affecter un budget annuel de ' || (10 + floor(pg_temp.r('amt' || p.i) * 490))::int || ' 000 $ ;' || E'\\n'
                  || '- Rendre compte à l''assemblée générale chaque année ;' || E'\\n'
                  || '- Publier les données sous licence CC BY-SA 4.0.',
                1, p.submitted_at, p.support_ends_at, p.consultation_ends_at, p.deliberation_ends_at,
                p.voting_opens_at, p.voting_closes_at, p.decided_at,
                CASE WHEN p.phase = 'cancelled' THEN 'Retirée de l''ordre du jour par le secrétariat' END,
                p.created_at, coalesce(p.decided_at, p.submitted_at, p.created_at)
           FROM seed_proposal p JOIN member m ON m.id = pg_temp.u('m' || (${ACCOUNT_POOL} + p.i))`,
      ),
    );
    await step('the first version of each text', 'proposal_version', () =>
      count(
        `INSERT INTO proposal_version (proposal_id, version, title, body, edited_by_account_id, note, created_at)
         SELECT id, 1, title, body, created_by_account_id, 'Version initiale', created_at FROM proposal`,
      ),
    );
    await step(
      'member initiatives: below the threshold while collecting or expired, above it after',
      'proposal_cosignature',
      () =>
        count(
          `INSERT INTO proposal_cosignature (proposal_id, member_id, signed_at)
         SELECT p.id, pg_temp.u('m' || (10 + floor(pg_temp.r('cs' || p.i || ':' || g) * (${ACCOUNT_POOL} - 10))::int)),
                p.created_at + make_interval(secs => g * 3600)
           FROM seed_proposal p
           JOIN charter_version cv ON cv.version = 1
           CROSS JOIN LATERAL generate_series(1, CASE WHEN p.phase IN ('support','expired')
                 THEN floor(pg_temp.r('ncs' || p.i) * (cv.initiative_cosignatures - 5))::int
                 ELSE cv.initiative_cosignatures + 10 END) AS g
          WHERE p.initiative
         ON CONFLICT DO NOTHING`,
        ),
    );
    await step(
      'councils consulted on special resolutions, amendments and scales',
      'consultation_request',
      () =>
        count(
          `INSERT INTO consultation_request (id, proposal_id, council_id, status, requested_at, due_at)
         SELECT pg_temp.u('cr' || p.i || c.code), p.id, c.id, 'requested', p.submitted_at, p.consultation_ends_at
           FROM seed_proposal p JOIN council c ON c.code IN ('youth','seniors','artists')
          WHERE p.consulted AND p.consultation_ends_at IS NOT NULL`,
        ),
    );
    await step(
      'opinions adopted and published by three in four councils',
      'council_opinion',
      async () => {
        const n = await count(
          `INSERT INTO council_opinion (id, consultation_id, council_id, drafted_by_member_id, position, text, status,
                                      votes_for, votes_against, votes_abstain, active_members, recorded_by_account_id,
                                      adopted_at, published_at, created_at)
         SELECT pg_temp.u('op' || r.id), r.id, r.council_id, c.chair_member_id,
                pg_temp.pick(ARRAY['favourable','favourable','favourable_with_conditions','unfavourable','abstain'],
                             pg_temp.r('pos' || r.id))::opinion_position,
                'Le conseil a délibéré et rend l''avis suivant sur la proposition.',
                'published', c.seats - 4, 2, 1, c.seats, ${SECRETARY},
                r.due_at - interval '3 days', r.due_at - interval '2 days', r.due_at - interval '10 days'
           FROM consultation_request r JOIN council c ON c.id = r.council_id
          WHERE r.due_at < ${T} AND c.chair_member_id IS NOT NULL AND pg_temp.r('ans' || r.id) < 0.75`,
        );
        await sql(
          `UPDATE consultation_request r SET status = 'answered', opinion_id = o.id, answered_at = o.published_at
           FROM council_opinion o WHERE o.consultation_id = r.id`,
        );
        await sql(
          `UPDATE consultation_request SET status = 'did_not_answer' WHERE status = 'requested' AND due_at < ${T}`,
        );
        return n;
      },
    );
    await step('restricted until the opinion is published', 'council_thread', () =>
      count(
        `INSERT INTO council_thread (proposal_id, council_id, restricted, opinion_published_at, created_at)
         SELECT r.proposal_id, r.council_id, o.published_at IS NULL, o.published_at, r.requested_at
           FROM consultation_request r LEFT JOIN council_opinion o ON o.id = r.opinion_id`,
      ),
    );
    const argTop = Math.max(1, Math.round(scale.argumentsPerProposal / 2));
    await step('threads: arguments for and against, questions, replies', 'argument', async () => {
      let n = await count(
        `INSERT INTO argument (id, proposal_id, depth, stance, body, author_member_id, author_account_id, created_at)
         SELECT pg_temp.u('arg' || p.i || ':' || g), p.id, 0,
                pg_temp.pick(ARRAY['for','for','for','against','against','question','information'], pg_temp.r('sta' || p.i || ':' || g))::argument_stance,
                pg_temp.pick(ARRAY['Cette proposition répond à un besoin réel dans notre région.',
                                   'Le coût me semble trop élevé pour les petites organisations.',
                                   'Quelles seront les retombées pour les jeunes ?',
                                   'Voir le rapport annuel 2025, section 3, pour les chiffres.',
                                   'Je soutiens, à condition de publier un bilan chaque année.'], pg_temp.r('bod' || p.i || ':' || g)),
                pg_temp.u('m' || a.k), pg_temp.u('m' || a.k),
                coalesce(p.consultation_ends_at, p.submitted_at) + make_interval(secs => g * 5400)
           FROM seed_proposal p
           CROSS JOIN LATERAL generate_series(1, $1) AS g
           CROSS JOIN LATERAL (SELECT 10 + floor(pg_temp.r('aa' || p.i || ':' || g) * (${ACCOUNT_POOL} - 10))::int AS k) a
          WHERE p.phase IN ('deliberation','voting','decided') OR (p.phase = 'cancelled' AND p.submitted_at IS NOT NULL)`,
        [argTop],
      );
      n += await count(
        `INSERT INTO argument (id, proposal_id, parent_id, depth, stance, body, author_member_id, author_account_id, created_at)
         SELECT pg_temp.u('rep' || a.id || ':' || g), a.proposal_id, a.id, 1, NULL,
                pg_temp.pick(ARRAY['Merci pour la précision.', 'Je ne suis pas d''accord : le budget est prévu.',
                                   'La réponse est dans la version 1, deuxième point.'], pg_temp.r('rb' || a.id || ':' || g)),
                pg_temp.u('m' || k.k), pg_temp.u('m' || k.k), a.created_at + make_interval(secs => g * 1800)
           FROM argument a
           CROSS JOIN LATERAL generate_series(1, 2) AS g
           CROSS JOIN LATERAL (SELECT 10 + floor(pg_temp.r('ra' || a.id || ':' || g) * (${ACCOUNT_POOL} - 10))::int AS k) k
          WHERE a.depth = 0 AND pg_temp.r('hasrep' || a.id || ':' || g) < 0.5`,
      );
      return n;
    });
    await step('endorsements of top-level arguments', 'argument_endorsement', () =>
      count(
        `INSERT INTO argument_endorsement (argument_id, member_id, created_at)
         SELECT a.id, pg_temp.u('m' || (10 + floor(pg_temp.r('en' || a.id || ':' || g) * (${ACCOUNT_POOL} - 10))::int)),
                a.created_at + make_interval(secs => g * 600)
           FROM argument a CROSS JOIN LATERAL generate_series(1, (pg_temp.r('nen' || a.id) * 6)::int) AS g
          WHERE a.depth = 0
         ON CONFLICT DO NOTHING`,
      ),
    );
    await step('flags, most resolved by a moderator', 'argument_flag', () =>
      count(
        `INSERT INTO argument_flag (argument_id, kind, note, flagged_by_member_id, flagged_by_account_id, resolution,
                                    resolution_note, resolved_by_account_id, resolved_at, created_at)
         SELECT a.id, pg_temp.pick(ARRAY['needs_verification','source_needed','false'], pg_temp.r('fk' || a.id))::argument_flag_kind,
                'Source ?', pg_temp.u('m' || 5), pg_temp.u('m' || 5),
                CASE WHEN pg_temp.r('fr' || a.id) < 0.7 THEN 'kept'::flag_resolution END, NULL,
                CASE WHEN pg_temp.r('fr' || a.id) < 0.7 THEN '${staff.moderator.id}'::uuid END,
                CASE WHEN pg_temp.r('fr' || a.id) < 0.7 THEN a.created_at + interval '1 day' END,
                a.created_at + interval '2 hours'
           FROM argument a WHERE pg_temp.r('fl' || a.id) < 0.02 AND a.author_member_id <> pg_temp.u('m' || 5)`,
      ),
    );

    // ── votes ──────────────────────────────────────────────────────────────
    await sql(
      `CREATE TEMP TABLE seed_vote (id uuid PRIMARY KEY, kind text, subject_type text, subject_id uuid, decision_type text,
         electorate_kind text, electorate_ref uuid, method text, choice_kind text, seats int, stv_rules text,
         opens_at timestamptz, closes_at timestamptz, status text, turnout float8, yes_share float8, title text, survey uuid)`,
    );
    await sql(
      `INSERT INTO seed_vote
       SELECT pg_temp.u('v' || p.id), 'assembly', 'proposal', p.id, p.decision_type, 'assembly', pg_temp.u('ga' || p.ga_k),
              'choice', 'motion', 1, NULL, p.voting_opens_at, p.voting_closes_at,
              CASE WHEN p.phase = 'decided' THEN 'tallied' ELSE 'open' END,
              CASE WHEN p.phase = 'decided' THEN 0.7 + 0.2 * pg_temp.r('to' || p.i) ELSE 0.3 END, p.yes_share, NULL::text, NULL::uuid
         FROM seed_proposal p WHERE p.ga_k IS NOT NULL
       UNION ALL
       SELECT pg_temp.u('v' || p.id), 'board', 'proposal', p.id, 'admission', 'board', NULL, 'choice', 'motion', 1, NULL,
              p.voting_opens_at, p.voting_closes_at, CASE WHEN p.phase = 'decided' THEN 'tallied' ELSE 'open' END,
              CASE WHEN p.phase = 'decided' THEN 0.9 ELSE 0.3 END, 0.8, NULL, NULL
         FROM seed_proposal p WHERE p.ga_k IS NULL AND p.phase IN ('decided','voting')`,
    );
    // Elections at the assemblies: STV for three seats, single-seat ranked methods, in turn.
    await sql(
      `INSERT INTO seed_vote
       SELECT pg_temp.u('el' || j), 'assembly', 'election', NULL, 'trustee_election', 'assembly', a.id,
              (ARRAY['stv','irv','schulze','ranked_pairs'])[1 + j % 4], NULL,
              CASE WHEN j % 4 = 0 THEN 3 ELSE 1 END, CASE WHEN j % 4 = 0 THEN (CASE WHEN j % 8 = 0 THEN 'meek' ELSE 'scottish' END) END,
              a.starts_at + interval '1 day', CASE WHEN a.status = 'closed' THEN a.starts_at + interval '3 days' ELSE ${T} + interval '4 days' END,
              CASE WHEN a.status = 'closed' THEN 'tallied' ELSE 'open' END,
              CASE WHEN a.status = 'closed' THEN 0.75 + 0.2 * pg_temp.r('to' || j) ELSE 0.3 END, 0.2 + 0.6 * pg_temp.r('lean' || j),
              CASE WHEN j % 4 = 0 THEN 'Élection au conseil des fiduciaires' ELSE 'Élection à la présidence' END || ' nº ' || j, NULL
         FROM generate_series(1, $1) AS j
         JOIN assembly a ON a.id = pg_temp.u('ga' || (1 + j % ($2 + 1)))`,
      [elections, A],
    );
    await sql(
      `INSERT INTO seed_vote VALUES
         (pg_temp.u('ref1'), 'all', 'referendum', NULL, 'referendum', 'all_members', NULL, 'choice', 'motion', 1, NULL,
          ${T} - interval '200 days', ${T} - interval '186 days', 'tallied', 0.3, 0.62, 'Référendum sur la mission élargie', NULL),
         (pg_temp.u('ref2'), 'all', 'referendum', NULL, 'referendum', 'all_members', NULL, 'choice', 'motion', 1, NULL,
          ${T} - interval '2 days', ${T} + interval '12 days', 'open', 0.02, 0.55, 'Référendum sur le fonds régional', NULL)`,
    );
    // Council votes: opinions (motions), priorities (approval), evaluations (majority judgment), choices (one of n).
    await sql(
      `INSERT INTO seed_vote
       SELECT pg_temp.u('cv' || j), 'council',
              CASE WHEN j % 4 = 0 THEN 'council_opinion' ELSE 'survey_question' END, NULL, 'council_opinion', 'council', c.id,
              (ARRAY['choice','approval','majority_judgment','choice'])[1 + j % 4],
              CASE j % 4 WHEN 0 THEN 'motion' WHEN 3 THEN 'one_of_n' END, 1, NULL,
              s.opens_at, s.opens_at + interval '2 days', s.status,
              CASE WHEN s.status = 'tallied' THEN 0.85 WHEN s.status = 'open' THEN 0.4 ELSE 0 END, 0.3 + 0.6 * pg_temp.r('cb' || j),
              CASE j % 4 WHEN 0 THEN 'Avis du conseil' WHEN 1 THEN 'Priorités du conseil' WHEN 2 THEN 'Évaluation des projets'
                         ELSE 'Choix du thème' END || ' nº ' || j,
              CASE WHEN j % 4 <> 0 THEN pg_temp.u('survey' || (j / 4)) END
         FROM generate_series(1, $1) AS j
         JOIN LATERAL (SELECT id FROM council ORDER BY code OFFSET (j % (SELECT count(*) FROM council)) LIMIT 1) c ON true
         CROSS JOIN LATERAL (SELECT CASE WHEN pg_temp.r('cs' || j) < 0.85 THEN 'tallied'
                                         WHEN pg_temp.r('cs' || j) < 0.95 THEN 'open' ELSE 'scheduled' END AS status) st
         CROSS JOIN LATERAL (SELECT st.status,
                                    CASE st.status WHEN 'tallied' THEN ${T} - make_interval(days => (5 + pg_temp.r('co' || j) * $2)::int)
                                                   WHEN 'open' THEN ${T} - interval '1 day'
                                                   ELSE ${T} + make_interval(days => (3 + pg_temp.r('co' || j) * 30)::int) END AS opens_at) s`,
      [councilVotes, span],
    );
    const optionsSql = `CASE
        WHEN s.method = 'choice' AND s.choice_kind = 'motion' THEN '[{"id":"yes","labelFr":"Pour","labelEn":"For"},{"id":"no","labelFr":"Contre","labelEn":"Against"}]'::jsonb
        WHEN s.method = 'choice' THEN '[{"id":"o1","labelFr":"Culture","labelEn":"Culture"},{"id":"o2","labelFr":"Environnement","labelEn":"Environment"},{"id":"o3","labelFr":"Jeunesse","labelEn":"Youth"},{"id":"o4","labelFr":"Aînés","labelEn":"Seniors"}]'::jsonb
        WHEN s.method = 'approval' THEN '[{"id":"c1","labelFr":"Priorité 1","labelEn":"Priority 1"},{"id":"c2","labelFr":"Priorité 2","labelEn":"Priority 2"},{"id":"c3","labelFr":"Priorité 3","labelEn":"Priority 3"},{"id":"c4","labelFr":"Priorité 4","labelEn":"Priority 4"},{"id":"c5","labelFr":"Priorité 5","labelEn":"Priority 5"}]'::jsonb
        WHEN s.method = 'majority_judgment' THEN '[{"id":"c1","labelFr":"Projet A","labelEn":"Project A"},{"id":"c2","labelFr":"Projet B","labelEn":"Project B"},{"id":"c3","labelFr":"Projet C","labelEn":"Project C"}]'::jsonb
        ELSE (SELECT jsonb_agg(jsonb_build_object('id', 'c' || k, 'labelFr', (${pgArray(FIRST)})[k] || ' ' || (${pgArray(LAST)})[k + 3],
                                                  'labelEn', (${pgArray(FIRST)})[k] || ' ' || (${pgArray(LAST)})[k + 3]) ORDER BY k)
                FROM generate_series(1, 6) AS k) END`;
    await step('every method, scheduled, open and tallied', 'vote', () =>
      count(
        `INSERT INTO vote (id, subject_type, subject_id, decision_type, charter_version, title_fr, title_en, electorate_kind,
                           electorate_ref, method, choice_kind, options, grades, seats, stv_rules, threshold_numerator,
                           threshold_denominator, threshold_comparison, threshold_base, quorum_kind, quorum_numerator,
                           quorum_denominator, secrecy, college_weighting, binding, survey_id, opens_at, closes_at, status,
                           roll_fingerprint, roll_audit_hash, opened_at, closed_at, created_by_account_id, created_at, updated_at)
         SELECT s.id, s.subject_type, s.subject_id, s.decision_type::decision_type, 1,
                coalesce(s.title, left(p.title, 200), 'Vote'), coalesce(s.title, left(p.title, 200), 'Vote'),
                s.electorate_kind, s.electorate_ref, s.method::vote_method, s.choice_kind, ${optionsSql},
                CASE WHEN s.method = 'majority_judgment' THEN '[{"id":"excellent","labelFr":"Excellent","labelEn":"Excellent"},{"id":"tres_bien","labelFr":"Très bien","labelEn":"Very good"},{"id":"bien","labelFr":"Bien","labelEn":"Good"},{"id":"passable","labelFr":"Passable","labelEn":"Fair"},{"id":"insuffisant","labelFr":"Insuffisant","labelEn":"Poor"},{"id":"a_rejeter","labelFr":"À rejeter","labelEn":"Reject"}]'::jsonb END,
                s.seats, s.stv_rules, r.threshold_numerator, r.threshold_denominator, r.threshold_comparison, r.threshold_base,
                r.quorum_kind, r.quorum_numerator, r.quorum_denominator,
                CASE WHEN s.subject_type = 'survey_question' THEN 'named' ELSE r.secrecy END,
                r.college_weighting AND s.electorate_kind = 'assembly', s.subject_type <> 'survey_question', s.survey,
                s.opens_at, s.closes_at, s.status,
                CASE WHEN s.status <> 'scheduled' THEN 'pending' END, CASE WHEN s.status <> 'scheduled' THEN 'pending' END,
                CASE WHEN s.status <> 'scheduled' THEN s.opens_at END, CASE WHEN s.status = 'tallied' THEN s.closes_at END,
                ${SECRETARY}, s.opens_at - interval '10 days', coalesce(CASE WHEN s.status = 'tallied' THEN s.closes_at END, s.opens_at)
           FROM seed_vote s
           JOIN decision_rule r ON r.charter_version_id = ${CHARTER} AND r.decision_type::text = s.decision_type
           LEFT JOIN proposal p ON p.id = s.subject_id`,
      ),
    );
    await step('agenda of each general assembly: its proposals and elections', 'agenda_item', () =>
      count(
        `INSERT INTO agenda_item (assembly_id, position, kind, title_fr, title_en, ref_id, decision_type)
         SELECT v.electorate_ref, row_number() OVER (PARTITION BY v.electorate_ref ORDER BY v.subject_type DESC, v.id),
                (CASE WHEN v.subject_type = 'proposal' AND v.decision_type = 'contribution_scale' THEN 'contribution_scale'
                      WHEN v.subject_type = 'proposal' THEN 'proposal' ELSE 'election' END)::agenda_item_kind,
                v.title_fr, v.title_en, coalesce(v.subject_id, v.id), v.decision_type
           FROM vote v WHERE v.electorate_kind = 'assembly'`,
      ),
    );
    await step(
      'rolls frozen at opening (attendees, trustees, council seats, all members)',
      'vote_roll',
      () =>
        count(
          `INSERT INTO vote_roll (vote_id, member_id, college_id, weight, cast_by_member_id)
         SELECT v.id, a.member_id, a.college_id, c.weight, a.member_id
           FROM vote v JOIN assembly_attendance a ON a.assembly_id = v.electorate_ref JOIN college c ON c.id = a.college_id
          WHERE v.electorate_kind = 'assembly' AND v.status <> 'scheduled'
         UNION ALL
         SELECT v.id, m.id, m.college_id, c.weight, m.id
           FROM vote v JOIN account ac ON 'trustee' = ANY (ac.roles) JOIN member m ON m.id = ac.member_id AND m.status = 'active'
           JOIN college c ON c.id = m.college_id
          WHERE v.electorate_kind = 'board' AND v.status <> 'scheduled'
         UNION ALL
         SELECT v.id, m.id, m.college_id, c.weight, m.id
           FROM vote v JOIN council_seat s ON s.council_id = v.electorate_ref AND s.status = 'active'
           JOIN member m ON m.id = s.member_id AND m.status = 'active' JOIN college c ON c.id = m.college_id
          WHERE v.electorate_kind = 'council' AND v.status <> 'scheduled'
         UNION ALL
         SELECT v.id, m.id, m.college_id, c.weight, m.id
           FROM vote v JOIN member m ON m.status = 'active' AND m.admitted_at < v.opens_at JOIN college c ON c.id = m.college_id
          WHERE v.electorate_kind = 'all_members' AND v.status <> 'scheduled'`,
        ),
    );
    await sql(
      `UPDATE vote SET roll_size = 0, roll_fingerprint = encode(sha256(''::bytea), 'hex') WHERE status <> 'scheduled'`,
    );
    await step('roll fingerprints (the published formula)', 'vote', () =>
      count(
        `UPDATE vote v SET roll_size = f.size, roll_fingerprint = f.fingerprint
           FROM (SELECT vote_id, count(*)::int AS size,
                        encode(sha256(convert_to(string_agg(
                          member_id::text || ':' || college_id::text || ':' || weight || ':' || cast_by_member_id::text,
                          E'\\n' ORDER BY member_id), 'UTF8')), 'hex') AS fingerprint
                   FROM vote_roll GROUP BY vote_id) f
          WHERE f.vote_id = v.id`,
      ),
    );
    await step('who voted (secret votes: no ballot link)', 'participation', () =>
      count(
        `INSERT INTO participation (vote_id, member_id, cast_by_member_id, ballot_id, secret, cast_at)
         SELECT r.vote_id, r.member_id, r.cast_by_member_id,
                CASE WHEN v.secrecy = 'secret' THEN NULL ELSE pg_temp.u('b' || r.vote_id || r.member_id) END,
                v.secrecy = 'secret',
                v.opens_at + (least(v.closes_at, ${T}) - v.opens_at) * pg_temp.r('ct' || r.vote_id || r.member_id)
           FROM vote_roll r JOIN vote v ON v.id = r.vote_id JOIN seed_vote s ON s.id = r.vote_id
          WHERE pg_temp.r('p' || r.vote_id || r.member_id) < s.turnout`,
      ),
    );
    // A ballot's content from two uniform draws x, y and the vote's lean (share of "yes", skew of preferences).
    await sql(`CREATE FUNCTION pg_temp.content(method text, choice_kind text, x float8, y float8, lean float8)
      RETURNS jsonb IMMUTABLE LANGUAGE sql AS $$
      SELECT CASE
        WHEN method = 'choice' AND choice_kind = 'motion' THEN
          CASE WHEN x < 0.03 THEN '"abstain"'::jsonb WHEN x < 0.04 THEN '"blank"'::jsonb
               WHEN y < lean THEN '{"option":"yes"}'::jsonb ELSE '{"option":"no"}'::jsonb END
        WHEN method = 'choice' THEN jsonb_build_object('option', 'o' || (1 + floor(power(y, 1 + lean) * 4))::int)
        WHEN method = 'approval' THEN
          to_jsonb(ARRAY(SELECT 'c' || k FROM generate_series(1, 5) AS k
                          WHERE ((1 + floor(power(y, lean) * 31)::int) >> (k - 1)) & 1 = 1 ORDER BY 1))
        WHEN method = 'majority_judgment' THEN
          jsonb_build_object('c1', floor(y * 6)::int, 'c2', (floor(y * 36)::bigint % 6)::int, 'c3', least(5, floor(x * 4)::int + 2))
        ELSE
          to_jsonb((string_to_array(pg_temp.pick(ARRAY['c1,c2,c3,c4,c5,c6', 'c2,c1,c3,c5,c4,c6', 'c3,c1,c2,c4,c6,c5',
                          'c1,c3,c2,c6,c5,c4', 'c4,c5,c1,c2,c3,c6', 'c5,c4,c6,c1,c2,c3', 'c2,c3,c1,c4,c5,c6',
                          'c6,c5,c4,c3,c2,c1'], power(y, 1 + lean)), ','))[1:2 + floor(x * 5)::int])
      END $$`);
    await step(
      'what was voted: secret ballots shuffled, with ids and receipts unrelated to voters',
      'ballot',
      () =>
        count(
          `INSERT INTO ballot (id, vote_id, content, college_id, receipt_hash)
         SELECT CASE WHEN q.secret THEN pg_temp.u('sb' || q.vote_id || ':' || q.rn) ELSE q.ballot_id END,
                q.vote_id,
                pg_temp.content(v.method::text, v.choice_kind, pg_temp.r('x' || q.vote_id || ':' || q.rn),
                                pg_temp.r('y' || q.vote_id || ':' || q.rn), s.yes_share),
                CASE WHEN v.college_weighting THEN q.college_id END,
                encode(sha256(convert_to('${seed}:receipt:' || q.vote_id || ':' || q.rn, 'UTF8')), 'hex')
           FROM (SELECT p.vote_id, p.secret, p.ballot_id, r.college_id,
                        row_number() OVER (PARTITION BY p.vote_id ORDER BY pg_temp.r('sh' || p.vote_id || p.member_id)) AS rn
                   FROM participation p JOIN vote_roll r ON r.vote_id = p.vote_id AND r.member_id = p.member_id) q
           JOIN vote v ON v.id = q.vote_id JOIN seed_vote s ON s.id = q.vote_id
          ORDER BY q.vote_id, q.rn`,
        ),
    );
    // An assembly's own quorum, measured at close as the app does (present + represented against eligible).
    await step('assembly quorum measured at each close', 'assembly_vote_quorum', () =>
      count(
        `WITH q AS MATERIALIZED (
           SELECT a.id, a.quorum_numerator AS n, a.quorum_denominator AS d,
                  (SELECT count(*)::int FROM assembly_attendance t WHERE t.assembly_id = a.id) AS present,
                  (SELECT count(*)::int FROM member m WHERE m.status = 'active' AND m.admitted_at < a.starts_at) AS eligible
             FROM assembly a WHERE a.kind = 'general_assembly')
         INSERT INTO assembly_vote_quorum (vote_id, assembly_id, present, represented, eligible, required, met, measured_at)
         SELECT v.id, q.id, q.present, 0, q.eligible, ((q.eligible::bigint * q.n + q.d - 1) / q.d)::int,
                q.eligible > 0 AND q.present::bigint * q.d >= q.eligible::bigint * q.n, v.closed_at
           FROM vote v JOIN q ON q.id = v.electorate_ref
          WHERE v.electorate_kind = 'assembly' AND v.status = 'tallied'`,
      ),
    );
    await step('results counted by the app from the stored ballots', 'vote_result', async () => {
      const ids = (await sql(`SELECT id FROM vote WHERE status = 'tallied' ORDER BY id`)).rows.map(
        (r) => r.id as string,
      );
      const votes = await dataSource.getRepository(Vote).findBy({ id: In(ids) });
      const groups = new Map<
        string,
        { content: unknown; collegeId: string | null; count: number }[]
      >();
      for (const g of (
        await sql(
          `SELECT b.vote_id, b.content, b.college_id, count(*)::int AS n FROM ballot b JOIN vote v ON v.id = b.vote_id
          WHERE v.status = 'tallied' GROUP BY 1, 2, 3`,
        )
      ).rows) {
        const list = groups.get(g.vote_id as string) ?? [];
        list.push({
          content: g.content,
          collegeId: g.college_id as string | null,
          count: g.n as number,
        });
        groups.set(g.vote_id as string, list);
      }
      const colleges = new Map<string, { collegeId: string; weight: number; voters: number }[]>();
      for (const c of (
        await sql(
          `SELECT r.vote_id, r.college_id, max(r.weight)::int AS weight, count(*)::int AS voters
           FROM vote_roll r JOIN vote v ON v.id = r.vote_id WHERE v.status = 'tallied'
          GROUP BY 1, 2 ORDER BY 1, 2`,
        )
      ).rows) {
        const list = colleges.get(c.vote_id as string) ?? [];
        list.push({
          collegeId: c.college_id as string,
          weight: c.weight as number,
          voters: c.voters as number,
        });
        colleges.set(c.vote_id as string, list);
      }
      const participations = new Map(
        (
          await sql(
            `SELECT p.vote_id, count(*)::int AS n FROM participation p JOIN vote v ON v.id = p.vote_id
            WHERE v.status = 'tallied' GROUP BY 1`,
          )
        ).rows.map((r) => [r.vote_id as string, r.n as number]),
      );
      const quorums = new Map(
        (
          await sql(
            'SELECT vote_id, present, represented, eligible, required, met FROM assembly_vote_quorum',
          )
        ).rows.map((q) => [
          q.vote_id as string,
          {
            met: q.met as boolean,
            details: {
              present: q.present as number,
              represented: q.represented as number,
              eligible: q.eligible as number,
              required: q.required as number,
              met: q.met as boolean,
            },
          },
        ]),
      );
      const rows = votes.map((vote) => {
        const input = {
          groups: groups.get(vote.id) ?? [],
          colleges: colleges.get(vote.id) ?? [],
          participations: participations.get(vote.id) ?? 0,
          electorateQuorum: quorums.get(vote.id) ?? null,
        };
        const counted = countVote(vote, input);
        const ballots = input.groups.reduce((sum, g) => sum + g.count, 0);
        return { vote, counted, ballots, participations: input.participations };
      });
      await sql(
        `INSERT INTO vote_result (id, vote_id, outcome, quorum_met, eligible, participations, ballots, winners, canonical, hash, created_at)
         SELECT pg_temp.u('res' || r.vote_id), r.vote_id, r.outcome, r.quorum_met, r.eligible, r.participations, r.ballots,
                ARRAY(SELECT jsonb_array_elements_text(r.winners)), r.canonical, r.hash, v.closed_at
           FROM unnest($1::uuid[], $2::text[], $3::boolean[], $4::int[], $5::int[], $6::int[], $7::jsonb[], $8::text[], $9::text[])
                AS r(vote_id, outcome, quorum_met, eligible, participations, ballots, winners, canonical, hash)
           JOIN vote v ON v.id = r.vote_id`,
        [
          rows.map((r) => r.vote.id),
          rows.map((r) => r.counted.outcome),
          rows.map((r) => r.counted.quorum.met),
          rows.map((r) => r.counted.quorum.eligible),
          rows.map((r) => r.participations),
          rows.map((r) => r.ballots),
          rows.map((r) => JSON.stringify(r.counted.winners)),
          rows.map((r) => r.counted.canonical),
          rows.map((r) => r.counted.hash),
        ],
      );
      // History: secret ballots were seeded shuffled, and every result was announced.
      await sql(
        `UPDATE vote SET result_announced_at = closed_at,
                ballots_unlinked_at = CASE WHEN secrecy = 'secret' THEN closed_at END
          WHERE status = 'tallied'`,
      );
      return rows.length;
    });
    await step(
      "decided proposals take their vote's outcome; two in five adopted are implemented",
      'proposal',
      () =>
        count(
          `UPDATE proposal p SET status = (CASE WHEN r.outcome = 'adopted' AND pg_temp.r('impl' || p.id) < 0.4 THEN 'implemented'
                                             ELSE r.outcome END)::proposal_status
           FROM vote v JOIN vote_result r ON r.vote_id = v.id
          WHERE v.subject_type = 'proposal' AND v.subject_id = p.id`,
        ),
    );

    // ── contributions ──────────────────────────────────────────────────────
    const fiscalYear = now.getUTCMonth() >= 3 ? now.getUTCFullYear() : now.getUTCFullYear() - 1;
    await step(
      "scales of three fiscal years (adopted with their proposals) and next year's draft",
      'contribution_scale',
      () =>
        count(
          `INSERT INTO contribution_scale (id, fiscal_year, fiscal_year_starts_on, name, status, due_on, campaign_target_cents,
                                         individual_dues_cents, proration_rule, proposal_id, drafted_by_account_id,
                                         submitted_at, decided_at, created_at, updated_at)
         SELECT pg_temp.u('scale' || y), y, make_date(y, 4, 1), 'Barème ' || y || '-' || (y + 1),
                (CASE WHEN p.id IS NULL THEN 'draft' WHEN p.status IN ('adopted','implemented') THEN 'adopted' ELSE 'rejected' END)::contribution_scale_status,
                make_date(y, 9, 30), 150000000 + (y - $1 + 3) * 10000000, NULL, 'remaining_months', p.id, '${staff.treasurer.id}'::uuid,
                p.submitted_at, p.decided_at, coalesce(p.created_at, ${T}), coalesce(p.decided_at, ${T})
           FROM generate_series($1 - 2, $1 + 1) AS y
           LEFT JOIN proposal p ON y <= $1 AND p.id = pg_temp.u('p' || (y - $1 + 3))`,
          [fiscalYear],
        ),
    );
    await step('tiers: category × size band', 'contribution_tier', () =>
      count(
        `INSERT INTO contribution_tier (scale_id, organisation_category, size_band, amount_cents)
         SELECT s.id, c, b, 25000 + 20000 * bo + 15000 * co + 2500 * (s.fiscal_year - $1 + 2)
           FROM contribution_scale s
           CROSS JOIN unnest(enum_range(NULL::organisation_category)) WITH ORDINALITY AS cs(c, co)
           CROSS JOIN unnest(enum_range(NULL::size_band)) WITH ORDINALITY AS bs(b, bo)`,
        [fiscalYear],
      ),
    );
    await step(
      "calls issued by the app's own SQL for each adopted scale",
      'contribution_call',
      async () => {
        let n = 0;
        const scales = (
          await sql(
            `SELECT id, decided_at FROM contribution_scale WHERE status = 'adopted' ORDER BY fiscal_year`,
          )
        ).rows;
        for (const s of scales) {
          n += await count(ISSUE_CALLS, [s.id]);
          await sql(
            `UPDATE contribution_call SET issued_at = $2::timestamptz + interval '1 day' WHERE scale_id = $1`,
            [s.id, s.decided_at],
          );
          await sql(
            `UPDATE contribution_scale SET calls_issued_at = $2::timestamptz + interval '1 day' WHERE id = $1`,
            [s.id, s.decided_at],
          );
        }
        return n;
      },
    );
    await step(
      'payments (full and partial), waivers by board decision, overdue calls',
      'contribution_payment',
      async () => {
        await sql(
          `UPDATE contribution_call c SET waived_cents = c.amount_cents, waiver_board_decision = 'CA-' || s.fiscal_year || '-' || (10 + floor(pg_temp.r('wv' || c.id) * 80))::int,
                waiver_reason = 'Organisation en difficulté financière', waived_by_account_id = ${TREASURER},
                waived_at = c.issued_at + interval '60 days'
           FROM contribution_scale s WHERE s.id = c.scale_id AND pg_temp.r('pay' || c.id) >= 0.95`,
        );
        const n = await count(
          `INSERT INTO contribution_payment (call_id, amount_cents, paid_on, method, reference, note, recorded_by_account_id, recorded_at)
         SELECT c.id, CASE WHEN x.r < past.full_share THEN c.amount_cents ELSE greatest(1, c.amount_cents / 2) END,
                least(${T}::date - 1, c.due_on - (floor(pg_temp.r('pd' || c.id) * 60))::int),
                pg_temp.pick(ARRAY['transfer','transfer','transfer','cheque','direct_debit','card'], pg_temp.r('pm' || c.id))::payment_method,
                c.reference, NULL, ${TREASURER},
                least(${T}, (c.due_on - (floor(pg_temp.r('pd' || c.id) * 60))::int)::timestamptz + interval '2 days')
           FROM contribution_call c JOIN contribution_scale s ON s.id = c.scale_id
           CROSS JOIN LATERAL (SELECT pg_temp.r('pay' || c.id) AS r) x
           CROSS JOIN LATERAL (SELECT CASE WHEN s.fiscal_year < $1 THEN 0.85 ELSE 0.5 END AS full_share,
                                      CASE WHEN s.fiscal_year < $1 THEN 0.9 ELSE 0.65 END AS any_share) past
          WHERE x.r < past.any_share AND c.amount_cents > 0`,
          [fiscalYear],
        );
        await sql(
          `UPDATE contribution_call c SET overdue_at = c.due_on + interval '1 day'
          WHERE c.due_on < ${T}::date AND c.waived_cents = 0
            AND coalesce((SELECT sum(amount_cents) FROM contribution_payment p WHERE p.call_id = c.id), 0) < c.amount_cents`,
        );
        const callIds = (await sql('SELECT id FROM contribution_call')).rows.map((r) => r.id);
        await sql(REFRESH_CALL_STATUS, [callIds]);
        return n;
      },
    );
    await step(
      'volunteer hours, seconded staff and lent premises, mostly approved',
      'in_kind_contribution',
      () =>
        count(
          `INSERT INTO in_kind_contribution (member_id, kind, person_name, activity, performed_on, minutes, staff_days,
                                           declared_value_cents, council_id, status, hourly_rate_cents, charter_version,
                                           value_cents, recorded_by_account_id, decided_by_account_id, decided_at,
                                           decision_reason, created_at, recognition_consent)
         SELECT m.id, k.kind::in_kind_kind,
                CASE WHEN k.kind IN ('volunteer_hours','seconded_staff') THEN coalesce(m.representative_name, m.display_name) END,
                pg_temp.pick(ARRAY['Animation d''ateliers','Comité éditorial','Accueil en assemblée','Traduction',
                                   'Soutien informatique','Prêt de salle','Mentorat jeunesse'], pg_temp.r('act' || i)),
                (${T} - make_interval(days => (1 + pg_temp.r('pf' || i) * 700)::int))::date,
                CASE WHEN k.kind = 'volunteer_hours' THEN 30 + 15 * floor(pg_temp.r('min' || i) * 31)::int END,
                CASE WHEN k.kind = 'seconded_staff' THEN 1 + floor(pg_temp.r('sd' || i) * 10)::int END,
                k.declared,
                CASE WHEN pg_temp.r('ikc' || i) < 0.4 THEN (SELECT id FROM council ORDER BY code OFFSET (i % (SELECT count(*) FROM council)) LIMIT 1) END,
                st.status::in_kind_status,
                CASE WHEN st.status = 'approved' AND k.kind = 'volunteer_hours' THEN $2::bigint END,
                CASE WHEN st.status = 'approved' THEN 1 END,
                CASE WHEN st.status <> 'approved' THEN NULL
                     WHEN k.kind = 'volunteer_hours' THEN ((30 + 15 * floor(pg_temp.r('min' || i) * 31)::int) * $2::bigint + 30) / 60
                     ELSE k.declared END,
                ${TREASURER}, CASE WHEN st.status <> 'pending' THEN ${TREASURER} END,
                CASE WHEN st.status <> 'pending' THEN ${T} - make_interval(days => (pg_temp.r('pf' || i) * 600)::int) END,
                CASE WHEN st.status = 'refused' THEN 'Activité hors mission' END,
                ${T} - make_interval(days => (1 + pg_temp.r('pf' || i) * 700)::int),
                -- Thanked by name only with consent: three in five give it.
                k.kind IN ('volunteer_hours', 'seconded_staff') AND pg_temp.r('consent' || m.id) < 0.6
           FROM generate_series(1, $1) AS i
           JOIN member m ON m.id = pg_temp.u('m' || (1 + floor(pg_temp.r('ikm' || i) * ${scale.members})::int))
           CROSS JOIN LATERAL (SELECT CASE WHEN pg_temp.r('ikk' || i) < 0.9 THEN 'volunteer_hours'
                                           WHEN pg_temp.r('ikk' || i) < 0.95 THEN 'seconded_staff'
                                           WHEN pg_temp.r('ikk' || i) < 0.98 THEN 'lent_premises' ELSE 'lent_equipment' END AS kind) k0
           CROSS JOIN LATERAL (SELECT k0.kind, CASE WHEN k0.kind <> 'volunteer_hours' THEN (50000 + floor(pg_temp.r('dv' || i) * 500000))::bigint END AS declared) k
           CROSS JOIN LATERAL (SELECT CASE WHEN pg_temp.r('iks' || i) < 0.8 THEN 'approved'
                                           WHEN pg_temp.r('iks' || i) < 0.95 THEN 'pending' ELSE 'refused' END AS status) st
          WHERE m.status <> 'applicant'`,
          [scale.volunteerRecords, charter.rate],
        ),
    );

    // ── audit chain ────────────────────────────────────────────────────────
    await step(
      'the history as a hash chain (real hashes), streamed by COPY',
      'audit_event',
      async () => {
        const events = (
          await sql(
            `SELECT * FROM (
           SELECT admitted_at AS at, 1 AS o, 'member.admitted' AS action, 'member' AS entity_type, id::text AS entity_id,
                  jsonb_build_object('status', 'active') AS data, ${SECRETARY}::text AS actor
             FROM member WHERE admitted_at IS NOT NULL
           UNION ALL
           SELECT changed_at, 2, 'member.status_changed', 'member', member_id::text,
                  jsonb_build_object('from', from_status, 'to', to_status), ${SECRETARY}::text
             FROM member_status_change WHERE from_status = 'active'
           UNION ALL
           SELECT decided_at, 3, 'council.seat_decided', 'council_seat', id::text, jsonb_build_object('status', status), ${SECRETARY}::text
             FROM council_seat WHERE decided_at IS NOT NULL
           UNION ALL
           SELECT submitted_at, 4, 'proposal.submitted', 'proposal', id::text, jsonb_build_object('status', 'submitted'), created_by_account_id::text
             FROM proposal WHERE submitted_at IS NOT NULL
           UNION ALL
           SELECT opened_at, 5, 'vote.opened', 'vote', id::text,
                  jsonb_build_object('rollFingerprint', roll_fingerprint, 'rollSize', roll_size, 'version', version), NULL
             FROM vote WHERE opened_at IS NOT NULL
           UNION ALL
           SELECT v.closed_at, 6, 'vote.closed', 'vote', v.id::text,
                  jsonb_build_object('participations', r.participations, 'ballots', r.ballots, 'version', v.version, 'closedTogether', 1), NULL
             FROM vote v JOIN vote_result r ON r.vote_id = v.id
           UNION ALL
           SELECT v.closed_at + interval '1 second', 7, 'vote.tallied', 'vote', v.id::text,
                  jsonb_build_object('outcome', r.outcome, 'resultHash', r.hash, 'winners', to_jsonb(r.winners)), NULL
             FROM vote v JOIN vote_result r ON r.vote_id = v.id
           UNION ALL
           SELECT decided_at, 8, 'proposal.decided', 'proposal', id::text, jsonb_build_object('status', status), NULL
             FROM proposal WHERE decided_at IS NOT NULL
           UNION ALL
           SELECT calls_issued_at, 9, 'contribution.calls_issued', 'contribution_scale', id::text,
                  jsonb_build_object('calls', (SELECT count(*) FROM contribution_call c WHERE c.scale_id = s.id)), ${SECRETARY}::text
             FROM contribution_scale s WHERE calls_issued_at IS NOT NULL
           UNION ALL
           SELECT recorded_at, 10, 'contribution.payment_recorded', 'contribution_payment', id::text,
                  jsonb_build_object('callId', call_id, 'amountCents', amount_cents::text), recorded_by_account_id::text
             FROM contribution_payment
           UNION ALL
           SELECT decided_at, 11, 'in_kind.' || status, 'in_kind_contribution', id::text,
                  jsonb_build_object('valueCents', value_cents::text), decided_by_account_id::text
             FROM in_kind_contribution WHERE decided_at IS NOT NULL
         ) e ORDER BY at, o, entity_id`,
          )
        ).rows as {
          at: Date;
          action: string;
          entity_type: string;
          entity_id: string;
          data: Record<string, unknown>;
          actor: string | null;
        }[];
        let prevHash = GENESIS_HASH;
        const opened: { id: string; hash: string; headSeq: number; head: string }[] = [];
        const closed: { id: string; headSeq: number; head: string }[] = [];
        const lines: string[] = [];
        events.forEach((e, i) => {
          // The chain hashes the time as stored and read back: milliseconds (Date), in UTC.
          const occurredAt = new Date(e.at.getTime());
          const fields = {
            seq: i + 1,
            occurredAt,
            actorAccountId: e.actor,
            action: e.action,
            entityType: e.entity_type,
            entityId: e.entity_id,
            // A vote's opening and closing events record the chain head they follow, as the app's do.
            data:
              e.action === 'vote.opened' || e.action === 'vote.closed'
                ? { ...e.data, chainHead: { seq: i, hash: prevHash } }
                : e.data,
          };
          const hash = chainHash(prevHash, fields);
          if (e.action === 'vote.opened')
            opened.push({ id: e.entity_id, hash, headSeq: i, head: prevHash });
          if (e.action === 'vote.closed')
            closed.push({ id: e.entity_id, headSeq: i, head: prevHash });
          lines.push(
            [
              String(i + 1),
              occurredAt.toISOString(),
              e.actor,
              e.action,
              e.entity_type,
              e.entity_id,
              JSON.stringify(fields.data),
              prevHash,
              hash,
            ]
              .map(copyText)
              .join('\t'),
          );
          prevHash = hash;
        });
        const chunks = function* () {
          for (let i = 0; i < lines.length; i += 5000)
            yield `${lines.slice(i, i + 5000).join('\n')}\n`;
        };
        await pipeline(
          Readable.from(chunks()),
          client.query(
            copyFrom(
              'COPY audit_event (seq, occurred_at, actor_account_id, action, entity_type, entity_id, data, prev_hash, hash) FROM STDIN',
            ),
          ),
        );
        // Each opened vote anchors its roll with its vote.opened event's hash, and publishes the
        // heads its opening and closing events follow, as the app does.
        await sql(
          `UPDATE vote v SET roll_audit_hash = o.hash, open_audit_seq = o.head_seq, open_audit_head = o.head
             FROM unnest($1::uuid[], $2::text[], $3::bigint[], $4::text[]) AS o(id, hash, head_seq, head)
            WHERE v.id = o.id`,
          [
            opened.map((o) => o.id),
            opened.map((o) => o.hash),
            opened.map((o) => o.headSeq),
            opened.map((o) => o.head),
          ],
        );
        await sql(
          `UPDATE vote v SET close_audit_seq = c.head_seq, close_audit_head = c.head
             FROM unnest($1::uuid[], $2::bigint[], $3::text[]) AS c(id, head_seq, head)
            WHERE v.id = c.id`,
          [closed.map((c) => c.id), closed.map((c) => c.headSeq), closed.map((c) => c.head)],
        );
        return events.length;
      },
    );

    await step('statistics for the planner', '(analyze)', async () => {
      await sql('ANALYZE');
      return null;
    });

    const counts: Record<string, number> = {};
    for (const table of [
      'member',
      'account',
      'council',
      'council_seat',
      'assembly',
      'assembly_attendance',
      'proposal',
      'argument',
      'vote',
      'vote_roll',
      'participation',
      'ballot',
      'vote_result',
      'contribution_call',
      'contribution_payment',
      'in_kind_contribution',
      'audit_event',
    ]) {
      counts[table] = Number((await sql(`SELECT count(*)::bigint AS n FROM ${table}`)).rows[0].n);
    }
    const [check] = (
      await sql(
        `SELECT count(*)::int AS bad FROM vote v
        WHERE (SELECT count(*) FROM participation p WHERE p.vote_id = v.id)
           <> (SELECT count(*) FROM ballot b WHERE b.vote_id = v.id)`,
      )
    ).rows as { bad: number }[];
    if (check.bad > 0) throw new Error(`${check.bad} votes with participations ≠ ballots`);
    return {
      scale: scale.name,
      seed,
      now: now.toISOString(),
      steps,
      totalMs: Date.now() - started,
      counts,
      staff,
    };
  } finally {
    client.release();
  }
}
