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

const pool = (r: Record<string, unknown>): CouncilPoolType => ({
  councilId: String(r.id),
  code: String(r.key),
  nameFr: String(r.name_fr),
  nameEn: String(r.name_en),
  seats: Number(r.seats),
  eligible: Number(r.n),
});

/** Membership: composition at the end of the period, its flows month by month, the councils' pools. */
@Injectable()
export class MembershipReportService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async report(period: Period): Promise<MembershipReportType> {
    const endDate = `($2::timestamptz AT TIME ZONE ${TZ})::date`;
    const start = statusAt('$1::timestamptz', 'start');
    const end = statusAt('$2::timestamptz', 'end');
    // Each member's status at both ends of the period, then every breakdown in one pass.
    // The council pools at the period's end come from the same statuses (the status
    // history is read once per instant, not again for the pools).
    type Group = {
      dimension: string;
      key: string;
      name_fr: string | null;
      name_en: string | null;
      n: number;
      id: string | null;
      seats: number | null;
    };
    // The composition and the monthly flows are asked at once, each on its own connection.
    const [groups, months] = await Promise.all([
      this.dataSource.query(
        `WITH statuses AS (
           SELECT m.id, m.kind, m.college_id, m.organisation_category, m.region, m.birth_date,
                  ${start.status} AS status_start, ${end.status} AS status_end
           FROM member m ${start.joins} ${end.joins}),
         active AS (SELECT m.*, ${ageBandSql(endDate)} AS age_band, ${MEMBER_CATEGORY_SQL} AS category,
                           extract(year FROM age(${endDate}, m.birth_date))::int AS age_years
                    FROM statuses m WHERE m.status_end = 'active'),
         -- every cut of the active members in one grouping pass; (kind, region, age) feeds the pools
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
         SELECT 'activeAtStart' AS dimension, '' AS key, NULL AS name_fr, NULL AS name_en,
                count(*) FILTER (WHERE status_start = 'active')::int AS n, NULL::uuid AS id, NULL::int AS seats
         FROM statuses
         UNION ALL
         SELECT 'status', status_end::text, NULL, NULL, count(*)::int, NULL, NULL FROM statuses
          WHERE status_end IS NOT NULL GROUP BY status_end
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
         ORDER BY 1, 2`,
        [period.from, period.to],
      ) as Promise<Group[]>,
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
    const of = (dimension: string) => groups.filter((g) => g.dimension === dimension);
    const byStatus = of('status').map((g) => count(g.key, labelOf(MEMBER_STATUSES, g.key), g.n));
    return {
      period,
      activeAtStart: Number(of('activeAtStart')[0]?.n ?? 0),
      activeAtEnd: Number(byStatus.find((s) => s.key === 'active')?.count ?? 0),
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

  /** Members active at an instant who meet each council's rule on that day. */
  async councilPools(at: Date): Promise<CouncilPoolType[]> {
    const status = statusAt('$1::timestamptz', 'at');
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `WITH g AS (
         SELECT m.kind, m.region,
                extract(year FROM age(($1::timestamptz AT TIME ZONE ${TZ})::date, m.birth_date))::int AS age_years,
                count(*) AS n
         FROM member m ${status.joins}
         WHERE ${status.status} = 'active' GROUP BY 1, 2, 3)
       ${POOLS_SQL} ORDER BY c.code`,
      [at],
    );
    return rows.map(pool);
  }
}
