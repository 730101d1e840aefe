import { ConnectionShape, MAX_PAGE_SIZE, CommonErrors } from '@delibera/kernel';

export interface PageRequest {
  first?: number;
  after?: string;
}

/**
 * A Relay page over a raw SQL query ordered by a stable key, with the offset
 * as cursor. Used for report-style lists of a few thousand rows computed in
 * SQL (simulations, balances), where keyset pagination over computed columns
 * would cost more than it saves.
 */
export async function offsetPage<T>(
  page: PageRequest,
  load: (limit: number, offset: number) => Promise<T[]>,
  count: () => Promise<number>,
): Promise<ConnectionShape<T>> {
  const first = Math.min(page.first ?? 20, MAX_PAGE_SIZE);
  const offset = page.after ? decodeOffset(page.after) + 1 : 0;
  const [rows, totalCount] = await Promise.all([load(first + 1, offset), count()]);
  const visible = rows.slice(0, first);
  const edges = visible.map((node, i) => ({ cursor: encodeOffset(offset + i), node }));
  return {
    edges,
    pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null },
    totalCount,
  };
}

const encodeOffset = (offset: number) => Buffer.from(`o:${offset}`).toString('base64url');

function decodeOffset(cursor: string): number {
  const match = /^o:(\d{1,9})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match) throw CommonErrors.INVALID_CURSOR();
  return Number(match[1]);
}
