import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, SelectQueryBuilder } from 'typeorm';
import { AuditService } from '@delibera/audit';
import { CommonErrors, ConnectionArgs, paginate } from '@delibera/kernel';
import { Argument } from './argument.entity';
import { ArgumentEndorsement } from './argument-endorsement.entity';
import { ArgumentRevision } from './argument-revision.entity';
import { ArgumentStance, MAX_REPLY_DEPTH } from './deliberation.enums';
import { DeliberationErrors } from './deliberation.errors';
import { oldestFirst } from './oldest-first';
import { ThreadAccessService, Viewer } from './thread-access.service';

export interface NewArgument {
  proposalId: string;
  councilId?: string | null;
  stance: ArgumentStance;
  body: string;
}

export interface NewReply {
  argumentId: string;
  stance?: ArgumentStance | null;
  body: string;
}

export type StanceCounts = Record<ArgumentStance, number>;

const ZERO_COUNTS: StanceCounts = { for: 0, against: 0, question: 0, information: 0 };

/** A body must say something: whitespace alone is refused before anything is written. */
function requireText(body: string): string {
  if (!body.trim()) throw CommonErrors.REQUIRED({ field: 'body' });
  return body;
}

/** Arguments in a proposal's threads: posting, replying, editing with history, endorsing, reading. */
@Injectable()
export class DeliberationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: ThreadAccessService,
    private readonly audit: AuditService,
  ) {}

  post(viewer: Viewer, input: NewArgument): Promise<Argument> {
    const body = requireText(input.body);
    return this.dataSource.transaction(async (manager) => {
      const councilId = input.councilId ?? null;
      const memberId = await this.access.assertCanPost(
        viewer,
        input.proposalId,
        councilId,
        manager,
      );
      return this.insert(manager, viewer, memberId, {
        proposalId: input.proposalId,
        councilId,
        parentId: null,
        depth: 0,
        stance: input.stance,
        body,
      });
    });
  }

  reply(viewer: Viewer, input: NewReply): Promise<Argument> {
    const body = requireText(input.body);
    return this.dataSource.transaction(async (manager) => {
      const parent = await this.readableArgument(viewer, input.argumentId, manager);
      if (parent.hiddenAt) throw DeliberationErrors.ARGUMENT_HIDDEN();
      if (parent.depth + 1 > MAX_REPLY_DEPTH) {
        throw DeliberationErrors.REPLY_TOO_DEEP({ max: MAX_REPLY_DEPTH });
      }
      const memberId = await this.access.assertCanPost(
        viewer,
        parent.proposalId,
        parent.councilId,
        manager,
      );
      return this.insert(manager, viewer, memberId, {
        proposalId: parent.proposalId,
        councilId: parent.councilId,
        parentId: parent.id,
        depth: parent.depth + 1,
        stance: input.stance ?? null,
        body,
      });
    });
  }

  /** The author rewrites the text; the previous texts stay as revisions and in the audit chain. */
  edit(viewer: Viewer, argumentId: string, newBody: string): Promise<Argument> {
    const body = requireText(newBody);
    return this.dataSource.transaction(async (manager) => {
      const argument = await this.readableArgument(viewer, argumentId, manager, true);
      if (argument.authorMemberId !== viewer.memberId) {
        throw DeliberationErrors.NOT_ARGUMENT_AUTHOR();
      }
      if (argument.hiddenAt) throw DeliberationErrors.ARGUMENT_HIDDEN();
      await this.access.assertCanPost(viewer, argument.proposalId, argument.councilId, manager);
      if (argument.body === body) return argument;
      const previous = argument.body;
      argument.body = body;
      argument.revision += 1;
      argument.editedAt = new Date();
      await manager.save(argument);
      await manager.insert(ArgumentRevision, {
        argumentId: argument.id,
        revision: argument.revision,
        body,
        editedByAccountId: viewer.accountId,
      });
      await this.audit.append(manager, {
        actorAccountId: viewer.accountId,
        action: 'argument.edited',
        entityType: 'argument',
        entityId: argument.id,
        data: { revision: argument.revision, before: { body: previous }, after: { body } },
      });
      return argument;
    });
  }

  endorse(viewer: Viewer, argumentId: string): Promise<Argument> {
    return this.dataSource.transaction(async (manager) => {
      const argument = await this.readableArgument(viewer, argumentId, manager);
      if (argument.hiddenAt) throw DeliberationErrors.ARGUMENT_HIDDEN();
      const memberId = await this.access.assertCanPost(
        viewer,
        argument.proposalId,
        argument.councilId,
        manager,
      );
      if (argument.authorMemberId === memberId) throw DeliberationErrors.CANNOT_ENDORSE_OWN();
      // The primary key keeps one endorsement per member even under concurrent clicks.
      const inserted = await manager
        .createQueryBuilder()
        .insert()
        .into(ArgumentEndorsement)
        .values({ argumentId, memberId })
        .orIgnore()
        .execute();
      if ((inserted.raw as unknown[]).length === 0) throw DeliberationErrors.ALREADY_ENDORSED();
      await this.audit.append(manager, {
        actorAccountId: viewer.accountId,
        action: 'argument.endorsed',
        entityType: 'argument',
        entityId: argumentId,
        data: { memberId },
      });
      return argument;
    });
  }

  unendorse(viewer: Viewer, argumentId: string): Promise<Argument> {
    return this.dataSource.transaction(async (manager) => {
      const argument = await this.readableArgument(viewer, argumentId, manager);
      const memberId = await this.access.assertCanPost(
        viewer,
        argument.proposalId,
        argument.councilId,
        manager,
      );
      const removed = await manager.delete(ArgumentEndorsement, { argumentId, memberId });
      if (!removed.affected) throw DeliberationErrors.NOT_ENDORSED();
      await this.audit.append(manager, {
        actorAccountId: viewer.accountId,
        action: 'argument.unendorsed',
        entityType: 'argument',
        entityId: argumentId,
        data: { memberId },
      });
      return argument;
    });
  }

  /** An argument the viewer may read (ARGUMENT_NOT_FOUND / NOT_COUNCIL_MEMBER otherwise). */
  async readableArgument(
    viewer: Viewer,
    argumentId: string,
    manager: EntityManager = this.dataSource.manager,
    lock = false,
  ): Promise<Argument> {
    const query = manager
      .getRepository(Argument)
      .createQueryBuilder('a')
      .where('a.id = :argumentId', { argumentId });
    if (lock) query.setLock('pessimistic_write');
    const argument = await query.getOne();
    if (!argument) throw DeliberationErrors.ARGUMENT_NOT_FOUND();
    await this.access.assertCanRead(viewer, argument.proposalId, argument.councilId, manager);
    return argument;
  }

  /** A thread's top-level arguments, oldest first, as a keyset-paginated connection. */
  topLevel(proposalId: string, councilId: string | null, args: ConnectionArgs) {
    const query = this.dataSource
      .getRepository(Argument)
      .createQueryBuilder('a')
      .where('a.proposalId = :proposalId AND a.parentId IS NULL', { proposalId });
    if (councilId) query.andWhere('a.councilId = :councilId', { councilId });
    else query.andWhere('a.councilId IS NULL');
    return this.pageInTimeOrder(query, args);
  }

  /** One argument's replies, oldest first, as a connection (for paging beyond the nested first few). */
  replies(parentId: string, args: ConnectionArgs) {
    const query = this.dataSource
      .getRepository(Argument)
      .createQueryBuilder('a')
      .where('a.parentId = :parentId', { parentId });
    return this.pageInTimeOrder(query, args);
  }

  private pageInTimeOrder(query: SelectQueryBuilder<Argument>, args: ConnectionArgs) {
    return paginate(query, args, oldestFirst<Argument>('a'), (a) => a);
  }

  /**
   * Counts of visible (not hidden) tagged arguments, replies included, in the
   * threads the viewer may read: one thread when `councilId` is given
   * (null = general thread), every readable thread of the proposal otherwise.
   */
  async counts(
    viewer: Viewer,
    proposalId: string,
    thread?: { councilId: string | null },
  ): Promise<StanceCounts> {
    const readable = this.access.readableCondition(viewer);
    const query = this.dataSource
      .createQueryBuilder()
      .select('a.stance', 'stance')
      .addSelect('count(*)::int', 'n')
      .from(Argument, 'a')
      .leftJoin(
        'council_thread',
        't',
        't.proposal_id = a.proposal_id AND t.council_id = a.council_id',
      )
      .where('a.proposal_id = :proposalId', { proposalId })
      .andWhere('a.hidden_at IS NULL AND a.stance IS NOT NULL')
      .andWhere(readable.sql, readable.params)
      .groupBy('a.stance');
    if (thread) {
      query.andWhere('a.council_id IS NOT DISTINCT FROM :threadCouncilId', {
        threadCouncilId: thread.councilId,
      });
    }
    const rows = await query.getRawMany<{ stance: ArgumentStance; n: number }>();
    return rows.reduce((counts, row) => ({ ...counts, [row.stance]: row.n }), {
      ...ZERO_COUNTS,
    });
  }

  // ---- Batched reads for DataLoaders: one query for any number of arguments. ----

  async byIds(ids: readonly string[]): Promise<(Argument | null)[]> {
    const found = await this.dataSource.getRepository(Argument).findBy({ id: In([...ids]) });
    const byId = new Map(found.map((a) => [a.id, a]));
    return ids.map((id) => byId.get(id) ?? null);
  }

  /** The first `limit` replies of each parent, oldest first (a window function: one query for all parents). */
  async firstReplies(parentIds: readonly string[], limit: number): Promise<Argument[][]> {
    const rows = await this.dataSource
      .getRepository(Argument)
      .createQueryBuilder('a')
      .where(
        `a.id IN (SELECT ranked.id FROM (SELECT r.id, row_number() OVER (PARTITION BY r.parent_id ORDER BY r.created_at, r.id) AS rn FROM argument r WHERE r.parent_id = ANY(:parentIds)) ranked WHERE ranked.rn <= :limit)`,
        { parentIds: [...parentIds], limit },
      )
      .orderBy('a.createdAt', 'ASC')
      .addOrderBy('a.id', 'ASC')
      .getMany();
    return parentIds.map((id) => rows.filter((row) => row.parentId === id));
  }

  async replyCounts(parentIds: readonly string[]): Promise<number[]> {
    return this.countBy(Argument, 'parent_id', parentIds);
  }

  async endorsementCounts(argumentIds: readonly string[]): Promise<number[]> {
    return this.countBy(ArgumentEndorsement, 'argument_id', argumentIds);
  }

  /** Which of these arguments the member endorses. */
  async endorsedBy(memberId: string, argumentIds: readonly string[]): Promise<boolean[]> {
    const rows = await this.dataSource.getRepository(ArgumentEndorsement).findBy({
      memberId,
      argumentId: In([...argumentIds]),
    });
    const endorsed = new Set(rows.map((row) => row.argumentId));
    return argumentIds.map((id) => endorsed.has(id));
  }

  async revisions(argumentIds: readonly string[]): Promise<ArgumentRevision[][]> {
    const rows = await this.dataSource.getRepository(ArgumentRevision).find({
      where: { argumentId: In([...argumentIds]) },
      order: { revision: 'ASC' },
    });
    return argumentIds.map((id) => rows.filter((row) => row.argumentId === id));
  }

  private async countBy(
    entity: typeof Argument | typeof ArgumentEndorsement,
    column: 'parent_id' | 'argument_id',
    ids: readonly string[],
  ): Promise<number[]> {
    const rows = await this.dataSource
      .createQueryBuilder()
      .select(`x.${column}`, 'id')
      .addSelect('count(*)::int', 'n')
      .from(entity, 'x')
      .where(`x.${column} = ANY(:ids)`, { ids: [...ids] })
      .groupBy(`x.${column}`)
      .getRawMany<{ id: string; n: number }>();
    const counts = new Map(rows.map((row) => [row.id, row.n]));
    return ids.map((id) => counts.get(id) ?? 0);
  }

  private async insert(
    manager: EntityManager,
    viewer: Viewer,
    memberId: string,
    fields: Pick<Argument, 'proposalId' | 'councilId' | 'parentId' | 'depth' | 'stance' | 'body'>,
  ): Promise<Argument> {
    const argument = await manager.save(
      manager.create(Argument, {
        ...fields,
        revision: 1,
        authorMemberId: memberId,
        authorAccountId: viewer.accountId,
      }),
    );
    await manager.insert(ArgumentRevision, {
      argumentId: argument.id,
      revision: 1,
      body: fields.body,
      editedByAccountId: viewer.accountId,
    });
    await this.audit.append(manager, {
      actorAccountId: viewer.accountId,
      action: fields.parentId ? 'argument.replied' : 'argument.posted',
      entityType: 'argument',
      entityId: argument.id,
      data: { ...fields, authorMemberId: memberId },
    });
    return argument;
  }
}
