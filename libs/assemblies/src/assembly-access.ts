import { EntityManager } from 'typeorm';
import { AuthUser, CommonErrors, hasRole, Role } from '@delibera/kernel';
import { AssemblyErrors } from './assemblies.errors';
import { AssemblyStatus } from './assemblies.enums';
import { Assembly } from './entities';

/**
 * The one place that says who may act for whom: a member for themself, the
 * secretary (who runs the assembly) for anyone. Returns the member acted for.
 */
export function memberActedFor(user: AuthUser, memberId?: string | null): string {
  const target = memberId ?? user.memberId;
  if (!target) throw CommonErrors.FORBIDDEN();
  if (target !== user.memberId && !hasRole(user, Role.Secretary)) throw CommonErrors.FORBIDDEN();
  return target;
}

export const isSecretary = (user: AuthUser) => hasRole(user, Role.Secretary);

/**
 * Reads the assembly under its row lock. Check-ins, proxies and the freezing
 * of a vote's roll all take it, so the limit, the no-chain rule and the proxy
 * lock are checked against a state no concurrent transaction can change.
 */
export async function lockAssembly(manager: EntityManager, assemblyId: string): Promise<Assembly> {
  const assembly = await manager
    .getRepository(Assembly)
    .createQueryBuilder('a')
    .setLock('pessimistic_write')
    .where('a.id = :assemblyId', { assemblyId })
    .getOne();
  if (!assembly) throw AssemblyErrors.ASSEMBLY_NOT_FOUND();
  return assembly;
}

/** Convened and not yet over: attendance, proxies and registrations may change. */
export function assertOpen(assembly: Assembly, now = new Date()): void {
  if (assembly.status !== AssemblyStatus.Convened || now >= assembly.endsAt) {
    throw AssemblyErrors.ASSEMBLY_NOT_OPEN();
  }
}
