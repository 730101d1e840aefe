import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Locale } from '@delibera/kernel';
import { NotificationKind } from './templates';

/**
 * The outbox: a notification is written in the same transaction as the event
 * it announces, then delivered by the `notifications` queue. `dedupeKey` makes
 * "one message per member per event" a database guarantee.
 */
@Entity('notification')
@Index('notification_pending_idx', ['createdAt'], { where: 'sent_at IS NULL' })
@Index('notification_digest_pending_idx', ['recipientMemberId'], {
  where: 'in_digest AND sent_at IS NULL',
})
export class Notification {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  kind: NotificationKind;

  @Column({ type: 'text', unique: true })
  dedupeKey: string;

  @Column({ type: 'text' })
  recipientEmail: string;

  @Column({ type: 'uuid', nullable: true })
  recipientMemberId: string | null;

  @Column({ type: 'text' })
  locale: Locale;

  /** Values the template needs; never secrets other than one-time links meant for this recipient. */
  @Column({ type: 'jsonb' })
  params: Record<string, string | number>;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ type: 'text', nullable: true })
  lastError: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  /** When the member read it in the portal; every notification to a member is also in their inbox. */
  @Column({ type: 'timestamptz', nullable: true })
  readAt: Date | null;

  /** True when the member's preferences turned email off for this kind: it stays in the inbox only. */
  @Column({ type: 'boolean', default: false })
  emailSkipped: boolean;

  /**
   * True when the email goes out in the member's daily digest rather than on
   * its own: waiting for it while sentAt is null.
   */
  @Column({ type: 'boolean', default: false })
  inDigest: boolean;

  /** Millisecond precision: it is the inbox's pagination key. */
  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
