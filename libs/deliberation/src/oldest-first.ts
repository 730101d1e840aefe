import { KeysetOrder } from '@delibera/kernel';

/** Keyset order by creation time then id, for rows whose `createdAt` is timestamptz(3). */
export function oldestFirst<E extends { createdAt: Date; id: string }>(
  alias: string,
): KeysetOrder<E> {
  return {
    column: `${alias}.createdAt`,
    id: `${alias}.id`,
    direction: 'ASC',
    key: (row) => [row.createdAt.toISOString(), row.id],
  };
}
