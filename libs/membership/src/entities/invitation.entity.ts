import { Column, CreateDateColumn, Entity, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Member } from './member.entity';

/** A one-time link sent by email so a new member can create their account. Only the token's hash is kept. */
@Entity('invitation')
export class Invitation {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ManyToOne(() => Member, { nullable: false, onDelete: 'CASCADE' })
  member: Member;

  @Column({ type: 'uuid' })
  memberId: string;

  @Column({ type: 'text' })
  email: string;

  @Column({ type: 'text', unique: true })
  tokenHash: string;

  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  acceptedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  invitedByAccountId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
