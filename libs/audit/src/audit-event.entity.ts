import { Column, Entity, PrimaryColumn } from 'typeorm';
import { bigintToNumber } from '@delibera/kernel';

/**
 * One link of the append-only, hash-chained record of everything that changed.
 * Unlike other tables its key is a gapless sequence, not a uuid: the chain's
 * order *is* the record. The database refuses UPDATE and DELETE on it.
 */
@Entity('audit_event')
export class AuditEvent {
  @PrimaryColumn({ type: 'bigint', transformer: bigintToNumber })
  seq: number;

  @Column({ type: 'timestamptz' })
  occurredAt: Date;

  @Column({ type: 'uuid', nullable: true })
  actorAccountId: string | null;

  @Column({ type: 'text' })
  action: string;

  @Column({ type: 'text' })
  entityType: string;

  @Column({ type: 'text', nullable: true })
  entityId: string | null;

  /** What changed: typically `{ before, after }` or the parameters of the action. */
  @Column({ type: 'jsonb' })
  data: Record<string, unknown>;

  @Column({ type: 'text' })
  prevHash: string;

  @Column({ type: 'text' })
  hash: string;
}
