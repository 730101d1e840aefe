import {
  Args,
  ArgsType,
  Field,
  InputType,
  Int,
  Mutation,
  ObjectType,
  Query,
  Resolver,
} from '@nestjs/graphql';
import { ArrayMaxSize, IsBoolean, IsEnum, IsOptional, IsUUID } from 'class-validator';
import {
  AuthUser,
  CommonErrors,
  Connection,
  ConnectionArgs,
  CurrentUser,
  UUIDScalar,
  mapNodes,
} from '@delibera/kernel';
import { EmailDigest } from './digest';
import { InboxService } from './inbox.service';
import { Notification } from './notification.entity';
import { NotificationKind, render } from './templates';

@ObjectType('Notification')
export class NotificationType {
  @Field(() => UUIDScalar) id: string;
  @Field(() => NotificationKind) kind: NotificationKind;
  @Field(() => String) subject: string;
  @Field(() => String) body: string;
  @Field(() => Date) createdAt: Date;
  @Field(() => Date, { nullable: true }) readAt: Date | null;

  static from(notification: Notification): NotificationType {
    const { subject, text } = render(notification.kind, notification.locale, notification.params);
    const { id, kind, createdAt, readAt } = notification;
    return { id, kind, subject, body: text, createdAt, readAt };
  }
}

@ObjectType()
export class NotificationConnection extends Connection(NotificationType) {}

@ObjectType('NotificationPreferences')
export class NotificationPreferencesType {
  @Field(() => [NotificationKind], {
    description: 'Kinds you receive in the portal only, not by email.',
  })
  emailDisabledKinds: NotificationKind[];

  @Field(() => EmailDigest, {
    description:
      'Immediate: one email per event. Daily: one digest a day, except reminders before a vote closes and emails about your account, always sent at once.',
  })
  emailDigest: EmailDigest;
}

@ArgsType()
class InboxArgs extends ConnectionArgs {
  @Field(() => Boolean, { nullable: true }) @IsOptional() @IsBoolean() unreadOnly?: boolean;
}

@InputType()
class MarkNotificationsReadInput {
  @Field(() => [UUIDScalar]) @ArrayMaxSize(500) @IsUUID('all', { each: true }) ids: string[];
}

@InputType()
class NotificationPreferencesInput {
  @Field(() => [NotificationKind])
  @ArrayMaxSize(50)
  @IsEnum(NotificationKind, { each: true })
  emailDisabledKinds: NotificationKind[];

  @Field(() => EmailDigest, { nullable: true, description: 'Unchanged when omitted.' })
  @IsOptional()
  @IsEnum(EmailDigest)
  emailDigest?: EmailDigest;
}

/** Each member's own inbox; accounts without a member (staff only) have none. */
@Resolver(() => NotificationType)
export class InboxResolver {
  constructor(private readonly inbox: InboxService) {}

  @Query(() => NotificationConnection, { description: 'Your notifications, newest first.' })
  async myNotifications(
    @CurrentUser() user: AuthUser,
    @Args() args: InboxArgs,
  ): Promise<NotificationConnection> {
    return mapNodes(await this.inbox.list(memberOf(user), args), NotificationType.from);
  }

  @Mutation(() => Int, { description: 'Marks your notifications read; returns how many changed.' })
  markNotificationsRead(
    @CurrentUser() user: AuthUser,
    @Args('input') input: MarkNotificationsReadInput,
  ): Promise<number> {
    return this.inbox.markRead(memberOf(user), input.ids);
  }

  @Query(() => NotificationPreferencesType)
  myNotificationPreferences(@CurrentUser() user: AuthUser): Promise<NotificationPreferencesType> {
    return this.inbox.preferences(memberOf(user));
  }

  @Mutation(() => NotificationPreferencesType, { description: 'Invitations are always emailed.' })
  updateNotificationPreferences(
    @CurrentUser() user: AuthUser,
    @Args('input') input: NotificationPreferencesInput,
  ): Promise<NotificationPreferencesType> {
    return this.inbox.updatePreferences(memberOf(user), input);
  }
}

function memberOf(user: AuthUser): string {
  if (!user.memberId) throw CommonErrors.FORBIDDEN();
  return user.memberId;
}
