import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { FlagKind, FlagResolution } from './deliberation.enums';

/**
 * A member asks moderators to review an argument. Open while `resolution` is
 * null; at most one open flag per member, argument and kind (partial unique index).
 */
@Entity('argument_flag')
export class ArgumentFlag {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  argumentId: string;

  @Column({ type: 'enum', enum: FlagKind, enumName: 'argument_flag_kind' })
  kind: FlagKind;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ type: 'uuid' })
  flaggedByMemberId: string;

  @Column({ type: 'uuid' })
  flaggedByAccountId: string;

  @Column({ type: 'enum', enum: FlagResolution, enumName: 'flag_resolution', nullable: true })
  resolution: FlagResolution | null;

  /** The public annotation, or the reason for hiding. */
  @Column({ type: 'text', nullable: true })
  resolutionNote: string | null;

  @Column({ type: 'uuid', nullable: true })
  resolvedByAccountId: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  resolvedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
