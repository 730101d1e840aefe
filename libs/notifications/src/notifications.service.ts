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

  /** Writes to the outbox inside the caller's transaction; a repeated dedupe key is ignored. */
  async enqueue(manager: EntityManager, notifications: NewNotification[]): Promise<void> {
    if (notifications.length === 0) return;
    await manager
      .createQueryBuilder()
      .insert()
      .into(Notification)
      .values(notifications.map((n) => ({ ...n, recipientMemberId: n.recipientMemberId ?? null })))
      .orIgnore()
      .execute();
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
