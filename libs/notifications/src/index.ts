import { Notification } from './notification.entity';

export * from './notifications.module';
export * from './notifications.service';
export * from './templates';
export { DeliverNotificationsHandler } from './deliver-notifications.handler';
export { Notification };
export const NOTIFICATIONS_ENTITIES = [Notification];
