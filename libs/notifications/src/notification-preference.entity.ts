import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { EmailDigest } from './digest';
import { NotificationKind } from './templates';

/** A member's choices about email; in-app notifications are always kept. */
@Entity('notification_preference')
export class NotificationPreference {
  @PrimaryColumn({ type: 'uuid' })
  memberId: string;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  emailDisabledKinds: NotificationKind[];

  @Column({ type: 'text', default: EmailDigest.Immediate })
  emailDigest: EmailDigest;

  /** The digest day (see digestDay) of the last digest sent: compared and set so there is one a day. */
  @Column({ type: 'date', nullable: true })
  lastDigestOn: string | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
