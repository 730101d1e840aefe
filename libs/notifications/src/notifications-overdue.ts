import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  AppConfig,
  JobName,
  OverdueSource,
  ReconcilesOverdueWork,
  ScheduledJob,
} from '@delibera/kernel';

/** Re-kicks outbox delivery when messages are pending (e.g. Redis was down when they were written). */
@Injectable()
@ReconcilesOverdueWork()
export class NotificationsOverdue implements OverdueSource {
  /** A message still unsent half an interval after it was written has lost its delivery job. */
  private readonly graceMs: number;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    config: AppConfig,
  ) {
    this.graceMs = (config.RECONCILE_INTERVAL_SECONDS * 1000) / 2;
  }

  async overdue(now: Date): Promise<ScheduledJob[]> {
    const [{ pending }] = await this.dataSource.query(
      `SELECT EXISTS (SELECT 1 FROM notification WHERE sent_at IS NULL AND attempts < 10 AND created_at < $1) AS pending`,
      [new Date(now.getTime() - this.graceMs)],
    );
    if (!pending) return [];
    // One drain per interval bucket at most: the id repeats within the bucket.
    return [
      {
        name: JobName.DeliverNotifications,
        data: {},
        jobId: `notifications.drain.${Math.floor(now.getTime() / this.graceMs)}`,
      },
    ];
  }
}
