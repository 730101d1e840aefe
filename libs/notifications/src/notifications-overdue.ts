import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  AppConfig,
  JobName,
  OverdueSource,
  ReconcilesOverdueWork,
  ScheduledJob,
  TRUST_TIME_ZONE,
} from '@delibera/kernel';
import { digestDay, WAITING } from './digest';

/**
 * Re-kicks outbox delivery when messages are pending (e.g. Redis was down when
 * they were written), and the daily digests when one is due and not sent
 * (the job scheduler was lost, or no worker ran at the hour).
 */
@Injectable()
@ReconcilesOverdueWork()
export class NotificationsOverdue implements OverdueSource {
  /** A message still unsent half an interval after it was written has lost its delivery job. */
  private readonly graceMs: number;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {
    this.graceMs = (config.RECONCILE_INTERVAL_SECONDS * 1000) / 2;
  }

  async overdue(now: Date): Promise<ScheduledJob[]> {
    const before = new Date(now.getTime() - this.graceMs);
    const [{ pending }] = await this.dataSource.query(
      `SELECT EXISTS (SELECT 1 FROM notification WHERE sent_at IS NULL AND NOT in_digest AND attempts < 10 AND created_at < $1) AS pending`,
      [before],
    );
    // One drain per interval bucket at most: the id repeats within the bucket.
    const bucket = Math.floor(now.getTime() / this.graceMs);
    return [
      ...(pending
        ? [{ name: JobName.DeliverNotifications, data: {}, jobId: `notifications.drain.${bucket}` }]
        : []),
      ...(await this.overdueDigest(before)),
    ];
  }

  /**
   * A digest is overdue when a member has rows written before the last digest
   * hour and no digest for that day; rows written since wait for the next one.
   */
  private async overdueDigest(before: Date): Promise<ScheduledJob[]> {
    const hour = this.config.NOTIFICATION_DIGEST_HOUR;
    if (hour < 0) return [];
    const day = digestDay(before, hour);
    const [{ due }] = await this.dataSource.query(
      `SELECT EXISTS (
         SELECT 1 FROM notification n
         LEFT JOIN notification_preference p ON p.member_id = n.recipient_member_id
         WHERE ${WAITING}
           AND n.created_at < ($1::date + make_interval(hours => $2::int)) AT TIME ZONE '${TRUST_TIME_ZONE}'
           AND (p.last_digest_on IS NULL OR p.last_digest_on < $1::date)
       ) AS due`,
      [day, hour],
    );
    return due
      ? [{ name: JobName.SendNotificationDigests, data: {}, jobId: `notifications.digest.${day}` }]
      : [];
  }
}
