import { createHash } from 'node:crypto';
import { canonicalJson } from '@delibera/kernel';

/** The hash that precedes the first event. */
export const GENESIS_HASH = '0'.repeat(64);

export interface ChainedFields {
  seq: number;
  occurredAt: Date;
  actorAccountId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  data: Record<string, unknown>;
}

/** hash = sha256(prevHash ‖ canonical event): editing any field of any row breaks every later link. */
export function chainHash(prevHash: string, event: ChainedFields): string {
  const canonical = canonicalJson({
    seq: event.seq,
    occurredAt: event.occurredAt,
    actorAccountId: event.actorAccountId,
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId,
    data: event.data,
  });
  return createHash('sha256').update(prevHash).update('\n').update(canonical).digest('hex');
}
