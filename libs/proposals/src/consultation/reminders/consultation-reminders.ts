import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  AppConfig,
  JobScheduler,
  OverdueSource,
  ReconcilesOverdueWork,
  ScheduledJob,
} from '@delibera/kernel';
import { AWAITING_OPINION, consultationReminderJob } from './consultation-reminder-job';

/**
 * Reminders before a consultation is due (CONSULTATION_REMINDERS). Enqueued
 * when the councils are asked, and, as vote reminders are, by the reconciler:
 * each tick it enqueues every reminder not yet sent whose time falls before
 * the next two ticks, so a lost job or a moved due date is caught up within
 * one interval. Job ids carry the due date: re-enqueueing is a no-op.
 */
@Injectable()
@ReconcilesOverdueWork()
export class ConsultationReminders implements OverdueSource {
  private readonly logger = new Logger(ConsultationReminders.name);
  private readonly offsetsSeconds: number[];
  private readonly horizonMs: number;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly scheduler: JobScheduler,
    config: AppConfig,
  ) {
    this.offsetsSeconds = config.consultationReminderOffsetsMs.map((ms) => Math.round(ms / 1000));
    this.horizonMs = 2 * config.RECONCILE_INTERVAL_SECONDS * 1000;
  }

  /**
   * Called once the transaction that opened a proposal's consultation
   * committed. A failure is logged, not thrown: the reconciler enqueues the
   * reminders from the database in time.
   */
  async schedule(proposalId: string): Promise<void> {
    try {
      await this.scheduler.scheduleMany(await this.pending(new Date(), { proposalId }));
    } catch (error) {
      this.logger.warn(
        `Could not schedule the consultation reminders of proposal ${proposalId}: ${(error as Error).message}`,
      );
    }
  }

  overdue(now: Date): Promise<ScheduledJob[]> {
    return this.pending(now, { until: new Date(now.getTime() + this.horizonMs) });
  }

  /**
   * Reminders not sent yet of requests still awaiting their council's opinion
   * and not past due. None earlier than the request itself: it would only
   * repeat the notice that asked the council.
   */
  private async pending(
    now: Date,
    filter: { proposalId?: string; until?: Date },
  ): Promise<ScheduledJob[]> {
    if (this.offsetsSeconds.length === 0) return [];
    const rows = await this.dataSource.query<{ id: string; dueAt: Date; offsetSeconds: number }[]>(
      `SELECT cr.id, cr.due_at AS "dueAt", o.secs AS "offsetSeconds"
         FROM consultation_request cr
         JOIN proposal p ON p.id = cr.proposal_id
         CROSS JOIN unnest($1::int[]) AS o(secs)
        WHERE ${AWAITING_OPINION}
          AND cr.due_at > $2
          AND cr.due_at - make_interval(secs => o.secs) > cr.requested_at
          AND ($3::timestamptz IS NULL OR cr.due_at - make_interval(secs => o.secs) <= $3)
          AND ($4::uuid IS NULL OR cr.proposal_id = $4)
          AND NOT EXISTS (SELECT 1 FROM consultation_reminder r
                           WHERE r.consultation_id = cr.id AND r.offset_seconds = o.secs)
        LIMIT 5000`,
      [this.offsetsSeconds, now, filter.until ?? null, filter.proposalId ?? null],
    );
    return rows.map((row) => consultationReminderJob({ ...row, dueAt: new Date(row.dueAt) }));
  }
}
