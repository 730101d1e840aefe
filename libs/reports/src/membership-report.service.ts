import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Localized } from '@delibera/kernel';
import {
  AGE_BANDS,
  labelOf,
  MEMBER_CATEGORIES,
  MEMBER_KINDS,
  MEMBER_STATUSES,
  regionLabel,
} from './labels';
import { Period } from './period';
import { ageBandSql, COUNCIL_ELIGIBLE_SQL, MEMBER_CATEGORY_SQL, statusAt, TZ } from './report-sql';
import { CouncilPoolType, MembershipReportType, ReportCountType } from './reports.types';

const count = (key: string, label: Localized, n: unknown): ReportCountType => ({
  key,
  labelFr: label.fr,
  labelEn: label.en,
  count: Number(n),
});

/**
 * Each council's eligible pool from g, members active at an instant counted by
 * (kind, region, age_years): a few thousand groups, whatever the membership's
 * size, matched against each council's rule. Rows shaped like the report's groups.
 */
const POOLS_SQL = `
  SELECT 'pool' AS dimension, c.code AS key, c.name_fr, c.name_en,
         coalesce(sum(g.n) FILTER (WHERE ${COUNCIL_ELIGIBLE_SQL}), 0)::int AS n, c.id, c.seats
  FROM council c LEFT JOIN g ON true
  GROUP BY c.id`;

/** One group of a composition: a status, a cut of the active members, or a council's pool. */
interface Group {
  dimension: string;
  key: string;
  name_fr: string | null;
  name_en: string | null;
  n: number;
  id: string | null;
  seats: number | null;
}

/** A composition counted at an instant (`asOf`), from a snapshot or live. */
export interface Composition {
  asOf: Date;
  groups: Group[];
}

/**
 * The composition at instant $1 (timestamptz): every member's status then
 * (from the status history, read in one pass), then every cut of the active
 * members in one grouping pass; (kind, region, age) feeds the councils' pools.
 */
const COMPOSITION_SQL = (() => {
  const at = statusAt('$1::timestamptz', 'at');
  const day = `($1::timestamptz AT TIME ZONE ${TZ})::date`;
  return `WITH statuses AS (
      SELECT m.id, m.kind, m.college_id, m.organisation_category, m.region, m.birth_date,
             ${at.status} AS status
      FROM member m ${at.joins}),
    active AS (SELECT m.*, ${ageBandSql(day)} AS age_band, ${MEMBER_CATEGORY_SQL} AS category,
                      extract(year FROM age(${day}, m.birth_date))::int AS age_years
               FROM statuses m WHERE m.status = 'active'),
    cuts AS (
      SELECT CASE WHEN GROUPING(age_years) = 0 THEN 'pool'
                  WHEN GROUPING(kind) = 0 THEN 'kind'
                  WHEN GROUPING(college_id) = 0 THEN 'college'
                  WHEN GROUPING(category) = 0 THEN 'category'
                  WHEN GROUPING(region) = 0 THEN 'region'
                  ELSE 'ageBand' END AS dimension,
             kind, college_id, category, region, age_band, age_years, count(*) AS n
      FROM active
      GROUP BY GROUPING SETS ((kind), (college_id), (category), (region), (age_band), (kind, region, age_years))),
    g AS (SELECT kind, region, age_years, n FROM cuts WHERE dimension = 'pool')
    SELECT 'status' AS dimension, status::text AS key, NULL AS name_fr, NULL AS name_en,
           count(*)::int AS n, NULL::uuid AS id, NULL::int AS seats
    FROM statuses WHERE status IS NOT NULL GROUP BY status
    UNION ALL
    SELECT dimension,
           CASE dimension WHEN 'kind' THEN kind::text WHEN 'category' THEN category
                          WHEN 'region' THEN region::text ELSE age_band END,
           NULL, NULL, n::int, NULL, NULL
      FROM cuts WHERE dimension IN ('kind', 'category', 'region', 'ageBand')
    UNION ALL
    SELECT 'college', c.code, c.name_fr, c.name_en, coalesce(k.n, 0)::int, NULL, NULL
      FROM college c LEFT JOIN cuts k ON k.dimension = 'college' AND k.college_id = c.id
    UNION ALL
    ${POOLS_SQL}
    ORDER BY 1, 2`;
})();

const pool = (r: Group): CouncilPoolType => ({
  councilId: String(r.id),
  code: String(r.key),
  nameFr: String(r.name_fr),
  nameEn: String(r.name_en),
  seats: Number(r.seats),
  eligible: Number(r.n),
});

/**
 * Membership: the composition at the end of the period (from the snapshot at
 * or before it), its flows month by month (counted live), the councils' pools.
 */
