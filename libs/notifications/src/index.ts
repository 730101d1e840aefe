import { NotificationPreference } from './notification-preference.entity';
import { Notification } from './notification.entity';

export * from './notifications.module';
export * from './notifications.service';
export * from './templates';
export { DeliverNotificationsHandler } from './deliver-notifications.handler';
export { EmailDigest } from './digest';
export {
  NOTIFICATION_DIGEST_SCHEDULER,
  SendNotificationDigestsHandler,
} from './send-notification-digests.handler';
export { Notification, NotificationPreference };
export const NOTIFICATIONS_ENTITIES = [Notification, NotificationPreference];
