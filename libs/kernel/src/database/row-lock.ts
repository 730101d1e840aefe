import { EntityManager, EntityTarget, FindOptionsWhere, ObjectLiteral } from 'typeorm';

/**
 * The row, locked until the transaction ends (null if absent): FOR UPDATE, or
 * FOR SHARE when `shared`. State-dependent changes serialise on the row they change.
 */
export function lockById<E extends ObjectLiteral & { id: string }>(
  manager: EntityManager,
  entity: EntityTarget<E>,
  id: string,
  mode: 'write' | 'shared' = 'write',
): Promise<E | null> {
  return manager.findOne(entity, {
    where: { id } as FindOptionsWhere<E>,
    lock: { mode: mode === 'write' ? 'pessimistic_write' : 'pessimistic_read' },
  });
}
