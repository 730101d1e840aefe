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

/** An event as verification reads it back: JSON values only, the time as its ISO string. */
export interface StoredEventFields {
  seq: number;
  occurredAtIso: string;
  actorAccountId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  data: unknown;
}

/**
 * chainHash for an event read back from the database, built without the
 * generic canonicalJson's object copies: verifying a million events is
 * dominated by this. For JSON values (all jsonb can hold) the bytes are the
 * same as chainHash's (tested in audit-chain.spec.ts).
 */
export function storedEventHash(prevHash: string, event: StoredEventFields): string {
  const canonical =
    `{"action":${JSON.stringify(event.action)}` +
    `,"actorAccountId":${JSON.stringify(event.actorAccountId)}` +
    `,"data":${canonicalJsonValue(event.data)}` +
    `,"entityId":${JSON.stringify(event.entityId)}` +
    `,"entityType":${JSON.stringify(event.entityType)}` +
    `,"occurredAt":${JSON.stringify(event.occurredAtIso)}` +
    `,"seq":${event.seq}}`;
  return createHash('sha256').update(prevHash).update('\n').update(canonical).digest('hex');
}

/** canonicalJson for a value JSON.parse produced (no Date, undefined or toJSON to care about). */
export function canonicalJsonValue(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJsonValue).join(',')}]`;
  const object = value as Record<string, unknown>;
  // canonicalJson rebuilds each object from its sorted keys, and a JS object
  // lists integer-like keys first, in numeric order: the same order here.
  const all = Object.keys(object);
  const keys = [...all.filter(isArrayIndex), ...all.filter((key) => !isArrayIndex(key)).sort()];
  let out = '{';
  for (let i = 0; i < keys.length; i++) {
    if (i > 0) out += ',';
    out += `${JSON.stringify(keys[i])}:${canonicalJsonValue(object[keys[i]])}`;
  }
  return `${out}}`;
}

/** A key JS objects list before the others ("0", "42"; not "01" or "-1"). */
function isArrayIndex(key: string): boolean {
  return /^(0|[1-9]\d{0,9})$/.test(key) && Number(key) < 2 ** 32 - 1;
}
