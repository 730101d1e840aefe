import { Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { DomainEvent, VoteClosedEvent } from '@delibera/kernel';
import { ProposalStatus } from './proposal-status';
import { ProposalsService } from './proposals.service';

const OUTCOMES: Partial<Record<VoteClosedEvent['outcome'], ProposalStatus>> = {
  adopted: ProposalStatus.Adopted,
  rejected: ProposalStatus.Rejected,
  quorum_not_met: ProposalStatus.QuorumNotMet,
};

/**
 * A proposal's vote closed: the proposal takes the outcome, in the voting
 * lib's transaction. Idempotent: a proposal no longer in voting (already
 * decided, or cancelled during the vote) is left as it is.
 */
@Injectable()
export class VoteClosedListener {
  constructor(private readonly proposals: ProposalsService) {}

  @OnEvent(DomainEvent.VoteClosed, { suppressErrors: false })
  async onVoteClosed(event: VoteClosedEvent): Promise<void> {
    const to = OUTCOMES[event.outcome];
    if (event.subjectType !== 'proposal' || !event.subjectId || !to) return;
    const proposal = await this.proposals.lock(event.manager, event.subjectId);
    if (proposal.status !== ProposalStatus.Voting) return;
    await this.proposals.transition(event.manager, {
      proposalId: proposal.id,
      to,
      actorAccountId: null,
      data: { voteId: event.voteId },
    });
  }
}
