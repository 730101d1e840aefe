import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { Locale } from '@delibera/kernel';
import { MemberKind, MemberStatus, OrganisationCategory, SizeBand } from '../membership.enums';
import { College } from './college.entity';

/**
 * A member of the trust: a person, or an organisation that votes through its
 * designated representative. Organisation-only and person-only fields are
 * enforced by CHECK constraints.
 */
@Entity('member')
@Index(['status', 'createdAt'])
export class Member {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'enum', enum: MemberKind, enumName: 'member_kind' })
  kind: MemberKind;

  @Column({ type: 'text' })
  displayName: string;

  /** Contact address; unique case-insensitively (index on lower(email) in the migration). */
  @Column({ type: 'text' })
  email: string;

  @Column({ type: 'enum', enum: MemberStatus, enumName: 'member_status' })
  status: MemberStatus;

  @ManyToOne(() => College, { nullable: false })
  college: College;

  @Column({ type: 'uuid' })
  collegeId: string;

  /** Two-digit code of a Québec administrative region. */
  @Column({ type: 'char', length: 2 })
  region: string;

  @Column({ type: 'text', default: 'fr' })
  locale: Locale;

  /** People only: used solely for council eligibility (age bands). */
  @Column({ type: 'date', nullable: true })
  birthDate: string | null;

  @Column({
    type: 'enum',
    enum: OrganisationCategory,
    enumName: 'organisation_category',
    nullable: true,
  })
  organisationCategory: OrganisationCategory | null;

  @Column({ type: 'enum', enum: SizeBand, enumName: 'size_band', nullable: true })
  sizeBand: SizeBand | null;

  /** Organisations only: the person who acts and votes for it. */
  @Column({ type: 'text', nullable: true })
  representativeName: string | null;

  /** When the member was admitted (became active for the first time). */
  @Column({ type: 'timestamptz', nullable: true })
  admittedAt: Date | null;

  /** Millisecond precision: it is a pagination key, and cursors carry JS dates. */
  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
