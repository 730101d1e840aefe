import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  OneToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { Locale, Role } from '@delibera/kernel';
import { Member } from './member.entity';

/** A login. A member's account acts for that member; staff accounts may have no member. */
@Entity('account')
export class Account {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Unique case-insensitively (index on lower(email) in the migration). */
  @Column({ type: 'text' })
  email: string;

  /** argon2id hash; never selected unless asked for. */
  @Column({ type: 'text', select: false })
  passwordHash: string;

  @Column({ type: 'text', array: true })
  roles: Role[];

  @OneToOne(() => Member, { nullable: true })
  @JoinColumn()
  member: Member | null;

  @Column({ type: 'uuid', nullable: true, unique: true })
  memberId: string | null;

  @Column({ type: 'text', default: 'fr' })
  locale: Locale;

  @Column({ type: 'boolean', default: false })
  disabled: boolean;

  @Column({ type: 'timestamptz', nullable: true })
  lastLoginAt: Date | null;

  /** Access tokens issued before this instant are refused (password change, suspension). */
  @Column({ type: 'timestamptz', nullable: true })
  sessionsValidAfter: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
