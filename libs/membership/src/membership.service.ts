import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '@delibera/audit';
import {
  AppConfig,
  AuthUser,
  paginate,
  PgErrorCode,
  quebecDate,
  Role,
  violatedConstraint,
} from '@delibera/kernel';
import { NotificationKind, NotificationsService } from '@delibera/notifications';
import { MembersArgs } from './dto/members.args';
import { MemberFieldsInput } from './dto/member-fields.input';
import { College, Invitation, Member, MemberStatusChange } from './entities';
import { memberRuleProblems, normaliseEmail } from './member-rules';
import { MembershipErrors } from './membership.errors';
import { ALLOWED_STATUS_CHANGES, MemberKind, MemberStatus } from './membership.enums';
import { newOpaqueToken } from './tokens';
import { AuthService, MEMBER_STATUSES_ALLOWED_TO_SIGN_IN } from './auth.service';

const TRUST_NAME = 'la fiducie';

@Injectable()
export class MembershipService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly config: AppConfig,
    private readonly auth: AuthService,
  ) {}

  colleges(): Promise<College[]> {
    return this.dataSource.getRepository(College).find({ order: { code: 'ASC' } });
  }

  async collegeCodes(
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Map<string, College>> {
    const colleges = await manager.getRepository(College).find();
    return new Map(colleges.map((c) => [c.code, c]));
  }

  /** Inside a transaction, pass its manager: a read on another connection would wait on the embedded database. */
  async byId(id: string, manager: EntityManager = this.dataSource.manager): Promise<Member> {
    const member = await manager.getRepository(Member).findOneBy({ id });
    if (!member) throw MembershipErrors.MEMBER_NOT_FOUND();
    return member;
  }

  async byIds(
    ids: readonly string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Member[]> {
    return manager
      .getRepository(Member)
      .createQueryBuilder('m')
      .where('m.id IN (:...ids)', { ids })
      .getMany();
  }

  /** Active members: those who may vote, attend assemblies and count toward their quorum. */
  countActive(manager: EntityManager = this.dataSource.manager): Promise<number> {
    return manager.getRepository(Member).countBy({ status: MemberStatus.Active });
  }

  /** Every active member, for notices sent to the whole membership (inside the caller's transaction). */
  activeMembers(manager: EntityManager = this.dataSource.manager): Promise<Member[]> {
    return manager.getRepository(Member).find({ where: { status: MemberStatus.Active } });
  }

  /**
   * Active members as a SELECT of (member_id, college_id), optionally only those
   * whose account holds a role or who are in a list. Voting freezes a roll from
   * it with one INSERT … SELECT: a million members never travel through Node.
   */
  activeMembersSelect(filter: { role?: Role; memberIds?: readonly string[] } = {}): {
    sql: string;
    params: unknown[];
  } {
    const params: unknown[] = [];
    const where = [`m.status = 'active'`];
    if (filter.role) {
      params.push(filter.role);
      where.push(
        `EXISTS (SELECT 1 FROM account a WHERE a.member_id = m.id AND NOT a.disabled AND $${params.length} = ANY (a.roles))`,
      );
    }
    if (filter.memberIds) {
      params.push(filter.memberIds);
      where.push(`m.id = ANY ($${params.length}::uuid[])`);
    }
    return {
      sql: `SELECT m.id AS member_id, m.college_id FROM member m WHERE ${where.join(' AND ')}`,
      params,
    };
  }

  list(args: MembersArgs) {
    const query = this.dataSource.getRepository(Member).createQueryBuilder('m');
    if (args.status) query.andWhere('m.status = :status', { status: args.status });
    if (args.kind) query.andWhere('m.kind = :kind', { kind: args.kind });
    if (args.region) query.andWhere('m.region = :region', { region: args.region });
    if (args.college) {
      query.innerJoin('m.college', 'c', 'c.code = :college', { college: args.college });
    }
    if (args.search) {
      query.andWhere('(m.displayName ILIKE :search OR m.email ILIKE :search)', {
        search: `%${args.search.replace(/[%_\\]/g, '\\$&')}%`,
      });
    }
    return paginate(
      query,
      args,
      {
        column: 'm.createdAt',
        id: 'm.id',
        direction: 'DESC',
        key: (m) => [m.createdAt.toISOString(), m.id],
      },
      (m) => m,
    );
  }

  /**
   * The secretary registers a future member (status applicant) and emails them
   * a one-time link to create their account. One transaction: the member, the
   * invitation, the outbox message and the audit event exist together or not at all.
   */
  async invite(actor: AuthUser, input: MemberFieldsInput): Promise<Member> {
    const member = await this.dataSource.transaction(async (manager) => {
      const colleges = await this.collegeCodes(manager);
      const problem = memberRuleProblems(input, new Set(colleges.keys()))[0];
      if (problem)
        throw MembershipErrors[problem.code]({ college: input.college, region: input.region });
      const email = normaliseEmail(input.email);
      await this.assertEmailFree(manager, email);
      const created = await this.insertMember(
        manager,
        input,
        email,
        colleges.get(input.college)!.id,
      );
      await this.recordStatus(
        manager,
        created,
        null,
        MemberStatus.Applicant,
        actor.accountId,
        'invited',
      );
      await this.createInvitations(manager, [created], actor.accountId);
      await this.audit.append(manager, {
        actorAccountId: actor.accountId,
        action: 'member.invited',
        entityType: 'member',
        entityId: created.id,
        data: { after: { ...input, email } },
      });
      return created;
    });
    await this.notifications.kick();
    return member;
  }

  async changeStatus(
    actor: AuthUser,
    memberId: string,
    to: MemberStatus,
    reason?: string,
  ): Promise<Member> {
    const member = await this.dataSource.transaction(async (manager) => {
      const member = await manager
        .getRepository(Member)
        .createQueryBuilder('m')
        .setLock('pessimistic_write')
        .where('m.id = :memberId', { memberId })
        .getOne();
      if (!member) throw MembershipErrors.MEMBER_NOT_FOUND();
      const from = member.status;
      if (!ALLOWED_STATUS_CHANGES[from].includes(to)) {
        throw MembershipErrors.INVALID_STATUS_TRANSITION({ from, to });
      }
      member.status = to;
      if (to === MemberStatus.Active && !member.admittedAt) member.admittedAt = new Date();
      await manager.save(member);
      // A suspended or resigned member loses access now, not when their token expires.
      if (!MEMBER_STATUSES_ALLOWED_TO_SIGN_IN.includes(to)) {
        await this.auth.revokeSessions(manager, { memberId: member.id });
      }
      const changeId = await this.recordStatus(
        manager,
        member,
        from,
        to,
        actor.accountId,
        reason ?? null,
      );
      await this.audit.append(manager, {
        actorAccountId: actor.accountId,
        action: 'member.status_changed',
        entityType: 'member',
        entityId: member.id,
        data: { before: { status: from }, after: { status: to }, reason: reason ?? null },
      });
      await this.notifications.enqueue(manager, [
        {
          kind: NotificationKind.MemberStatusChanged,
          dedupeKey: `member-status:${changeId}`,
          recipientEmail: member.email,
          recipientMemberId: member.id,
          locale: member.locale,
          params: { name: member.displayName, status: to, reason: reason ?? '' },
        },
      ]);
      return member;
    });
    await this.notifications.kick();
    return member;
  }

  async statusHistory(memberId: string): Promise<MemberStatusChange[]> {
    return this.dataSource
      .getRepository(MemberStatusChange)
      .find({ where: { memberId }, order: { changedAt: 'ASC' } });
  }

  private async assertEmailFree(manager: EntityManager, email: string): Promise<void> {
    const taken = await manager
      .getRepository(Member)
      .createQueryBuilder('m')
      .where('lower(m.email) = :email', { email })
      .getExists();
    if (taken) throw MembershipErrors.EMAIL_TAKEN({ email });
  }

  private async insertMember(
    manager: EntityManager,
    input: MemberFieldsInput,
    email: string,
    collegeId: string,
  ): Promise<Member> {
    const isOrganisation = input.kind === MemberKind.Organisation;
    try {
      return await manager.save(
        manager.create(Member, {
          kind: input.kind,
          displayName: input.displayName.trim(),
          email,
          status: MemberStatus.Applicant,
          collegeId,
          region: input.region,
          locale: input.locale ?? 'fr',
          birthDate: isOrganisation ? null : (input.birthDate ?? null),
          organisationCategory: isOrganisation ? input.organisationCategory : null,
          sizeBand: isOrganisation ? input.sizeBand : null,
          representativeName: isOrganisation ? input.representativeName : null,
        }),
      );
    } catch (error) {
      // Two secretaries inviting the same address at once: the unique index decides.
      if (violatedConstraint(error, PgErrorCode.UniqueViolation) !== undefined) {
        throw MembershipErrors.EMAIL_TAKEN({ email });
      }
      throw error;
    }
  }

  async recordStatus(
    manager: EntityManager,
    member: Pick<Member, 'id'>,
    from: MemberStatus | null,
    to: MemberStatus,
    accountId: string | null,
    reason: string | null,
  ): Promise<string> {
    const inserted = await manager.insert(MemberStatusChange, {
      memberId: member.id,
      fromStatus: from,
      toStatus: to,
      changedByAccountId: accountId,
      reason,
    });
    return inserted.identifiers[0].id as string;
  }

  /** Creates invitation links and their emails for these members, inside the caller's transaction. */
  async createInvitations(
    manager: EntityManager,
    members: Pick<Member, 'id' | 'email' | 'displayName' | 'locale'>[],
    invitedByAccountId: string | null,
  ): Promise<void> {
    const expiresAt = new Date(Date.now() + this.config.INVITATION_TTL_DAYS * 86_400_000);
    const issued = members.map((member) => ({ member, ...newOpaqueToken() }));
    await manager.insert(
      Invitation,
      issued.map(({ member, hash }) => ({
        memberId: member.id,
        email: member.email,
        tokenHash: hash,
        expiresAt,
        invitedByAccountId,
      })),
    );
    await this.notifications.enqueue(
      manager,
      issued.map(({ member, token, hash }) => ({
        kind: NotificationKind.Invitation,
        dedupeKey: `invitation:${hash}`,
        recipientEmail: member.email,
        recipientMemberId: member.id,
        locale: member.locale,
        params: {
          name: member.displayName,
          trustName: TRUST_NAME,
          link: `${this.config.PUBLIC_URL}/invitation?token=${token}`,
          expiresOn: quebecDate(expiresAt),
        },
      })),
    );
  }
}
