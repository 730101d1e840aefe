import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DeliverNotificationsHandler } from './deliver-notifications.handler';
import { Mailer } from './mailer';
import { InboxResolver } from './inbox.resolver';
import { InboxService } from './inbox.service';
import { NotificationPreference } from './notification-preference.entity';
import { Notification } from './notification.entity';
import { NotificationsService } from './notifications.service';
import { NotificationsOverdue } from './notifications-overdue';
import { SendNotificationDigestsHandler } from './send-notification-digests.handler';

/** Global: any domain may notify; none needs to know how mail is sent. */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([Notification, NotificationPreference])],
  providers: [
    NotificationsService,
    Mailer,
    DeliverNotificationsHandler,
    SendNotificationDigestsHandler,
    NotificationsOverdue,
    InboxService,
    InboxResolver,
  ],
  exports: [NotificationsService],
})
export class NotificationsModule {}
