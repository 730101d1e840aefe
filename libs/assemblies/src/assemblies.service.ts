import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { AuditService } from '@delibera/audit';
import { CharterService, DecisionType } from '@delibera/charter';
import { CouncilsService, SeatStatus } from '@delibera/councils';
import { AppConfig, AuthUser, CommonErrors, formatDateTime, paginate } from '@delibera/kernel';
import { Member, MembershipService } from '@delibera/membership';
import { NotificationKind, NotificationsService } from '@delibera/notifications';
import { AssemblyErrors } from './assemblies.errors';
import { AgendaItemKind, AssemblyKind, AssemblyMode, AssemblyStatus } from './assemblies.enums';
import { assertOpen, lockAssembly } from './assembly-access';
import { AssembliesArgs } from './dto/attendance.input';
import { AgendaItemInput, ConveneAssemblyInput } from './dto/convene-assembly.input';
import { AgendaItem, Assembly } from './entities';
import { localTitle } from './format';
import { noticeDaysGiven, requiredNoticeDays } from './notice';

/** Agenda items that put a decision to a binding vote: general assemblies only. */
const BINDING_KINDS = new Set([
  AgendaItemKind.Vote,
  AgendaItemKind.Election,
  AgendaItemKind.ContributionScale,
]);

/** The decision an agenda item takes; elections and scales have theirs by nature. */
function decisionTypeOf(item: AgendaItemInput): DecisionType | null {
  switch (item.kind) {
    case AgendaItemKind.Information:
      return null;
    case AgendaItemKind.Election:
      return DecisionType.TrusteeElection;
    case AgendaItemKind.ContributionScale:
      return DecisionType.ContributionScale;
    default:
      return item.decisionType ?? DecisionType.OrdinaryResolution;
  }
}

