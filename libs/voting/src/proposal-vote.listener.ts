import { Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { CharterService, DecidingBody, DecisionRule, DecisionType } from '@delibera/charter';
import { DomainEvent, ProposalVotingStartedEvent } from '@delibera/kernel';
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
    const electorateKind = ELECTORATE_OF[rule.decidingBody];
    if (!electorateKind) {
      const reason = `a proposal cannot be decided by ${rule.decidingBody}`;
      throw VotingErrors.INVALID_VOTE_SETTINGS({ reason }, { reason });
    }
    let electorateRef: string | undefined;
    if (electorateKind === ElectorateKind.Assembly) {
      const ref = await this.electorates.refForSubject(
        manager,
        electorateKind,
        subject.subjectType,
        proposalId,
      );
      if (!ref) throw VotingErrors.NO_ASSEMBLY_FOR_PROPOSAL();
      electorateRef = ref;
    }
    await this.votes.scheduleWithin(
      manager,
      event.actorAccountId,
      {
        ...subject,
        decisionType: rule.decisionType,
        titleFr: event.title,
        titleEn: event.title,
        electorateKind,
        electorateRef,
        options: event.options ?? YES_NO,
        // Competing options are ranked by the method the charter allows for them.
        ...(event.options ? { rules: { method: competingMethod(rule) } } : {}),
        binding: true,
        opensAt: event.opensAt,
        closesAt: event.closesAt,
      },
      charter,
    );
  }
}

function competingMethod(rule: DecisionRule) {
  if (rule.competingOptionsMethod) return rule.competingOptionsMethod;
  const reason = `the charter does not allow competing ${rule.decisionType} options`;
  throw VotingErrors.INVALID_VOTE_SETTINGS({ reason }, { reason });
}
