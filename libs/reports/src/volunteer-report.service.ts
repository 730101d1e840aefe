import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Period } from './period';
import { dayInPeriodSql } from './report-sql';
import { VolunteerGroupType, VolunteerReportType } from './reports.types';

const hours = (minutes: number) => Math.round((minutes / 60) * 100) / 100;

/**
 * Approved volunteer hours performed in the period (Montréal dates), valued at
 * the rate fixed at approval. People are named only for the hours they agreed
 * to be thanked for; a name is matched case- and space-insensitively.
 */
@Injectable()
export class VolunteerReportService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async report(period: Period): Promise<VolunteerReportType> {
    const hoursCte = `WITH hours AS (
      SELECT k.*, lower(btrim(k.person_name)) AS person_key FROM in_kind_contribution k
      WHERE k.kind = 'volunteer_hours' AND k.status = 'approved'
        AND ${dayInPeriodSql('k.performed_on')})`;
    const params = [period.from, period.to];
    const groups: Record<string, unknown>[] = await this.dataSource.query(
      `${hoursCte}
       SELECT CASE WHEN GROUPING(activity) = 0 THEN 'activity' WHEN GROUPING(council_id) = 0 THEN 'council' ELSE 'total' END AS dimension,
              CASE WHEN GROUPING(activity) = 0 THEN activity
                   WHEN GROUPING(council_id) = 0 THEN coalesce(council_id::text, 'none') END AS key,
              min(c.name_fr) AS name_fr, min(c.name_en) AS name_en,
              count(*)::int AS n, count(DISTINCT person_key)::int AS people,
              coalesce(sum(minutes), 0)::int AS minutes, coalesce(sum(value_cents), 0)::text AS value
       FROM hours h LEFT JOIN council c ON c.id = h.council_id
       GROUP BY GROUPING SETS ((activity), (council_id), ())
       ORDER BY 1, sum(minutes) DESC, 2`,
      params,
    );
    const thanked: { name: string; minutes: number }[] = await this.dataSource.query(
      `${hoursCte}
       SELECT min(btrim(person_name)) AS name, sum(minutes)::int AS minutes FROM hours
       WHERE recognition_consent GROUP BY person_key ORDER BY sum(minutes) DESC, 1`,
      params,
    );
    const total = groups.find((g) => g.dimension === 'total');
    const group = (dimension: string): VolunteerGroupType[] =>
      groups
        .filter((g) => g.dimension === dimension)
        .map((g) => {
          const key = String(g.key);
          const label =
            dimension === 'activity'
              ? { fr: key, en: key }
              : key === 'none'
                ? { fr: 'Aucun conseil', en: 'No council' }
                : { fr: String(g.name_fr), en: String(g.name_en) };
          return {
            key,
            labelFr: label.fr,
            labelEn: label.en,
            contributions: Number(g.n),
            minutes: Number(g.minutes),
            hours: hours(Number(g.minutes)),
            valueCents: Number(g.value),
          };
        });
    const minutes = Number(total?.minutes ?? 0);
    return {
      period,
      contributions: Number(total?.n ?? 0),
      volunteers: Number(total?.people ?? 0),
      minutes,
      hours: hours(minutes),
      valueCents: Number(total?.value ?? 0),
      byActivity: group('activity'),
      byCouncil: group('council'),
      thanked: thanked.map((t) => ({ name: t.name, hours: hours(Number(t.minutes)) })),
    };
  }
}