@Injectable()
export class MembershipReportService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async report(period: Period): Promise<MembershipReportType> {
    // The two compositions and the monthly flows are asked at once, each on its own connection.
    const [start, end, months] = await Promise.all([
      this.compositionAt(period.from),
      this.compositionAt(period.to),
      this.dataSource.query(
        `WITH events AS (
         SELECT admitted_at AS at, 'joined' AS what FROM member
          WHERE admitted_at >= $1 AND admitted_at < $2
         UNION ALL
         SELECT changed_at, CASE WHEN to_status = 'active' THEN 'reinstated' ELSE to_status::text END
           FROM member_status_change
          WHERE changed_at >= $1 AND changed_at < $2
            AND (to_status IN ('resigned', 'suspended') OR (to_status = 'active' AND from_status = 'suspended')))
       SELECT to_char(at AT TIME ZONE ${TZ}, 'YYYY-MM') AS month,
              count(*) FILTER (WHERE what = 'joined')::int AS joined,
              count(*) FILTER (WHERE what = 'resigned')::int AS resigned,
              count(*) FILTER (WHERE what = 'suspended')::int AS suspended,
              count(*) FILTER (WHERE what = 'reinstated')::int AS reinstated
       FROM events GROUP BY 1 ORDER BY 1`,
        [period.from, period.to],
      ) as Promise<Record<string, unknown>[]>,
    ]);
    const of = (dimension: string) => end.groups.filter((g) => g.dimension === dimension);
    const activeAt = (c: Composition) =>
      Number(c.groups.find((g) => g.dimension === 'status' && g.key === 'active')?.n ?? 0);
    const byStatus = of('status').map((g) => count(g.key, labelOf(MEMBER_STATUSES, g.key), g.n));
    return {
      period,
      compositionAsOf: end.asOf,
      activeAtStartAsOf: start.asOf,
      activeAtStart: activeAt(start),
      activeAtEnd: activeAt(end),
      joined: months.reduce((sum, m) => sum + Number(m.joined), 0),
      resigned: months.reduce((sum, m) => sum + Number(m.resigned), 0),
      byStatus,
      byKind: of('kind').map((g) => count(g.key, labelOf(MEMBER_KINDS, g.key), g.n)),
      byCollege: of('college').map((g) =>
        count(g.key, { fr: g.name_fr ?? g.key, en: g.name_en ?? g.key }, g.n),
      ),
      byCategory: of('category').map((g) => count(g.key, labelOf(MEMBER_CATEGORIES, g.key), g.n)),
      byRegion: of('region').map((g) => count(g.key, regionLabel(g.key), g.n)),
      byAgeBand: of('ageBand').map((g) => count(g.key, labelOf(AGE_BANDS, g.key), g.n)),
      overTime: months.map((m) => ({
        month: String(m.month),
        joined: Number(m.joined),
        resigned: Number(m.resigned),
        suspended: Number(m.suspended),
        reinstated: Number(m.reinstated),
      })),
      councilPools: of('pool').map(pool),
    };
  }

  /** Members active at an instant who meet each council's rule on that day, as of the snapshot then. */
  async councilPools(at: Date): Promise<{ asOf: Date; pools: CouncilPoolType[] }> {
    const composition = await this.compositionAt(at);
    return {
      asOf: composition.asOf,
      pools: composition.groups
        .filter((g) => g.dimension === 'pool')
        .sort((a, b) => a.key.localeCompare(b.key))
        .map(pool),
    };
  }

  /**
   * The composition at `at`: the latest snapshot at or before it (a month's
   * start, or the last refresh), else — before any snapshot — counted live at `at`.
   */
  async compositionAt(at: Date): Promise<Composition> {
    const [snapshot]: { taken_at: Date; groups: Group[] }[] = await this.dataSource.query(
      `SELECT taken_at, groups FROM membership_snapshot WHERE taken_at <= $1
       ORDER BY taken_at DESC LIMIT 1`,
      [at],
    );
    if (snapshot) return { asOf: snapshot.taken_at, groups: snapshot.groups };
    return { asOf: at, groups: await this.dataSource.query(COMPOSITION_SQL, [at]) };
  }

  /**
   * The refresh job's part: snapshots of the months' starts not taken yet
   * (since the first member's month; a month's snapshot is taken once), and
   * the latest one, replaced. Each snapshot is one statement. Returns how many.
   */
  async refreshSnapshots(): Promise<number> {
    const months: { at: Date }[] = await this.dataSource.query(
      `SELECT (month AT TIME ZONE ${TZ}) AS at
       FROM generate_series(
              date_trunc('month', (SELECT least(min(created_at), min(admitted_at)) FROM member) AT TIME ZONE ${TZ}),
              date_trunc('month', now() AT TIME ZONE ${TZ}), interval '1 month') AS month
       WHERE NOT EXISTS (SELECT 1 FROM membership_snapshot s
                         WHERE s.kind = 'month' AND s.taken_at = month AT TIME ZONE ${TZ})
       ORDER BY 1`,
    );
    for (const { at } of months) await this.storeSnapshot(at, 'month');
    const [{ now }]: { now: Date }[] = await this.dataSource.query(
      `SELECT statement_timestamp() AS now`,
    );
    await this.storeSnapshot(now, 'latest');
    return months.length + 1;
  }

  private storeSnapshot(at: Date, kind: 'month' | 'latest'): Promise<void> {
    return this.dataSource.transaction(async (manager) => {
      // The status history's estimates would make PostgreSQL JIT-compile it, slower than running it.
      await manager.query('SET LOCAL jit = off');
      if (kind === 'latest')
        await manager.query(`DELETE FROM membership_snapshot WHERE kind = 'latest'`);
      await manager.query(
        `WITH c AS (${COMPOSITION_SQL})
         INSERT INTO membership_snapshot (taken_at, kind, groups)
         SELECT $1, $2, coalesce(jsonb_agg(to_jsonb(c) ORDER BY c.dimension, c.key), '[]') FROM c
         ON CONFLICT (taken_at) DO UPDATE SET kind = excluded.kind, groups = excluded.groups, counted_at = now()`,
        [at, kind],
      );
    });
  }
}
