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

/** Membership: composition at the end of the period, its flows month by month, the councils' pools. */
@Injectable()
export class MembershipReportService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async report(period: Period): Promise<MembershipReportType> {
    const endDate = `($2::timestamptz AT TIME ZONE ${TZ})::date`;
    const start = statusAt('$1::timestamptz', 'start');
    const end = statusAt('$2::timestamptz', 'end');
    // Each member's status at both ends of the period, then every breakdown in one pass.
    const groups: {
      dimension: string;
      key: string;
      name_fr: string | null;
      name_en: string | null;
      n: number;
    }[] = await this.dataSource.query(
      `WITH statuses AS (
           SELECT m.*, ${start.status} AS status_start, ${end.status} AS status_end
           FROM member m ${start.joins} ${end.joins}),
         active AS (SELECT m.*, ${ageBandSql(endDate)} AS age_band, ${MEMBER_CATEGORY_SQL} AS category
                    FROM statuses m WHERE m.status_end = 'active')
         SELECT 'activeAtStart' AS dimension, '' AS key, NULL AS name_fr, NULL AS name_en,
                count(*) FILTER (WHERE status_start = 'active')::int AS n FROM statuses
         UNION ALL
         SELECT 'status', status_end::text, NULL, NULL, count(*)::int FROM statuses
          WHERE status_end IS NOT NULL GROUP BY status_end
         UNION ALL
         SELECT 'kind', kind::text, NULL, NULL, count(*)::int FROM active GROUP BY kind
         UNION ALL
         SELECT 'college', c.code, c.name_fr, c.name_en, count(a.id)::int
           FROM college c LEFT JOIN active a ON a.college_id = c.id GROUP BY c.id
         UNION ALL
         SELECT 'category', category, NULL, NULL, count(*)::int FROM active GROUP BY category
         UNION ALL
         SELECT 'region', region::text, NULL, NULL, count(*)::int FROM active GROUP BY region
         UNION ALL
         SELECT 'ageBand', age_band, NULL, NULL, count(*)::int FROM active GROUP BY age_band
         ORDER BY 1, 2`,
      [period.from, period.to],
    );
    const months: Record<string, unknown>[] = await this.dataSource.query(
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
    );
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
      councilPools: await this.councilPools(period.to),
    };
  }

  /** Members active at an instant who meet each council's rule on that day. */
  async councilPools(at: Date): Promise<CouncilPoolType[]> {
    const status = statusAt('$1::timestamptz', 'at');
    // Members are first counted by (kind, region, age): a few thousand groups, whatever the
    // membership's size, are then matched against each council's rule.
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `WITH g AS (
         SELECT m.kind, m.region,
                extract(year FROM age(($1::timestamptz AT TIME ZONE ${TZ})::date, m.birth_date))::int AS age_years,
                count(*) AS n
         FROM member m ${status.joins}
         WHERE ${status.status} = 'active' GROUP BY 1, 2, 3)
       SELECT c.id, c.code, c.name_fr, c.name_en, c.seats,
              coalesce(sum(g.n) FILTER (WHERE ${COUNCIL_ELIGIBLE_SQL}), 0)::int AS eligible
       FROM council c LEFT JOIN g ON true
       GROUP BY c.id ORDER BY c.code`,
      [at],
    );
    return rows.map((r) => ({
      councilId: String(r.id),
      code: String(r.code),
      nameFr: String(r.name_fr),
      nameEn: String(r.name_en),
      seats: Number(r.seats),
      eligible: Number(r.eligible),
    }));
  }
}
