import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '@delibera/audit';
import { CharterService } from '@delibera/charter';
import { Council, CouncilsService } from '@delibera/councils';
import {
  AuthUser,
  CommonErrors,
  ConnectionArgs,
  hasRole,
  paginate,
  Role,
  lockById,
} from '@delibera/kernel';
import { ContributionErrors } from './contributions.errors';
import { InKindKind, InKindStatus } from './contributions.enums';
import { InKindContribution } from './entities';
import { volunteerValueCents } from './money';

export interface VolunteerHours {
  personName: string;
  activity: string;
  performedOn: string;
  minutes: number;
  councilId?: string;
  /** The volunteer agreed to be named in the reports. */
  thankByName?: boolean;
}

export interface LentResource {
  kind: InKindKind;
  personName?: string;
  activity: string;
  performedOn: string;
  staffDays?: number;
  declaredValueCents: number;
}

export interface InKindFilter {
  memberId?: string;
  councilId?: string;
  status?: InKindStatus;
}

@Injectable()
export class InKindService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly charter: CharterService,
    private readonly councils: CouncilsService,
    private readonly audit: AuditService,
  ) {}

  /** A member records volunteer hours given on its behalf (or its own, for a person). */
  recordVolunteerHours(user: AuthUser, input: VolunteerHours): Promise<InKindContribution> {
    return this.record(user, {
      kind: InKindKind.VolunteerHours,
      personName: input.personName.trim(),
      activity: input.activity.trim(),
      performedOn: input.performedOn,
      minutes: input.minutes,
      councilId: input.councilId ?? null,
      recognitionConsent: input.thankByName ?? false,
    });
  }

  /** Seconded staff, lent premises or equipment, at a declared value. */
  recordLentResource(user: AuthUser, input: LentResource): Promise<InKindContribution> {
    const staff = input.kind === InKindKind.SecondedStaff;
    if (
      input.kind === InKindKind.VolunteerHours ||
      staff !== (input.staffDays !== undefined && !!input.personName?.trim())
    ) {
      throw ContributionErrors.IN_KIND_FIELDS({ kind: input.kind });
    }
    if (input.declaredValueCents < 0)
      throw ContributionErrors.NEGATIVE_AMOUNT({ field: 'declaredValueCents' });
    return this.record(user, {
      kind: input.kind,
      personName: input.personName?.trim() || null,
      activity: input.activity.trim(),
      performedOn: input.performedOn,
      staffDays: staff ? input.staffDays : null,
      declaredValueCents: input.declaredValueCents,
    });
  }

  private async record(
    user: AuthUser,
    fields: Partial<InKindContribution>,
  ): Promise<InKindContribution> {
    if (!user.memberId) throw CommonErrors.FORBIDDEN();
    if (fields.councilId && !(await this.councilOf(fields.councilId)))
      throw CommonErrors.NOT_FOUND({ entity: 'council' });
    return this.dataSource.transaction(async (manager) => {
      const item = await manager.save(
        manager.create(InKindContribution, {
          ...fields,
          memberId: user.memberId!,
          status: InKindStatus.Pending,
          recordedByAccountId: user.accountId,
        }),
      );
      await this.audit.append(manager, {
        actorAccountId: user.accountId,
        action: 'in_kind.recorded',
        entityType: 'in_kind_contribution',
        entityId: item.id,
        data: { after: { ...fields, memberId: user.memberId } },
      });
      return item;
    });
  }

  /**
   * Volunteer hours are approved by the chair of the council they served, or
   * the secretary; declared resources by the treasurer or the secretary.
   * Approval values hours at the charter's rate in force, kept on the record.
   */
  async decide(
    user: AuthUser,
    id: string,
    approve: boolean,
    reason?: string,
  ): Promise<InKindContribution> {
    // Read before the transaction: another domain's read inside it would use a second
    // connection, which the embedded database makes wait for this transaction's end.
    const councils = await this.councils.list();
    return this.dataSource.transaction(async (manager) => {
      const item = await lockById(manager, InKindContribution, id);
      if (!item) throw ContributionErrors.IN_KIND_NOT_FOUND();
      if (!this.mayDecide(user, item, councils)) throw CommonErrors.FORBIDDEN();
      if (item.status !== InKindStatus.Pending) throw ContributionErrors.IN_KIND_ALREADY_DECIDED();
      const decided: Partial<InKindContribution> = {
        status: approve ? InKindStatus.Approved : InKindStatus.Refused,
        decidedByAccountId: user.accountId,
        decidedAt: new Date(),
        decisionReason: reason?.trim() || null,
      };
      if (approve && item.kind === InKindKind.VolunteerHours) {
        const charter = await this.charter.inForce(manager);
        decided.hourlyRateCents = charter.volunteerHourRateCents;
        decided.charterVersion = charter.version;
        decided.valueCents = volunteerValueCents(item.minutes!, charter.volunteerHourRateCents);
      } else if (approve) {
        decided.valueCents = item.declaredValueCents;
      }
      await manager.update(InKindContribution, { id }, decided);
      await this.audit.append(manager, {
        actorAccountId: user.accountId,
        action: approve ? 'in_kind.approved' : 'in_kind.refused',
        entityType: 'in_kind_contribution',
        entityId: id,
        data: { valueCents: decided.valueCents ?? null, reason: reason ?? null },
      });
      return { ...item, ...decided };
    });
  }

  /** The one place that says who sees in-kind records beyond their own member. */
  async mayList(user: AuthUser, filter: InKindFilter): Promise<boolean> {
    if (hasRole(user, Role.Treasurer, Role.Secretary, Role.Trustee)) return true;
    if (filter.memberId && filter.memberId === user.memberId) return true;
    if (filter.councilId) {
      const council = await this.councilOf(filter.councilId);
      return !!council && !!user.memberId && council.chairMemberId === user.memberId;
    }
    return false;
  }

  list(filter: InKindFilter, args: ConnectionArgs) {
    const query = this.dataSource.getRepository(InKindContribution).createQueryBuilder('k');
    if (filter.memberId) query.andWhere('k.memberId = :memberId', { memberId: filter.memberId });
    if (filter.councilId)
      query.andWhere('k.councilId = :councilId', { councilId: filter.councilId });
    if (filter.status) query.andWhere('k.status = :status', { status: filter.status });
    return paginate(
      query,
      args,
      {
        column: 'k.createdAt',
        id: 'k.id',
        direction: 'DESC',
        key: (k) => [k.createdAt.toISOString(), k.id],
      },
      (k) => k,
    );
  }

  private mayDecide(user: AuthUser, item: InKindContribution, councils: Council[]): boolean {
    if (hasRole(user, Role.Secretary)) return true;
    if (item.kind !== InKindKind.VolunteerHours) return hasRole(user, Role.Treasurer);
    if (!item.councilId || !user.memberId) return false;
    return (
      councils.find((council) => council.id === item.councilId)?.chairMemberId === user.memberId
    );
  }

  private async councilOf(councilId: string) {
    return (await this.councils.list()).find((council) => council.id === councilId);
  }
}