@Injectable()
export class AssembliesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly charter: CharterService,
    private readonly councils: CouncilsService,
    private readonly membership: MembershipService,
    private readonly notifications: NotificationsService,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  list(args: AssembliesArgs) {
    const query = this.dataSource.getRepository(Assembly).createQueryBuilder('a');
    if (args.kind) query.andWhere('a.kind = :kind', { kind: args.kind });
    if (args.status) query.andWhere('a.status = :status', { status: args.status });
    return paginate(
      query,
      args,
      {
        column: 'a.startsAt',
        id: 'a.id',
        direction: 'DESC',
        key: (a) => [a.startsAt.toISOString(), a.id],
      },
      (a) => a,
    );
  }

  async byId(id: string): Promise<Assembly> {
    const assembly = await this.dataSource.getRepository(Assembly).findOneBy({ id });
    if (!assembly) throw AssemblyErrors.ASSEMBLY_NOT_FOUND();
    return assembly;
  }

  /** Agendas of several assemblies in one query, in the order of `assemblyIds`. */
  async agendas(assemblyIds: readonly string[]): Promise<AgendaItem[][]> {
    const items = await this.dataSource.getRepository(AgendaItem).find({
      where: { assemblyId: In([...assemblyIds]) },
      order: { position: 'ASC' },
    });
    return assemblyIds.map((id) => items.filter((item) => item.assemblyId === id));
  }

  /**
   * The secretary convenes an assembly: one transaction writes it, its agenda,
   * the notice to every member called and the audit event. The charter in
   * force sets the notice (NOTICE_TOO_SHORT), the proxy limit and the quorum.
   */
  async convene(user: AuthUser, input: ConveneAssemblyInput): Promise<Assembly> {
    const now = new Date();
    this.checkShape(input, now);
    const agenda = input.agenda ?? [];
    this.checkAgendaItems(input.kind, agenda);
    const recipients =
      input.kind === AssemblyKind.CouncilMeeting
        ? await this.councilMembers(input.councilId!)
        : null;

    const assembly = await this.dataSource.transaction(async (manager) => {
      if (input.kind === AssemblyKind.CouncilMeeting) {
        // Shared: a dissolution waits for this meeting to be written, and then counts it.
        await this.councils.lockSitting(manager, input.councilId!, 'pessimistic_read');
      }
      const charter = await this.charter.inForce(manager);
      const noticeDays = requiredNoticeDays(
        input.kind,
        charter.rules,
        agenda.map(decisionTypeOf).filter((t): t is DecisionType => t !== null),
      );
      const given = noticeDaysGiven(now, input.startsAt);
      if (given < noticeDays) {
        throw AssemblyErrors.NOTICE_TOO_SHORT({ required: noticeDays, given });
      }
      const assembly = await manager.save(
        manager.create(Assembly, {
          kind: input.kind,
          generalAssemblyType:
            input.kind === AssemblyKind.GeneralAssembly ? input.generalAssemblyType! : null,
          mode: input.mode,
          status: AssemblyStatus.Convened,
          titleFr: input.titleFr.trim(),
          titleEn: input.titleEn.trim(),
          place: input.place?.trim() || null,
          url: input.url ?? null,
          startsAt: input.startsAt,
          endsAt: input.endsAt,
          councilId: input.councilId ?? null,
          region: input.region ?? null,
          charterVersionId: charter.id,
          proxyLimitPerHolder: charter.proxyLimitPerHolder,
          quorumNumerator: charter.assemblyQuorumNumerator,
          quorumDenominator: charter.assemblyQuorumDenominator,
          noticeDays,
          convenedAt: now,
          convenedByAccountId: user.accountId,
          proxiesLockedAt: null,
        }),
      );
      const items = await manager.save(
        agenda.map((item, index) => this.newItem(manager, assembly.id, index + 1, item)),
      );
      await this.audit.append(manager, {
        actorAccountId: user.accountId,
        action: 'assembly.convened',
        entityType: 'assembly',
        entityId: assembly.id,
        data: {
          kind: assembly.kind,
          startsAt: assembly.startsAt.toISOString(),
          noticeDays,
          charterVersionId: charter.id,
          agenda: items.map((item) => ({ kind: item.kind, refId: item.refId })),
        },
      });
      await this.sendNotice(
        manager,
        assembly,
        items,
        recipients ?? (await this.membership.activeMembers(manager)),
      );
      return assembly;
    });
    await this.notifications.kick();
    return assembly;
  }

  /**
   * Adds an item at the end of the agenda. An item whose decision needs more
   * notice than the members still get before the start is refused: they were
   * not given its notice.
   */
  async addAgendaItem(
    user: AuthUser,
    assemblyId: string,
    input: AgendaItemInput,
  ): Promise<AgendaItem> {
    return this.dataSource.transaction(async (manager) => {
      const assembly = await lockAssembly(manager, assemblyId);
      assertOpen(assembly);
      this.checkAgendaItems(assembly.kind, [input]);
      const decisionType = decisionTypeOf(input);
      const charter = await this.charter.inForce(manager);
      const needed = requiredNoticeDays(
        assembly.kind,
        charter.rules,
        decisionType ? [decisionType] : [],
      );
      const given = noticeDaysGiven(new Date(), assembly.startsAt);
      if (needed > assembly.noticeDays && given < needed) {
        throw AssemblyErrors.NOTICE_TOO_SHORT({ required: needed, given: Math.max(0, given) });
      }
      const { max } = await manager
        .getRepository(AgendaItem)
        .createQueryBuilder('i')
        .select('COALESCE(MAX(i.position), 0)', 'max')
        .where('i.assemblyId = :assemblyId', { assemblyId })
        .getRawOne<{ max: number }>()
        .then((row) => row ?? { max: 0 });
      const item = await manager.save(this.newItem(manager, assemblyId, Number(max) + 1, input));
      if (needed > assembly.noticeDays) {
        await manager.update(Assembly, assemblyId, { noticeDays: needed });
      }
      await this.audit.append(manager, {
        actorAccountId: user.accountId,
        action: 'assembly.agenda_item_added',
        entityType: 'assembly',
        entityId: assemblyId,
        data: { itemId: item.id, kind: item.kind, refId: item.refId, position: item.position },
      });
      return item;
    });
  }

  /** Rewrites every position in one transaction; the unique (assembly, position) is checked at commit. */
  async reorderAgenda(
    user: AuthUser,
    assemblyId: string,
    itemIds: string[],
  ): Promise<AgendaItem[]> {
    return this.dataSource.transaction(async (manager) => {
      const assembly = await lockAssembly(manager, assemblyId);
      assertOpen(assembly);
      const items = await manager.findBy(AgendaItem, { assemblyId });
      const known = new Set(items.map((item) => item.id));
      const isPermutation =
        itemIds.length === items.length &&
        new Set(itemIds).size === itemIds.length &&
        itemIds.every((id) => known.has(id));
      if (!isPermutation) throw AssemblyErrors.AGENDA_ORDER_INVALID();
      for (const [index, id] of itemIds.entries()) {
        await manager.update(AgendaItem, { id }, { position: index + 1 });
      }
      await this.audit.append(manager, {
        actorAccountId: user.accountId,
        action: 'assembly.agenda_reordered',
        entityType: 'assembly',
        entityId: assemblyId,
        data: { itemIds },
      });
      return manager.find(AgendaItem, { where: { assemblyId }, order: { position: 'ASC' } });
    });
  }

  /** The secretary closes the assembly (over: attendance and proxies freeze) or cancels it. */
  async end(
    user: AuthUser,
    assemblyId: string,
    status: AssemblyStatus.Closed | AssemblyStatus.Cancelled,
  ) {
    return this.dataSource.transaction(async (manager) => {
      const assembly = await lockAssembly(manager, assemblyId);
      if (assembly.status !== AssemblyStatus.Convened) throw AssemblyErrors.ASSEMBLY_NOT_OPEN();
      assembly.status = status;
      await manager.save(assembly);
      await this.audit.append(manager, {
        actorAccountId: user.accountId,
        action: status === AssemblyStatus.Closed ? 'assembly.closed' : 'assembly.cancelled',
        entityType: 'assembly',
        entityId: assemblyId,
        data: {},
      });
      return assembly;
    });
  }

  private newItem(
    manager: EntityManager,
    assemblyId: string,
    position: number,
    item: AgendaItemInput,
  ): AgendaItem {
    return manager.create(AgendaItem, {
      assemblyId,
      position,
      kind: item.kind,
      titleFr: item.titleFr.trim(),
      titleEn: item.titleEn.trim(),
      refId: item.refId ?? null,
      decisionType: decisionTypeOf(item),
    });
  }

  private checkShape(input: ConveneAssemblyInput, now: Date): void {
    if (input.startsAt <= now || input.endsAt <= input.startsAt) {
      throw AssemblyErrors.ASSEMBLY_INVALID_DATES();
    }
    const needsPlace = input.mode !== AssemblyMode.Asynchronous;
    const needsUrl = input.mode !== AssemblyMode.InPerson;
    if ((needsPlace && !input.place?.trim()) || (needsUrl && !input.url)) {
      throw AssemblyErrors.ASSEMBLY_VENUE_REQUIRED();
    }
    if ((input.kind === AssemblyKind.CouncilMeeting) !== !!input.councilId) {
      throw AssemblyErrors.COUNCIL_REQUIRED();
    }
    if (input.kind === AssemblyKind.GeneralAssembly && !input.generalAssemblyType) {
      throw CommonErrors.REQUIRED({ field: 'generalAssemblyType' });
    }
  }

  /** Council and public meetings discuss and inform; they put nothing to a binding vote. */
  private checkAgendaItems(kind: AssemblyKind, items: AgendaItemInput[]): void {
    if (
      kind !== AssemblyKind.GeneralAssembly &&
      items.some((item) => BINDING_KINDS.has(item.kind))
    ) {
      throw AssemblyErrors.NO_BINDING_VOTES();
    }
  }

  /**
   * A council meeting is called to the council's sitting members. Whether the
   * council exists and still sits is checked under its lock in convene's
   * transaction (COUNCIL_NOT_FOUND, COUNCIL_DISSOLVED).
   */
  private async councilMembers(councilId: string): Promise<Member[]> {
    const [seats] = await this.councils.openSeatsByCouncil([councilId]);
    const memberIds = seats.filter((s) => s.status === SeatStatus.Active).map((s) => s.memberId);
    return memberIds.length ? this.membership.byIds(memberIds) : [];
  }

  /** One notice per member, in their language, through the outbox (deduplicated per assembly). */
  private async sendNotice(
    manager: EntityManager,
    assembly: Assembly,
    agenda: AgendaItem[],
    members: Member[],
  ): Promise<void> {
    await this.notifications.enqueue(
      manager,
      members.map((member) => ({
        kind: NotificationKind.AssemblyNotice,
        dedupeKey: `assembly-notice:${assembly.id}:${member.id}`,
        recipientEmail: member.email,
        recipientMemberId: member.id,
        locale: member.locale,
        params: {
          name: member.displayName,
          title: localTitle(assembly, member.locale),
          startsAt: formatDateTime(assembly.startsAt, member.locale),
          endsAt: formatDateTime(assembly.endsAt, member.locale),
          place: assembly.place ?? '',
          url: assembly.url ?? '',
          agenda: agenda
            .map((item) => `${item.position}. ${localTitle(item, member.locale)}`)
            .join('\n'),
          link: `${this.config.PUBLIC_URL}/assemblies/${assembly.id}`,
        },
      })),
    );
  }
}
