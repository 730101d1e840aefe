import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, IsNull } from 'typeorm';
import { AuditService } from '@delibera/audit';
import { CommonErrors, ConnectionArgs, paginate } from '@delibera/kernel';
import { Argument } from './argument.entity';
import { ArgumentFlag } from './argument-flag.entity';
import { FlagKind, FlagResolution } from './deliberation.enums';
import { DeliberationErrors } from './deliberation.errors';
import { DeliberationService } from './deliberation.service';
import { oldestFirst } from './oldest-first';
import { ThreadAccessService, Viewer } from './thread-access.service';

export interface NewFlag {
  argumentId: string;
  kind: FlagKind;
  note?: string | null;
}

export interface FlagDecision {
  flagId: string;
  resolution: FlagResolution;
  /** The public annotation, or the reason for hiding; required for both. */
  note?: string | null;
}

/**
 * Flags and their resolution. Members flag what they can read; moderators
 * decide once per argument: resolving a flag resolves every open flag on the
 * same argument, since the decision is about the argument's content.
 */
@Injectable()
export class ModerationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: ThreadAccessService,
    private readonly deliberation: DeliberationService,
    private readonly audit: AuditService,
  ) {}

  flag(viewer: Viewer, input: NewFlag): Promise<ArgumentFlag> {
    return this.dataSource.transaction(async (manager) => {
      const memberId = await this.access.activeMemberId(viewer, manager);
      const argument = await this.deliberation.readableArgument(viewer, input.argumentId, manager);
      // The partial unique index keeps one open flag per member, argument and kind under concurrency.
      const inserted = await manager
        .createQueryBuilder()
        .insert()
        .into(ArgumentFlag)
        .values({
          argumentId: argument.id,
          kind: input.kind,
          note: input.note?.trim() || null,
          flaggedByMemberId: memberId,
          flaggedByAccountId: viewer.accountId,
        })
        .orIgnore()
        .returning('*')
        .execute();
      const [row] = inserted.raw as { id: string }[];
      if (!row) throw DeliberationErrors.ALREADY_FLAGGED();
      const flag = await manager.findOneByOrFail(ArgumentFlag, { id: row.id });
      await this.audit.append(manager, {
        actorAccountId: viewer.accountId,
        action: 'argument.flagged',
        entityType: 'argument',
        entityId: argument.id,
        data: { flagId: flag.id, kind: flag.kind, note: flag.note, memberId },
      });
      return flag;
    });
  }

  /**
   * Keep, annotate (a public moderator note) or hide (with a reason). Hiding
   * records the argument's full text in the audit chain, so what members no
   * longer see stays on the record.
   */
  resolve(viewer: Viewer, decision: FlagDecision): Promise<Argument> {
    this.access.assertModerator(viewer);
    const note = decision.note?.trim() || null;
    if (decision.resolution !== FlagResolution.Kept && !note) {
      throw CommonErrors.REQUIRED({ field: 'note' });
    }
    return this.dataSource.transaction(async (manager) => {
      const flag = await manager.findOneBy(ArgumentFlag, { id: decision.flagId });
      if (!flag) throw DeliberationErrors.FLAG_NOT_FOUND();
      const argument = await manager
        .getRepository(Argument)
        .createQueryBuilder('a')
        .setLock('pessimistic_write')
        .where('a.id = :id', { id: flag.argumentId })
        .getOneOrFail();
      // Under the argument's lock, so two moderators cannot both decide the same flags.
      const open = await manager.findBy(ArgumentFlag, {
        argumentId: argument.id,
        resolution: IsNull(),
      });
      if (!open.some((f) => f.id === flag.id)) throw DeliberationErrors.FLAG_ALREADY_RESOLVED();
      const now = new Date();
      await manager.update(
        ArgumentFlag,
        { id: In(open.map((f) => f.id)) },
        {
          resolution: decision.resolution,
          resolutionNote: note,
          resolvedByAccountId: viewer.accountId,
          resolvedAt: now,
        },
      );
      if (decision.resolution === FlagResolution.Annotated) argument.moderatorNote = note;
      if (decision.resolution === FlagResolution.Hidden) {
        Object.assign(argument, {
          hiddenAt: now,
          hiddenReason: note,
          hiddenByAccountId: viewer.accountId,
        });
      }
      if (decision.resolution !== FlagResolution.Kept) await manager.save(argument);
      await this.audit.append(manager, {
        actorAccountId: viewer.accountId,
        action: `argument.flags_${decision.resolution}`,
        entityType: 'argument',
        entityId: argument.id,
        data: {
          flagIds: open.map((f) => f.id),
          note,
          ...(decision.resolution === FlagResolution.Hidden
            ? { hiddenContent: { body: argument.body, revision: argument.revision } }
            : {}),
        },
      });
      return argument;
    });
  }

  /**
   * Shows a hidden argument again, with the reason (a hiding overturned on
   * review, a mistaken decision). The audit chain keeps both decisions.
   */
  restore(viewer: Viewer, input: { argumentId: string; reason: string }): Promise<Argument> {
    this.access.assertModerator(viewer);
    const reason = input.reason.trim();
    if (!reason) throw CommonErrors.REQUIRED({ field: 'reason' });
    return this.dataSource.transaction(async (manager) => {
      const argument = await manager
        .getRepository(Argument)
        .createQueryBuilder('a')
        .setLock('pessimistic_write')
        .where('a.id = :id', { id: input.argumentId })
        .getOne();
      if (!argument) throw DeliberationErrors.ARGUMENT_NOT_FOUND();
      if (!argument.hiddenAt) throw DeliberationErrors.ARGUMENT_NOT_HIDDEN();
      const hiddenReason = argument.hiddenReason;
      Object.assign(argument, { hiddenAt: null, hiddenReason: null, hiddenByAccountId: null });
      await manager.save(argument);
      await this.audit.append(manager, {
        actorAccountId: viewer.accountId,
        action: 'argument.restored',
        entityType: 'argument',
        entityId: argument.id,
        data: { reason, hiddenReason },
      });
      return argument;
    });
  }

  /** Open flags, oldest first: what moderators have to look at. */
  queue(viewer: Viewer, args: ConnectionArgs) {
    this.access.assertModerator(viewer);
    const query = this.dataSource
      .getRepository(ArgumentFlag)
      .createQueryBuilder('f')
      .where('f.resolution IS NULL');
    return paginate(query, args, oldestFirst<ArgumentFlag>('f'), (f) => f);
  }

  /** The member's open flag kinds on each of these arguments. */
  async openFlagKindsBy(memberId: string, argumentIds: readonly string[]): Promise<FlagKind[][]> {
    const rows = await this.dataSource.getRepository(ArgumentFlag).findBy({
      flaggedByMemberId: memberId,
      argumentId: In([...argumentIds]),
      resolution: IsNull(),
    });
    return argumentIds.map((id) => rows.filter((f) => f.argumentId === id).map((f) => f.kind));
  }
}
