import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { MemberStatus } from '../membership.enums';
import { Member } from './member.entity';

/** Dated history of a member's status, for composition-over-time reports. */
@Entity('member_status_change')
@Index(['member', 'changedAt'])
export class MemberStatusChange {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ManyToOne(() => Member, { nullable: false, onDelete: 'CASCADE' })
  member: Member;

  @Column({ type: 'uuid' })
  memberId: string;

  @Column({ type: 'enum', enum: MemberStatus, enumName: 'member_status', nullable: true })
  fromStatus: MemberStatus | null;

  @Column({ type: 'enum', enum: MemberStatus, enumName: 'member_status' })
  toStatus: MemberStatus;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ type: 'uuid', nullable: true })
  changedByAccountId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  changedAt: Date;
}
