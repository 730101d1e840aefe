import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { AppConfig, HandlesJob, JobHandler, JobName } from '@delibera/kernel';
import { DIGESTIBLE, EmailDigest } from './digest';
import { Mailer } from './mailer';
import { NotificationPreference } from './notification-preference.entity';
import { Notification } from './notification.entity';
import { render } from './templates';

const BATCH = 50;

/**
 * Drains the outbox. Rows are claimed with SKIP LOCKED so several workers can
 * drain in parallel without sending a message twice; a row is marked sent in
 * the transaction that claimed it. A digestible row of a member who chose a
 * daily digest is marked inDigest instead, for SendNotificationDigestsHandler.
 */
@Injectable()
@HandlesJob(JobName.DeliverNotifications)
export class DeliverNotificationsHandler implements JobHandler {
  private readonly logger = new Logger(DeliverNotificationsHandler.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly mailer: Mailer,
    private readonly config: AppConfig,
  ) {}

  async handle(): Promise<{ sent: number; failed: number }> {
    let sent = 0;
    let failed = 0;
    for (;;) {
      const batch = await this.dataSource.transaction(async (manager) => {
        const pending = await manager
          .getRepository(Notification)
          .createQueryBuilder('n')
          .where('n.sentAt IS NULL AND n.attempts < 10 AND NOT n.inDigest')
          .orderBy('n.createdAt', 'ASC')
          .limit(BATCH)
          .setLock('pessimistic_write')
          .setOnLocked('skip_locked')
          .getMany();
        const preferences = await this.preferencesOf(manager, pending);
        for (const notification of pending) {
          const preference = preferences.get(notification.recipientMemberId ?? '');
          if (preference?.emailDisabledKinds.includes(notification.kind)) {
            await manager.update(Notification, notification.id, {
              sentAt: new Date(),
              emailSkipped: true,
            });
            continue;
          }
          if (this.waitsForDigest(notification, preference)) {
            await manager.update(Notification, notification.id, { inDigest: true });
            continue;
          }
          try {
            const message = render(notification.kind, notification.locale, notification.params);
            await this.mailer.send({
              id: notification.id,
              to: notification.recipientEmail,
              locale: notification.locale,
              ...message,
            });
            await manager.update(Notification, notification.id, {
              sentAt: new Date(),
              attempts: notification.attempts + 1,
            });
            sent++;
          } catch (error) {
            failed++;
            this.logger.warn(
              `Notification ${notification.id} not delivered: ${(error as Error).message}`,
            );
            await manager.update(Notification, notification.id, {
              attempts: notification.attempts + 1,
              lastError: (error as Error).message.slice(0, 500),
            });
          }
        }
        return pending.length;
      });
      if (batch < BATCH) return { sent, failed };
    }
  }

  /** With no digest hour configured, nobody's email waits: it would never go out. */
  private waitsForDigest(notification: Notification, preference?: NotificationPreference): boolean {
    return (
      this.config.NOTIFICATION_DIGEST_HOUR >= 0 &&
      preference?.emailDigest === EmailDigest.Daily &&
      DIGESTIBLE[notification.kind]
    );
  }

  /** Each recipient's email preferences, in one query for the batch. */
  private async preferencesOf(
    manager: EntityManager,
    batch: Notification[],
  ): Promise<Map<string, NotificationPreference>> {
    const memberIds = [
      ...new Set(batch.map((n) => n.recipientMemberId).filter((id): id is string => !!id)),
    ];
    if (memberIds.length === 0) return new Map();
    const rows = await manager.find(NotificationPreference, { where: { memberId: In(memberIds) } });
    return new Map(rows.map((p) => [p.memberId, p]));
  }
}
