import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, IsNull } from 'typeorm';
import { ConnectionArgs, paginate } from '@delibera/kernel';
import { EmailDigest } from './digest';
import { NotificationPreference } from './notification-preference.entity';
import { Notification } from './notification.entity';
import { MANDATORY_EMAIL_KINDS, NotificationKind } from './templates';

/** A member's in-app notifications and email preferences. */
@Injectable()
export class InboxService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  list(memberId: string, args: ConnectionArgs & { unreadOnly?: boolean }) {
    const query = this.dataSource
      .getRepository(Notification)
      .createQueryBuilder('n')
      .where('n.recipientMemberId = :memberId', { memberId });
    if (args.unreadOnly) query.andWhere('n.readAt IS NULL');
    return paginate(
      query,
      args,
      {
        column: 'n.createdAt',
        id: 'n.id',
        direction: 'DESC',
        key: (n) => [n.createdAt.toISOString(), n.id],
      },
      (n) => n,
    );
  }

  /** Marks the member's own notifications read; others' ids are ignored. Returns how many changed. */
  async markRead(memberId: string, ids: string[]): Promise<number> {
    const result = await this.dataSource
      .getRepository(Notification)
      .update(
        { id: In(ids), recipientMemberId: memberId, readAt: IsNull() },
        { readAt: new Date() },
      );
    return result.affected ?? 0;
  }

  async preferences(memberId: string): Promise<NotificationPreference> {
    const found = await this.dataSource
      .getRepository(NotificationPreference)
      .findOneBy({ memberId });
    return (
      found ??
      Object.assign(new NotificationPreference(), {
        memberId,
        emailDisabledKinds: [],
        emailDigest: EmailDigest.Immediate,
      })
    );
  }

  async updatePreferences(
    memberId: string,
    input: { emailDisabledKinds: NotificationKind[]; emailDigest?: EmailDigest },
  ): Promise<NotificationPreference> {
    const kinds = [...new Set(input.emailDisabledKinds)].filter(
      (kind) => !MANDATORY_EMAIL_KINDS.includes(kind),
    );
    await this.dataSource
      .getRepository(NotificationPreference)
      .upsert({ memberId, emailDisabledKinds: kinds, emailDigest: input.emailDigest }, [
        'memberId',
      ]);
    return this.preferences(memberId);
  }
}
