import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig, OverdueSource, ReconcilesOverdueWork, ScheduledJob } from '@delibera/kernel';
import { voteReminderJob } from './vote-reminder-job';

/**
 * Reminders are enqueued by the reconciler rather than when a vote is created:
 * each tick it enqueues, as delayed jobs, every reminder not yet sent whose
 * time falls before the next two ticks (and any overdue one). So creating,
 * rescheduling or losing Redis needs no extra step, reminders still fire at
 * their exact time, and one that became due unnoticed is late by at most one
 * interval. Job ids carry the vote's version: re-enqueueing is a no-op.
 */
@Injectable()
@ReconcilesOverdueWork()
export class UpcomingVoteReminders implements OverdueSource {
  private readonly offsetsSeconds: number[];
  private readonly horizonMs: number;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    config: AppConfig,
  ) {
    this.offsetsSeconds = config.voteReminderOffsetsMs.map((ms) => Math.round(ms / 1000));
    this.horizonMs = 2 * config.RECONCILE_INTERVAL_SECONDS * 1000;
  }

  async overdue(now: Date): Promise<ScheduledJob[]> {
    // A reminder earlier than the vote's opening would only repeat the opening notice: none.
    const rows = await this.dataSource.query<
      { id: string; version: number; closesAt: Date; offsetSeconds: number }[]
    >(
      `SELECT v.id, v.version, v.closes_at AS "closesAt", o.secs AS "offsetSeconds"
         FROM vote v CROSS JOIN unnest($1::int[]) AS o(secs)
        WHERE v.status IN ('scheduled', 'open')
          AND v.closes_at > $2
          AND v.closes_at - make_interval(secs => o.secs) <= $3
          AND v.closes_at - make_interval(secs => o.secs) > v.opens_at
          AND NOT EXISTS (SELECT 1 FROM vote_reminder r
                           WHERE r.vote_id = v.id AND r.offset_seconds = o.secs)
        LIMIT 5000`,
      [this.offsetsSeconds, now, new Date(now.getTime() + this.horizonMs)],
    );
    return rows.map((row) => voteReminderJob({ ...row, closesAt: new Date(row.closesAt) }));
  }
}
