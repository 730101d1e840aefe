import { Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { AuditService } from '@delibera/audit';
import { DomainEvent, OpinionPublishedEvent } from '@delibera/kernel';

/**
 * When a council publishes its opinion on a proposal, its thread there opens
 * to every member. Runs in the publisher's transaction (errors propagate, so
 * the opinion and the opening commit together); idempotent: the first
 * publication date is kept.
 */
@Injectable()
export class OpinionPublishedListener {
  constructor(private readonly audit: AuditService) {}

  @OnEvent(DomainEvent.OpinionPublished, { suppressErrors: false })
  async openCouncilThread({
    manager,
    proposalId,
    councilId,
  }: OpinionPublishedEvent): Promise<void> {
    // Plain SQL: an upsert that keeps the first publication date if the event comes twice.
    const [opened] = await manager.query<{ id: string }[]>(
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
      entityId: opened.id,
      data: { proposalId, councilId },
    });
  }
}
