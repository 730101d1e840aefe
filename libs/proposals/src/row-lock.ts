import { EntityManager, EntityTarget, FindOptionsWhere, ObjectLiteral } from 'typeorm';

/** The row, locked FOR UPDATE until the transaction ends (null if absent): state-dependent actions serialise on it. */
export function lockById<E extends ObjectLiteral & { id: string }>(
  manager: EntityManager,
  entity: EntityTarget<E>,
  id: string,
): Promise<E | null> {
  return manager.findOne(entity, {
    where: { id } as FindOptionsWhere<E>,
    lock: { mode: 'pessimistic_write' },
  });
}
