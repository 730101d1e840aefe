import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '@delibera/audit';
import { CouncilsService } from '@delibera/councils';
import { AuthUser, CommonErrors, hasRole, Role } from '@delibera/kernel';
import { ProposalsService } from '@delibera/proposals';
import { CouncilThread } from './council-thread.entity';

/**
 * The restriction state of councils' threads. Plain SQL upserts: a thread's
 * row may not exist yet (restricted by default) and two writers must not race
 * to create it.
 */
@Injectable()
export class CouncilThreadsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly councils: CouncilsService,
    private readonly proposals: ProposalsService,
    private readonly audit: AuditService,
  ) {}

  /** The council's chair (or the secretary) lifts the restriction before the opinion, or sets it again. */
  async setRestricted(
    user: AuthUser,
    proposalId: string,
    councilId: string,
    restricted: boolean,
  ): Promise<CouncilThread> {
    const council = await this.councils.byId(councilId);
    const isChair = !!user.memberId && council.chairMemberId === user.memberId;
    if (!isChair && !hasRole(user, Role.Secretary)) throw CommonErrors.FORBIDDEN();
    return this.dataSource.transaction(async (manager) => {
      await this.proposals.byId(proposalId, manager);
      const [{ id }] = await manager.query<{ id: string }[]>(
        `INSERT INTO council_thread (proposal_id, council_id, restricted) VALUES ($1, $2, $3)
         ON CONFLICT (proposal_id, council_id) DO UPDATE SET restricted = EXCLUDED.restricted
         RETURNING id`,
        [proposalId, councilId, restricted],
      );
      await this.audit.append(manager, {
        actorAccountId: user.accountId,
        action: restricted
          ? 'deliberation.council_thread_restricted'
          : 'deliberation.council_thread_opened',
        entityType: 'council_thread',
        entityId: id,
        data: { proposalId, councilId, restricted },
      });
      return manager.findOneByOrFail(CouncilThread, { id });
    });
  }

  /** The council published its opinion: its thread opens to all. Keeps the first date if told twice. */
  async openOnOpinion(
    manager: EntityManager,
    proposalId: string,
    councilId: string,
  ): Promise<void> {
    const [{ id }] = await manager.query<{ id: string }[]>(
      `INSERT INTO council_thread (proposal_id, council_id, opinion_published_at)
       VALUES ($1, $2, now())
       ON CONFLICT (proposal_id, council_id) DO UPDATE
         SET opinion_published_at = COALESCE(council_thread.opinion_published_at, now())
       RETURNING id`,
      [proposalId, councilId],
    );
    await this.audit.append(manager, {
      actorAccountId: null,
      action: 'deliberation.council_thread_opened',
      entityType: 'council_thread',
      entityId: id,
      data: { proposalId, councilId, cause: 'opinion_published' },
    });
  }
}
