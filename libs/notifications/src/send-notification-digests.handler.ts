import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import {
  AppConfig,
  HandlesJob,
  JobHandler,
  JobName,
  JobScheduler,
  TRUST_TIME_ZONE,
} from '@delibera/kernel';
import { digestDay, WAITING } from './digest';
import { Mailer } from './mailer';
import { Notification } from './notification.entity';
import { composeDigest } from './templates/digest';

/** The job scheduler's id: one per deployment, whatever the number of processes. */
export const NOTIFICATION_DIGEST_SCHEDULER = 'notifications.digest';

/**
 * Emails each member the notifications waiting for their daily digest, in one
 * message. Runs daily at NOTIFICATION_DIGEST_HOUR, Montréal time (a BullMQ job
 * scheduler); if none ran at the hour, the reconciler (NotificationsOverdue)
 * enqueues this job. Idempotent: per member, one transaction locks the waiting
 * rows, compares and sets the day of the last digest, sends, and marks the
 * rows sent.
 */
@Injectable()
@HandlesJob(JobName.SendNotificationDigests)
export class SendNotificationDigestsHandler implements JobHandler, OnApplicationBootstrap {
  private readonly logger = new Logger(SendNotificationDigestsHandler.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly mailer: Mailer,
    private readonly scheduler: JobScheduler,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const hour = this.config.NOTIFICATION_DIGEST_HOUR;
    await this.scheduler.keepRepeating(
      JobName.SendNotificationDigests,
      NOTIFICATION_DIGEST_SCHEDULER,
      hour < 0 ? null : { pattern: `0 ${hour} * * *`, tz: TRUST_TIME_ZONE },
    );
  }

  async handle(): Promise<{ sent: number; failed: number }> {
    // Without a digest hour (no schedule), a run by hand counts days from midnight.
    const day = digestDay(new Date(), Math.max(0, this.config.NOTIFICATION_DIGEST_HOUR));
    const members: { id: string }[] = await this.dataSource.query(
      `SELECT DISTINCT recipient_member_id AS id FROM notification WHERE ${WAITING}`,
    );
    let sent = 0;
    let failed = 0;
    for (const { id } of members) {
      try {
        if (await this.sendDigest(id, day)) sent++;
      } catch (error) {
        // As for single emails: counted on the rows, tried again by the reconciler, 10 times at most.
        failed++;
        const message = (error as Error).message;
        this.logger.warn(`Digest of member ${id} not delivered: ${message}`);
        await this.dataSource.query(
          `UPDATE notification SET attempts = attempts + 1, last_error = $2
           WHERE recipient_member_id = $1 AND ${WAITING}`,
          [id, message.slice(0, 500)],
        );
      }
    }
    return { sent, failed };
  }

  /** One member's digest for the day, unless they already had it; false when there was none to send. */
  private sendDigest(memberId: string, day: string): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const waiting = await manager
        .getRepository(Notification)
        .createQueryBuilder('n')
        .where(`n.recipient_member_id = :memberId AND ${WAITING}`, { memberId })
        .orderBy('n.createdAt', 'ASC')
        .setLock('pessimistic_write')
        .getMany();
      if (waiting.length === 0) return false;
      const claimed: unknown[] = await manager.query(
        `INSERT INTO notification_preference (member_id, last_digest_on) VALUES ($1, $2)
         ON CONFLICT (member_id) DO UPDATE SET last_digest_on = EXCLUDED.last_digest_on
         WHERE notification_preference.last_digest_on IS NULL
            OR notification_preference.last_digest_on < EXCLUDED.last_digest_on
         RETURNING member_id`,
        [memberId, day],
      );
      if (claimed.length === 0) return false;
      // The latest row carries the member's current address and language.
      const latest = waiting[waiting.length - 1];
      await this.mailer.send({
        id: `digest.${memberId}.${day}`,
        to: latest.recipientEmail,
        locale: latest.locale,
        ...composeDigest(latest.locale, waiting, this.config.PUBLIC_URL),
      });
      await manager.update(
        Notification,
        { id: In(waiting.map((n) => n.id)) },
        { sentAt: new Date() },
      );
      return true;
    });
  }
}
