import { Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { EntityManager } from 'typeorm';
import { CharterService, DecidingBody, DecisionRule, DecisionType } from '@delibera/charter';
import { DomainEvent, ProposalVotingStartedEvent, VoteRequestedEvent } from '@delibera/kernel';
import { ElectorateRegistry } from './electorate/electorate-registry';
import { Vote } from './vote.entity';
import { ElectorateKind, VoteSubjectType } from './voting.enums';
import { VotingErrors } from './voting.errors';
import { VotesService, YES_NO } from './votes.service';

/** Who votes on a proposal, by the deciding body of its charter rule. */
const ELECTORATE_OF: Partial<Record<DecidingBody, ElectorateKind>> = {
  [DecidingBody.AllMembers]: ElectorateKind.AllMembers,
  [DecidingBody.Board]: ElectorateKind.Board,
  [DecidingBody.GeneralAssembly]: ElectorateKind.Assembly,
};

/**
 * A proposal entered voting: its vote is created in the proposal's
 * transaction, yes or no (or, for competing options such as contribution
 * scales, those options ranked by the rule's `competingOptionsMethod`), with the method, threshold, quorum, secrecy and
 * weighting of its rule under the charter version it pinned. A general
 * assembly decides only at a convened assembly whose agenda holds the
 * proposal; without one the whole transition is refused. Idempotent: a
 * proposal already holding its vote gets no second one.
 *
 * Proposals also asks for the votes of its parts (`vote.requested`): a
 * council's opinion, voted by the council's active seats, and an amendment,
 * voted by the same electorate as the proposal itself.
 */
@Injectable()
export class ProposalVoteListener {
  constructor(
    private readonly votes: VotesService,
    private readonly charter: CharterService,
    private readonly electorates: ElectorateRegistry,
  ) {}

  @OnEvent(DomainEvent.ProposalVotingStarted, { suppressErrors: false })
  async onVotingStarted(event: ProposalVotingStartedEvent): Promise<void> {
    const { manager, proposalId } = event;
    const subject = { subjectType: VoteSubjectType.Proposal, subjectId: proposalId };
    if (await manager.existsBy(Vote, subject)) return;
    const charter = await this.charter.byId(event.charterVersionId, manager);
    const rule = await this.charter.ruleFor(event.decisionType as DecisionType, charter);
    await this.votes.scheduleWithin(
      manager,
      event.actorAccountId,
      {
        ...subject,
        decisionType: rule.decisionType,
        titleFr: event.title,
        titleEn: event.title,
        ...(await this.proposalElectorate(manager, rule, proposalId)),
        options: event.options ?? YES_NO,
        // Competing options are ranked by the method the charter allows for them.
        ...(event.options ? { rules: { method: competingMethod(rule) } } : {}),
        binding: true,
        opensAt: event.opensAt,
        closesAt: event.closesAt,
      },
      charter,
      { datesFromPhases: true },
    );
  }

  /** Creates the requested vote in the caller's transaction and returns its id. */
  @OnEvent(DomainEvent.VoteRequested, { suppressErrors: false })
  async onVoteRequested(event: VoteRequestedEvent): Promise<string> {
    const { manager } = event;
    const charter = await this.charter.byId(event.charterVersionId, manager);
    const opinion = event.subjectType === 'council_opinion';
    if (opinion && !event.councilId) throw new Error('A council opinion vote needs its council');
    const rule = await this.charter.ruleFor(
      opinion ? DecisionType.CouncilOpinion : (event.decisionType as DecisionType),
      charter,
    );
    const electorate = opinion
      ? { electorateKind: ElectorateKind.Council, electorateRef: event.councilId }
      : await this.proposalElectorate(manager, rule, event.proposalId);
    const vote = await this.votes.scheduleWithin(
      manager,
      event.actorAccountId,
      {
        subjectType: opinion ? VoteSubjectType.CouncilOpinion : VoteSubjectType.Amendment,
        subjectId: event.subjectId,
        decisionType: rule.decisionType,
        titleFr: event.titleFr,
        titleEn: event.titleEn,
        ...electorate,
        options: YES_NO,
        binding: true,
        opensAt: event.opensAt,
        closesAt: event.closesAt,
      },
      charter,
    );
    return vote.id;
  }

  /** The electorate of the body the rule says decides the proposal. */
  private async proposalElectorate(
    manager: EntityManager,
    rule: DecisionRule,
    proposalId: string,
  ): Promise<{ electorateKind: ElectorateKind; electorateRef?: string }> {
    const electorateKind = ELECTORATE_OF[rule.decidingBody];
    if (!electorateKind) {
      const reason = `a proposal cannot be decided by ${rule.decidingBody}`;
      throw VotingErrors.INVALID_VOTE_SETTINGS({ reason }, { reason });
    }
    if (electorateKind !== ElectorateKind.Assembly) return { electorateKind };
    const ref = await this.electorates.refForSubject(
      manager,
      electorateKind,
      VoteSubjectType.Proposal,
      proposalId,
    );
    if (!ref) throw VotingErrors.NO_ASSEMBLY_FOR_PROPOSAL();
    return { electorateKind, electorateRef: ref };
  }
}

function competingMethod(rule: DecisionRule) {
  if (rule.competingOptionsMethod) return rule.competingOptionsMethod;
  const reason = `the charter does not allow competing ${rule.decisionType} options`;
  throw VotingErrors.INVALID_VOTE_SETTINGS({ reason }, { reason });
}
