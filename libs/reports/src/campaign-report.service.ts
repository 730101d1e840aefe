import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CALL_BALANCES, CampaignService } from '@delibera/contributions';
import { labelOf, MEMBER_CATEGORIES, regionLabel } from './labels';
import { Period } from './period';
import { dayInPeriodSql, MEMBER_CATEGORY_SQL, TZ } from './report-sql';
import { CampaignArrearType, CampaignReportType, InKindGroupType } from './reports.types';

/** How many arrears the campaign report lists. */
export const LARGEST_ARREARS = 10;

/**
 * The contribution campaign of a fiscal year: the treasurer's own figures
 * (CampaignService, so both views agree to the cent), in-kind value by
 * category and region, and the largest arrears.
 */
@Injectable()
export class CampaignReportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly campaigns: CampaignService,
  ) {}

  /** The fiscal year as instants: from its adopted scale's first day (else January 1st, as CampaignService), Montréal time, for a year. */
  async fiscalYearPeriod(fiscalYear: number): Promise<Period> {
    const [row]: { from: Date; to: Date }[] = await this.dataSource.query(
      `WITH start AS (
         SELECT coalesce(
           (SELECT fiscal_year_starts_on FROM contribution_scale WHERE fiscal_year = $1 AND status = 'adopted'),
           make_date($1, 1, 1)) AS day)
       SELECT (day::timestamp AT TIME ZONE ${TZ}) AS "from",
              ((day + interval '1 year')::timestamp AT TIME ZONE ${TZ}) AS "to" FROM start`,
      [fiscalYear],
    );
    return row;
  }

  async report(fiscalYear: number): Promise<CampaignReportType> {
    const period = await this.fiscalYearPeriod(fiscalYear);
    // The three parts read separately (read-only) are asked at once, each on its own connection.
    const [campaign, inKind, arrears] = await Promise.all([
      this.campaigns.campaign(fiscalYear),
      this.inKind(period),
      this.largestArrears(fiscalYear),
    ]);
    const group = (dimension: string): InKindGroupType[] =>
      inKind
        .filter((g) => g.dimension === dimension)
        .map((g) => {
          const label =
            dimension === 'region' ? regionLabel(g.key) : labelOf(MEMBER_CATEGORIES, g.key);
          return {
            key: g.key,
            labelFr: label.fr,
            labelEn: label.en,
            contributions: Number(g.n),
            valueCents: Number(g.value),
          };
        });
    return {
      fiscalYear,
      period,
      campaign,
      inKindByCategory: group('category'),
      inKindByRegion: group('region'),
      largestArrears: arrears.map((a): CampaignArrearType => ({
        callId: String(a.id),
        memberId: String(a.member_id),
        displayName: String(a.display_name),
        reference: String(a.reference),
        organisationCategory: String(a.category),
        region: String(a.region),
        dueOn: String(a.due_on),
        status: String(a.status),
        calledCents: Number(a.called),
        outstandingCents: Number(a.outstanding),
      })),
    };
  }

  /** Approved in-kind value by member category and region: the campaign's in-kind rule (performed during the fiscal year). */
  private inKind(
    period: Period,
  ): Promise<{ dimension: string; key: string; n: number; value: string }[]> {
    return this.dataSource.query(
      `SELECT CASE WHEN GROUPING(category) = 0 THEN 'category' ELSE 'region' END AS dimension,
              coalesce(category, region) AS key, count(*)::int AS n, sum(value_cents)::text AS value
       FROM (SELECT ${MEMBER_CATEGORY_SQL} AS category, m.region::text AS region, k.value_cents
             FROM in_kind_contribution k JOIN member m ON m.id = k.member_id
             WHERE k.status = 'approved'
               AND ${dayInPeriodSql('k.performed_on')}) x
       GROUP BY GROUPING SETS ((category), (region))
       ORDER BY 1, 2`,
      [period.from, period.to],
    );
  }

  /**
   * The largest arrears under the fiscal year's adopted scale (none without one).
   * The ten largest are picked before joining the members, so the calls are kept
   * in a ten-row heap (top-N) rather than sorted whole.
   */
  private largestArrears(fiscalYear: number): Promise<Record<string, unknown>[]> {
    return this.dataSource.query(
      `SELECT b.id, b.member_id, m.display_name, b.reference, ${MEMBER_CATEGORY_SQL} AS category,
              m.region::text AS region, to_char(b.due_on, 'YYYY-MM-DD') AS due_on, b.status::text AS status,
              b.amount_cents::text AS called, b.outstanding_cents::text AS outstanding
       FROM (SELECT * FROM (${CALL_BALANCES}) b
             WHERE b.scale_id = (SELECT id FROM contribution_scale WHERE fiscal_year = $1 AND status = 'adopted')
               AND b.outstanding_cents > 0
             ORDER BY b.outstanding_cents DESC, b.due_on, b.reference
             LIMIT ${LARGEST_ARREARS}) b
       JOIN member m ON m.id = b.member_id
       ORDER BY b.outstanding_cents DESC, b.due_on, b.reference`,
      [fiscalYear],
    );
  }
}
