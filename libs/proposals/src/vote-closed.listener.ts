import { Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { DomainEvent, VoteClosedEvent } from '@delibera/kernel';
import { AmendmentsService } from './amendments/amendments.service';
import { ConsultationService } from './consultation/consultation.service';
import { Proposal } from './proposal.entity';
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
    if (event.subjectType !== 'proposal') return;
    if (!OUTCOMES[outcome] && outcome !== 'completed') return;
    const proposal = await this.proposals.lock(manager, subjectId);
    if (proposal.status !== ProposalStatus.Voting) return;
    const decision = decisionOf(proposal, event);
    if (!decision) return;
    await this.proposals.transition(manager, {
      proposalId: proposal.id,
      to: decision.to,
      actorAccountId: null,
      data: { voteId },
      winningOptionId: decision.winningOptionId,
    });
  }
}

/**
 * A yes-or-no vote decides by its outcome. A ranked vote between options
 * (competing scales) completes with its winner: that option is adopted; with
 * no winner (no ballot) the proposal is rejected.
 */
export function decisionOf(
  proposal: Pick<Proposal, 'voteOptions'>,
  event: Pick<VoteClosedEvent, 'outcome' | 'winners'>,
): { to: ProposalStatus; winningOptionId?: string } | null {
  if (!proposal.voteOptions) {
    const to = OUTCOMES[event.outcome];
    return to ? { to } : null;
  }
  if (event.outcome === 'quorum_not_met') return { to: ProposalStatus.QuorumNotMet };
  const [winner] = event.winners ?? [];
  return winner && proposal.voteOptions.some((o) => o.id === winner)
    ? { to: ProposalStatus.Adopted, winningOptionId: winner }
    : { to: ProposalStatus.Rejected };
}
