import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { NotificationKind } from './templates';

/** A member's choices about email; in-app notifications are always kept. */
@Entity('notification_preference')
export class NotificationPreference {
  @PrimaryColumn({ type: 'uuid' })
  memberId: string;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  emailDisabledKinds: NotificationKind[];

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
