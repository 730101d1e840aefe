import { NotificationPreference } from './notification-preference.entity';
import { Notification } from './notification.entity';

export * from './notifications.module';
export * from './notifications.service';
export * from './templates';
export { DeliverNotificationsHandler } from './deliver-notifications.handler';
export { Notification, NotificationPreference };
export const NOTIFICATIONS_ENTITIES = [Notification, NotificationPreference];
