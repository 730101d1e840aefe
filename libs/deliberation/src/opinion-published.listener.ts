import { Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { DomainEvent, OpinionPublishedEvent } from '@delibera/kernel';
import { CouncilThreadsService } from './council-threads.service';

/**
 * When a council publishes its opinion on a proposal, its thread there opens
 * to every member. Runs in the publisher's transaction; errors propagate, so
 * the opinion and the opening commit or roll back together.
 */
@Injectable()
export class OpinionPublishedListener {
  constructor(private readonly threads: CouncilThreadsService) {}

  @OnEvent(DomainEvent.OpinionPublished, { suppressErrors: false })
  async openCouncilThread({
    manager,
    proposalId,
    councilId,
  }: OpinionPublishedEvent): Promise<void> {
    await this.threads.openOnOpinion(manager, proposalId, councilId);
  }
}
