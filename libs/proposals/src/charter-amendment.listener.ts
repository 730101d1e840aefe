import { Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { CharterService, DecisionType } from '@delibera/charter';
import { DomainEvent, ProposalDecidedEvent } from '@delibera/kernel';
import { Proposal } from './proposal.entity';

/**
 * A deed amendment adopted makes the next charter version (DESIGN.md §2), in
 * the transaction of the decision: its changes on top of the version then in
 * force, or the same rules when it changed only the deed's text. Proposals
 * already running keep the version they pinned. Delivered again, it finds the
 * version it made and does nothing.
 */
@Injectable()
export class CharterAmendmentListener {
  constructor(private readonly charter: CharterService) {}

  @OnEvent(DomainEvent.ProposalDecided, { suppressErrors: false })
  async onProposalDecided(event: ProposalDecidedEvent): Promise<void> {
    if (event.decisionType !== DecisionType.CharterAmendment || event.outcome !== 'adopted') return;
    const { manager, proposalId, actorAccountId } = event;
    if (await this.charter.adoptedBy(manager, proposalId)) return;
    const proposal = await manager.findOneByOrFail(Proposal, { id: proposalId });
    await this.charter.adoptNextVersion(manager, {
      proposalId,
      actorAccountId,
      summary: proposal.title,
      ...proposal.charterChange,
    });
  }
}
