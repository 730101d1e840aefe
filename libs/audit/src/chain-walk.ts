import type { ClientBase, QueryArrayResult } from 'pg';
import { storedEventHash } from './stored-event-hash';

/**
 * One event as the walk reads it, in array mode: text only (the time already
 * in the ISO form chainHash hashed, jsonb as text), so the driver parses nothing.
 */
type StoredRow = [
  seq: string,
  occurredAtIso: string,
  actorAccountId: string | null,
  action: string,
  entityType: string,
  entityId: string | null,
  data: string,
  prevHash: string,
  hash: string,
];

const PAGE_SQL = `
  SELECT e.seq::text, to_char(e.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
         e.actor_account_id::text, e.action, e.entity_type, e.entity_id, e.data::text, e.prev_hash, e.hash
    FROM audit_event e WHERE e.seq > $1 AND e.seq <= $2 ORDER BY e.seq LIMIT $3`;

export interface WalkRange {
  /** Walk events with afterSeq < seq <= toSeq. */
  afterSeq: number;
  toSeq: number;
  pageSize: number;
  /**
   * The hash the first event must follow; null when an earlier range is
   * walked elsewhere at the same time: its stored prev_hash is taken and
   * stitched to that range's last hash afterwards.
   */
  prevHash: string | null;
}

export interface WalkResult {
  checked: number;
  /** prev_hash stored on the first event walked (null if none). */
  firstPrevHash: string | null;
  firstSeq: number | null;
  /** Hash of the last valid event walked (the given prevHash when none). */
  lastHash: string | null;
  firstBrokenSeq: number | null;
}

/**
 * Walks a range of the chain in keyset pages on one connection, asking for
 * the next page before checking the current one, so PostgreSQL reads while
 * Node hashes; memory stays two pages whatever the range's length. Stops at
 * the first event whose stored links or hash do not match.
 */
export async function walkChain(client: ClientBase, range: WalkRange): Promise<WalkResult> {
  const fetch = (afterSeq: string) =>
    client.query<StoredRow>({
      text: PAGE_SQL,
      values: [afterSeq, String(range.toSeq), range.pageSize],
      rowMode: 'array',
    });
  let pending: Promise<QueryArrayResult<StoredRow>> | null = null;
  const result: WalkResult = {
    checked: 0,
    firstPrevHash: null,
    firstSeq: null,
    lastHash: range.prevHash,
    firstBrokenSeq: null,
  };
  try {
    let prevHash = range.prevHash;
    let page = await fetch(String(range.afterSeq));
    for (;;) {
      const rows = page.rows;
      pending = rows.length === range.pageSize ? fetch(rows[rows.length - 1][0]) : null;
      for (const row of rows) {
        const [seqText, occurredAtIso, actorAccountId, action, entityType, entityId, data] = row;
        const [storedPrev, hash] = [row[7], row[8]];
        const seq = Number(seqText);
        if (result.firstSeq === null) {
          result.firstSeq = seq;
          result.firstPrevHash = storedPrev;
          prevHash ??= storedPrev;
        }
        const expected = storedEventHash(prevHash!, {
          seq,
          occurredAtIso,
          actorAccountId,
          action,
          entityType,
          entityId,
          data: JSON.parse(data) as unknown,
        });
        if (storedPrev !== prevHash || hash !== expected) {
          result.firstBrokenSeq = seq;
          return result;
        }
        prevHash = hash;
        result.lastHash = hash;
        result.checked++;
      }
      if (!pending) return result;
      page = await pending;
    }
  } finally {
    // A page asked for ahead must come back before the connection is given back.
    await pending?.catch(() => undefined);
  }
}
