import { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { DomainError } from '@delibera/kernel';

/**
 * Reads a row FOR UPDATE inside the caller's transaction, or throws the
 * domain's not-found error: every money or decision change here starts by
 * serialising on the row it changes.
 */
export async function lockRow<E extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<E>,
  where: Record<string, string>,
  notFound: () => DomainError,
): Promise<E> {
  const [column, value] = Object.entries(where)[0];
  const row = await manager
    .getRepository(entity)
    .createQueryBuilder('row')
    .setLock('pessimistic_write')
    .where(`row.${column} = :value`, { value })
    .getOne();
  if (!row) throw notFound();
  return row;
}
