import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull } from 'typeorm';
import { AuditService } from '@delibera/audit';
import { AuthUser, CommonErrors } from '@delibera/kernel';
import { MembershipService, MemberStatus } from '@delibera/membership';
import { AssemblyErrors } from './assemblies.errors';
import { AssemblyKind, ProxyEndReason } from './assemblies.enums';
import { assertOpen, isSecretary, lockAssembly, memberActedFor } from './assembly-access';
import { AssemblyProxy, Attendance } from './entities';

@Injectable()
export class ProxiesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly membership: MembershipService,
    private readonly audit: AuditService,
  ) {}

  /**
   * A member gives their vote at one general assembly to another member (or
   * the secretary records a signed paper proxy). Every rule is checked under
   * the assembly's row lock, so two grants racing for a holder's last place, or
   * crossing grants that would form a chain, cannot both pass.
   */
  async grant(
    user: AuthUser,
    assemblyId: string,
    holderMemberId: string,
    grantorMemberId?: string,
  ): Promise<AssemblyProxy> {
    const grantorId = memberActedFor(user, grantorMemberId);
    if (grantorId === holderMemberId) throw AssemblyErrors.PROXY_SELF();
    const [grantor, holder] = await Promise.all([
      this.membership.byId(grantorId),
      this.membership.byId(holderMemberId),
    ]);
    if (grantor.status !== MemberStatus.Active || holder.status !== MemberStatus.Active) {
      throw AssemblyErrors.NOT_AN_ACTIVE_MEMBER();
    }
    return this.dataSource.transaction(async (manager) => {
      const assembly = await lockAssembly(manager, assemblyId);
      if (assembly.kind !== AssemblyKind.GeneralAssembly) {
        throw AssemblyErrors.PROXIES_GENERAL_ASSEMBLY_ONLY();
      }
      assertOpen(assembly);
      if (assembly.proxiesLockedAt) throw AssemblyErrors.PROXY_LOCKED();
      const inForce = manager.getRepository(AssemblyProxy);
      const grantorPresent = await manager.existsBy(Attendance, {
        assemblyId,
        memberId: grantorId,
        checkedOutAt: IsNull(),
      });
      if (grantorPresent) throw AssemblyErrors.GRANTOR_CHECKED_IN();
      if (await inForce.existsBy({ assemblyId, grantorMemberId: grantorId, endedAt: IsNull() })) {
        throw AssemblyErrors.PROXY_ALREADY_GIVEN();
      }
      const chain =
        (await inForce.existsBy({ assemblyId, holderMemberId: grantorId, endedAt: IsNull() })) ||
        (await inForce.existsBy({
          assemblyId,
          grantorMemberId: holderMemberId,
          endedAt: IsNull(),
        }));
      if (chain) throw AssemblyErrors.PROXY_CHAIN();
      const held = await inForce.countBy({ assemblyId, holderMemberId, endedAt: IsNull() });
      if (held >= assembly.proxyLimitPerHolder) {
        throw AssemblyErrors.PROXY_LIMIT_REACHED({ limit: assembly.proxyLimitPerHolder });
      }
      const proxy = await manager.save(
        manager.create(AssemblyProxy, {
          assemblyId,
          grantorMemberId: grantorId,
          grantorCollegeId: grantor.collegeId,
          holderMemberId,
          grantedAt: new Date(),
          grantedByAccountId: user.accountId,
          endedAt: null,
          endReason: null,
          endedByAccountId: null,
        }),
      );
      await this.audit.append(manager, {
        actorAccountId: user.accountId,
        action: 'assembly.proxy_granted',
        entityType: 'assembly_proxy',
        entityId: proxy.id,
        data: { assemblyId, grantorMemberId: grantorId, holderMemberId },
      });
      return proxy;
    });
  }

  /** The grantor (or the secretary) revokes a proxy, until the assembly's first vote opens. */
  async revoke(user: AuthUser, proxyId: string): Promise<AssemblyProxy> {
    const found = await this.dataSource.getRepository(AssemblyProxy).findOneBy({ id: proxyId });
    if (!found) throw AssemblyErrors.PROXY_NOT_FOUND();
    memberActedFor(user, found.grantorMemberId);
    return this.dataSource.transaction(async (manager) => {
      const assembly = await lockAssembly(manager, found.assemblyId);
      assertOpen(assembly);
      if (assembly.proxiesLockedAt) throw AssemblyErrors.PROXY_LOCKED();
      const proxy = await manager.findOneBy(AssemblyProxy, { id: proxyId, endedAt: IsNull() });
      if (!proxy) throw AssemblyErrors.PROXY_NOT_FOUND();
      Object.assign(proxy, {
        endedAt: new Date(),
        endReason: ProxyEndReason.Revoked,
        endedByAccountId: user.accountId,
      });
      await manager.save(proxy);
      await this.audit.append(manager, {
        actorAccountId: user.accountId,
        action: 'assembly.proxy_revoked',
        entityType: 'assembly_proxy',
        entityId: proxy.id,
        data: { assemblyId: proxy.assemblyId },
      });
      return proxy;
    });
  }

  /** Proxies of an assembly: all of them for the secretary, otherwise those the caller gave or holds. */
  async list(user: AuthUser, assemblyId: string, all: boolean): Promise<AssemblyProxy[]> {
    if (all && !isSecretary(user)) throw CommonErrors.FORBIDDEN();
    const repo = this.dataSource.getRepository(AssemblyProxy);
    if (all) return repo.find({ where: { assemblyId }, order: { grantedAt: 'ASC' } });
    if (!user.memberId) return [];
    return repo.find({
      where: [
        { assemblyId, grantorMemberId: user.memberId },
        { assemblyId, holderMemberId: user.memberId },
      ],
      order: { grantedAt: 'ASC' },
    });
  }
}
