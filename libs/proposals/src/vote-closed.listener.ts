import { Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { DomainEvent, VoteClosedEvent } from '@delibera/kernel';
import { AmendmentsService } from './amendments/amendments.service';
import { ConsultationService } from './consultation/consultation.service';
import { ProposalStatus } from './proposal-status';
import { ProposalsService } from './proposals.service';

const OUTCOMES: Partial<Record<VoteClosedEvent['outcome'], ProposalStatus>> = {
  adopted: ProposalStatus.Adopted,
  rejected: ProposalStatus.Rejected,
  quorum_not_met: ProposalStatus.QuorumNotMet,
};

/**
 * A vote on a proposal, a council's opinion or an amendment closed: the
 * subject takes the outcome, in the voting lib's transaction. Idempotent: a
 * proposal no longer in voting (already decided, or cancelled during the
 * vote), an opinion or amendment whose vote was already applied, is left as
 * it is.
 */
@Injectable()
export class VoteClosedListener {
  constructor(
    private readonly proposals: ProposalsService,
    private readonly consultation: ConsultationService,
    private readonly amendments: AmendmentsService,
  ) {}

  @OnEvent(DomainEvent.VoteClosed, { suppressErrors: false })
  async onVoteClosed(event: VoteClosedEvent): Promise<void> {
    const { manager, subjectId, voteId, outcome } = event;
    if (!subjectId) return;
    if (event.subjectType === 'council_opinion') {
      return this.consultation.applyOpinionVote(manager, subjectId, voteId, outcome);
    }
    if (event.subjectType === 'amendment') {
      return this.amendments.applyVote(manager, subjectId, voteId, outcome);
    }
    const to = OUTCOMES[outcome];
    if (event.subjectType !== 'proposal' || !to) return;
    const proposal = await this.proposals.lock(manager, subjectId);
    if (proposal.status !== ProposalStatus.Voting) return;
    await this.proposals.transition(manager, {
      proposalId: proposal.id,
      to,
      actorAccountId: null,
      data: { voteId },
    });
  }
}
