import { EntityManager } from 'typeorm';
import { NewNotification, NotificationsService } from '@delibera/notifications';

/** PostgreSQL takes at most 65,535 parameters per statement: outbox rows go in slices. */
const CHUNK = 2000;

export async function enqueueInChunks(
  notifications: NotificationsService,
  manager: EntityManager,
  messages: NewNotification[],
): Promise<void> {
  for (let i = 0; i < messages.length; i += CHUNK) {
    await notifications.enqueue(manager, messages.slice(i, i + CHUNK));
  }
}
