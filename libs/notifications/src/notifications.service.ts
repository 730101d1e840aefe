import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { Queue } from 'bullmq';
import { EntityManager } from 'typeorm';
import { JobName, Locale, QueueName } from '@delibera/kernel';
import { Notification } from './notification.entity';
import { NotificationKind } from './templates';

export interface NewNotification {
  kind: NotificationKind;
  dedupeKey: string;
  recipientEmail: string;
  recipientMemberId?: string | null;
  locale: Locale;
  params: Record<string, string | number>;
}

@Injectable()
export class NotificationsService {
  private readonly logger = new Logger(NotificationsService.name);

  constructor(@InjectQueue(QueueName.Notifications) private readonly queue: Queue) {}

  /**
   * Writes to the outbox inside the caller's transaction; a repeated dedupe key
   * is ignored. One statement over arrays, whatever the count: campaigns write
   * thousands of messages at once, beyond PostgreSQL's 65,535 parameters.
   */
  async enqueue(manager: EntityManager, notifications: NewNotification[]): Promise<void> {
    if (notifications.length === 0) return;
    const table = manager.connection.getMetadata(Notification).tableName;
    await manager.query(
      `INSERT INTO ${table} (kind, dedupe_key, recipient_email, recipient_member_id, locale, params)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::uuid[], $5::text[], $6::jsonb[])
       ON CONFLICT (dedupe_key) DO NOTHING`,
      [
        notifications.map((n) => n.kind),
        notifications.map((n) => n.dedupeKey),
        notifications.map((n) => n.recipientEmail),
        notifications.map((n) => n.recipientMemberId ?? null),
        notifications.map((n) => n.locale),
        notifications.map((n) => JSON.stringify(n.params)),
      ],
    );
  }

  /**
   * Asks the worker to drain the outbox, after the transaction committed.
   * Best effort: if Redis is down, the outbox keeps the messages and the next
   * kick (or the reconciler) delivers them.
   */
  async kick(): Promise<void> {
    try {
      await this.queue.add(
        JobName.DeliverNotifications,
        {},
        { removeOnComplete: 1000, removeOnFail: 5000 },
      );
    } catch (error) {
      this.logger.warn(`Could not enqueue notification delivery: ${(error as Error).message}`);
    }
  }
}
