import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { MembershipReportService } from './membership-report.service';
import { Period } from './period';
import { TZ } from './report-sql';
import { CouncilActivityType, CouncilsReportType } from './reports.types';

/** Councils: seats held, the pool they recruit from, and how they answered consultations. */
@Injectable()
export class CouncilsReportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly membership: MembershipReportService,
  ) {}

  async report(period: Period): Promise<CouncilsReportType> {
    const endDate = `($2::timestamptz AT TIME ZONE ${TZ})::date`;
    // A consultation still open when the period ends (or now, if sooner) is pending,
    // one past its due date without an opinion was not answered.
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `WITH seats AS (
         SELECT council_id,
                count(*) FILTER (WHERE status IN ('active', 'ended') AND term_start <= ${endDate} AND term_end >= ${endDate}) AS members,
                count(*) FILTER (WHERE status = 'applied') AS applications
         FROM council_seat GROUP BY council_id),
       consultations AS (
         SELECT council_id, count(*) AS received,
                count(*) FILTER (WHERE status = 'answered' AND answered_at <= due_at) AS on_time,
                count(*) FILTER (WHERE status = 'answered' AND answered_at > due_at) AS late,
                count(*) FILTER (WHERE status = 'did_not_answer'
                                    OR (status = 'requested' AND due_at <= least($2::timestamptz, now()))) AS not_answered,
                count(*) FILTER (WHERE status = 'requested' AND due_at > least($2::timestamptz, now())) AS pending
         FROM consultation_request WHERE requested_at >= $1 AND requested_at < $2 GROUP BY council_id)
       SELECT c.id, c.code, c.name_fr, c.name_en, c.seats, c.dissolved_at,
              coalesce(s.members, 0)::int AS members, coalesce(s.applications, 0)::int AS applications,
              coalesce(k.received, 0)::int AS received, coalesce(k.on_time, 0)::int AS on_time,
              coalesce(k.late, 0)::int AS late, coalesce(k.not_answered, 0)::int AS not_answered,
              coalesce(k.pending, 0)::int AS pending
       FROM council c
       LEFT JOIN seats s ON s.council_id = c.id
       LEFT JOIN consultations k ON k.council_id = c.id
       -- A council dissolved before the period began had no part in it.
       WHERE c.dissolved_at IS NULL OR c.dissolved_at >= $1
       ORDER BY c.code`,
      [period.from, period.to],
    );
    const { asOf, pools: eligible } = await this.membership.councilPools(period.to);
    const pools = new Map(eligible.map((p) => [p.councilId, p.eligible]));
    return {
      period,
      poolsAsOf: asOf,
      councils: rows.map((r): CouncilActivityType => {
        const due = Number(r.received) - Number(r.pending);
        const dissolvedAt = (r.dissolved_at as Date | null) ?? null;
        // A council dissolved by the end of the period holds no seat then, and has none to fill.
        const sitting = !dissolvedAt || dissolvedAt > period.to;
        return {
          councilId: String(r.id),
          code: String(r.code),
          nameFr: String(r.name_fr),
          nameEn: String(r.name_en),
          seats: Number(r.seats),
          members: sitting ? Number(r.members) : 0,
          vacancies: sitting ? Math.max(Number(r.seats) - Number(r.members), 0) : 0,
          dissolvedAt,
          pendingApplications: Number(r.applications),
          eligiblePool: pools.get(String(r.id)) ?? 0,
          consultationsReceived: Number(r.received),
          answeredOnTime: Number(r.on_time),
          answeredLate: Number(r.late),
          notAnswered: Number(r.not_answered),
          pending: Number(r.pending),
          onTimeRate: due > 0 ? Math.round((Number(r.on_time) / due) * 10000) / 10000 : null,
        };
      }),
    };
  }
}
