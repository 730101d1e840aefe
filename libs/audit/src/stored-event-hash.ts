import { createHash } from 'node:crypto';

// No import from the kernel here: worker threads load this file (chain-walk.worker.ts)
// and should not start the whole kernel to hash.

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
  // One update of the joined string: the same bytes as chainHash's three, hashed faster.
  return createHash('sha256').update(`${prevHash}\n${canonical}`).digest('hex');
}

/** canonicalJson for a value JSON.parse produced (no Date, undefined or toJSON to care about). */
export function canonicalJsonValue(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) out += (i > 0 ? ',' : '') + canonicalJsonValue(value[i]);
    return `${out}]`;
  }
  const object = value as Record<string, unknown>;
  // canonicalJson rebuilds each object from its sorted keys, and a JS object
  // lists integer-like keys first, in numeric order: the same order here.
  // Object.keys already lists those first, in that order; only the rest is sorted.
  const keys = Object.keys(object);
  let indexKeys = 0;
  while (indexKeys < keys.length && isArrayIndex(keys[indexKeys])) indexKeys++;
  const ordered =
    indexKeys === 0 ? keys.sort() : [...keys.slice(0, indexKeys), ...keys.slice(indexKeys).sort()];
  let out = '{';
  for (let i = 0; i < ordered.length; i++) {
    const key = ordered[i];
    out += `${i > 0 ? ',' : ''}${quoted(key)}:${canonicalJsonValue(object[key])}`;
  }
  return `${out}}`;
}

/** Keys repeat from event to event: their JSON form is computed once. */
const quotedKeys = new Map<string, string>();
function quoted(key: string): string {
  let json = quotedKeys.get(key);
  if (json === undefined) {
    json = JSON.stringify(key);
    if (quotedKeys.size < 10_000) quotedKeys.set(key, json);
  }
  return json;
}

/** A key JS objects list before the others ("0", "42"; not "01" or "-1"). */
function isArrayIndex(key: string): boolean {
  const first = key.charCodeAt(0);
  if (!(first >= 48 && first <= 57)) return false; // cheap test first: most keys are words
  return /^(0|[1-9]\d{0,9})$/.test(key) && Number(key) < 2 ** 32 - 1;
}
