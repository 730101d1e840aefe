import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { AuditService } from '@delibera/audit';
import { AuthUser, DomainEvent, lockById, VoteRequestedEvent } from '@delibera/kernel';
import { Proposal } from '../proposal.entity';
import { ProposalPolicy } from '../proposal-policy';
import { ProposalStatus } from '../proposal-status';
import { ProposalErrors } from '../proposals.errors';
import { ProposalsService } from '../proposals.service';
import { AmendmentStatus, ProposalAmendment } from './proposal-amendment.entity';
import { groupByKey } from '../batch';

export interface AmendmentProposal {
  proposalId: string;
  title: string;
  body: string;
  rationale: string;
}

/** How the author answers an amendment himself; a vote is asked with `putToVote`. */
export type AmendmentDecision = AmendmentStatus.Accepted | AmendmentStatus.Refused;

/** The window of an amendment's own vote; it opens now unless told otherwise. */
export interface AmendmentVoteRequest {
  amendmentId: string;
  opensAt?: Date;
  closesAt: Date;
}

/**
 * Amendments during deliberation: any member proposes a new text; the author
 * accepts it (a new version linked to it) or refuses it, or the author or the
 * secretary puts it to its own vote, held by the body that decides the
 * proposal; when that vote is counted the amendment is adopted (a new
 * version) or rejected. The proposal cannot go to the vote meanwhile.
 */
@Injectable()
export class AmendmentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly proposals: ProposalsService,
    private readonly policy: ProposalPolicy,
    private readonly audit: AuditService,
    private readonly events: EventEmitter2,
  ) {}

  async propose(user: AuthUser, change: AmendmentProposal): Promise<ProposalAmendment> {
    const memberId = this.policy.member(user);
    return this.dataSource.transaction(async (manager) => {
      const proposal = await this.proposals.lock(manager, change.proposalId);
      this.assertDeliberation(proposal);
      const amendment = await manager.save(
        manager.create(ProposalAmendment, {
          proposalId: proposal.id,
          proposedByMemberId: memberId,
          baseVersion: proposal.currentVersion,
          title: change.title,
          body: change.body,
          rationale: change.rationale,
          status: AmendmentStatus.Proposed,
        }),
      );
      await this.audit.append(manager, {
        actorAccountId: user.accountId,
        action: 'proposal.amendment_proposed',
        entityType: 'proposal_amendment',
        entityId: amendment.id,
        data: { proposalId: proposal.id, baseVersion: amendment.baseVersion, title: change.title },
      });
      return amendment;
    });
  }

  /**
   * The author accepts or refuses. Accepting writes the next version, and
   * only applies to the version the amendment was written against
   * (AMENDMENT_OUTDATED otherwise).
   */
  async decide(
    user: AuthUser,
    amendmentId: string,
    decision: AmendmentDecision,
  ): Promise<ProposalAmendment> {
    return this.dataSource.transaction(async (manager) => {
      const found = await manager.findOneBy(ProposalAmendment, { id: amendmentId });
      if (!found) throw ProposalErrors.AMENDMENT_NOT_FOUND();
      const proposal = await this.proposals.lock(manager, found.proposalId);
      this.policy.assertAuthor(user, proposal);
      const amendment = await manager.findOneByOrFail(ProposalAmendment, { id: amendmentId });
      if (amendment.status !== AmendmentStatus.Proposed) {
        throw ProposalErrors.AMENDMENT_ALREADY_DECIDED();
      }
      this.assertDeliberation(proposal);
      if (decision === AmendmentStatus.Accepted)
        await this.apply(manager, user.accountId, proposal, amendment);
      Object.assign(amendment, {
        status: decision,
        decidedByAccountId: user.accountId,
        decidedAt: new Date(),
      });
      await manager.save(amendment);
      await this.audit.append(manager, {
        actorAccountId: user.accountId,
        action: `proposal.amendment_${decision}`,
        entityType: 'proposal_amendment',
        entityId: amendment.id,
        data: { proposalId: proposal.id, resultingVersion: amendment.resultingVersion },
      });
      return amendment;
    });
  }

  /**
   * The author or the secretary puts the amendment to its own vote: the
   * electorate of the body that decides the proposal, under the proposal's
   * rule and pinned charter (a general assembly's vote needs the assembly
   * whose agenda holds the proposal: NO_ASSEMBLY_FOR_PROPOSAL otherwise).
   */
  async putToVote(user: AuthUser, request: AmendmentVoteRequest): Promise<ProposalAmendment> {
    return this.dataSource.transaction(async (manager) => {
      const found = await manager.findOneBy(ProposalAmendment, { id: request.amendmentId });
      if (!found) throw ProposalErrors.AMENDMENT_NOT_FOUND();
      const proposal = await this.proposals.lock(manager, found.proposalId);
      this.policy.assertAuthorOrSecretary(user, proposal);
      const amendment = await this.lockAmendment(manager, found.id);
      if (amendment.status !== AmendmentStatus.Proposed) {
        throw ProposalErrors.AMENDMENT_ALREADY_DECIDED();
      }
      this.assertDeliberation(proposal);
      this.assertCurrent(proposal, amendment);
      const now = new Date();
      const opensAt = request.opensAt ?? now;
      if (request.closesAt <= opensAt || request.closesAt <= now) {
        throw ProposalErrors.VOTE_WINDOW_INVALID();
      }
      const event: VoteRequestedEvent = {
        manager,
        subjectType: 'amendment',
        subjectId: amendment.id,
        proposalId: proposal.id,
        decisionType: proposal.decisionType,
        charterVersionId: proposal.charterVersionId!,
        titleFr: `Amendement à « ${proposal.title} » : ${amendment.title}`,
        titleEn: `Amendment to “${proposal.title}”: ${amendment.title}`,
        opensAt,
        closesAt: request.closesAt,
        actorAccountId: user.accountId,
      };
      const [voteId] = (await this.events.emitAsync(DomainEvent.VoteRequested, event)) as string[];
      if (!voteId) throw new Error('No vote was created for the amendment');
      Object.assign(amendment, {
        status: AmendmentStatus.PutToVote,
        voteId,
        decidedByAccountId: user.accountId,
        decidedAt: now,
      });
      await manager.save(amendment);
      await this.audit.append(manager, {
        actorAccountId: user.accountId,
        action: 'proposal.amendment_put_to_vote',
        entityType: 'proposal_amendment',
        entityId: amendment.id,
        data: { proposalId: proposal.id, voteId, opensAt, closesAt: request.closesAt },
      });
      return amendment;
    });
  }

  /**
   * The amendment's vote is counted (in the voting lib's transaction).
   * Adopted: its text becomes the proposal's next version — unless the
   * proposal left deliberation or its text moved on meanwhile, when it is
   * recorded adopted without a version (the audit says why). Otherwise it is
   * rejected. Idempotent: an amendment no longer awaiting this vote is left alone.
   */
  async applyVote(
    manager: EntityManager,
    amendmentId: string,
    voteId: string,
    outcome: string,
  ): Promise<void> {
    const found = await manager.findOneBy(ProposalAmendment, { id: amendmentId });
    if (!found) return;
    const proposal = await this.proposals.lock(manager, found.proposalId);
    const amendment = await this.lockAmendment(manager, amendmentId);
    if (amendment.status !== AmendmentStatus.PutToVote || amendment.voteId !== voteId) return;
    const adopted = outcome === 'adopted';
    let notApplied: string | null = null;
    if (adopted) {
      if (proposal.status !== ProposalStatus.Deliberation)
        notApplied = `proposal ${proposal.status}`;
      else if (amendment.baseVersion !== proposal.currentVersion) notApplied = 'text moved on';
      else await this.apply(manager, amendment.decidedByAccountId!, proposal, amendment, voteId);
    }
    Object.assign(amendment, {
      status: adopted ? AmendmentStatus.Adopted : AmendmentStatus.Rejected,
      decidedAt: new Date(),
    });
    await manager.save(amendment);
    await this.audit.append(manager, {
      actorAccountId: null,
      action: `proposal.amendment_${amendment.status}`,
      entityType: 'proposal_amendment',
      entityId: amendment.id,
      data: {
        proposalId: proposal.id,
        voteId,
        outcome,
        resultingVersion: amendment.resultingVersion,
        ...(notApplied ? { notApplied } : {}),
      },
    });
  }

  /** Amendments of several proposals, oldest first, for DataLoaders. */
  async amendmentsOf(proposalIds: readonly string[]): Promise<ProposalAmendment[][]> {
    const rows = await this.dataSource.getRepository(ProposalAmendment).find({
      where: { proposalId: In([...proposalIds]) },
      order: { createdAt: 'ASC' },
    });
    return groupByKey(proposalIds, rows, (row) => row.proposalId);
  }

  /** The amendment's text becomes the next version (accepted by the author, or adopted by vote). */
  private async apply(
    manager: EntityManager,
    editedByAccountId: string,
    proposal: Proposal,
    amendment: ProposalAmendment,
    voteId?: string,
  ): Promise<void> {
    this.assertCurrent(proposal, amendment);
    const version = await this.proposals.addVersion(manager, proposal, {
      title: amendment.title,
      body: amendment.body,
      editedByAccountId,
      note: voteId
        ? `amendment ${amendment.id} adopted by vote ${voteId}`
        : `amendment ${amendment.id}`,
      amendmentId: amendment.id,
    });
    amendment.resultingVersion = version.version;
  }

  private assertCurrent(proposal: Proposal, amendment: ProposalAmendment): void {
    if (amendment.baseVersion !== proposal.currentVersion) {
      throw ProposalErrors.AMENDMENT_OUTDATED({
        base: amendment.baseVersion,
        current: proposal.currentVersion,
      });
    }
  }

  private async lockAmendment(manager: EntityManager, id: string): Promise<ProposalAmendment> {
    const amendment = await lockById(manager, ProposalAmendment, id);
    if (!amendment) throw ProposalErrors.AMENDMENT_NOT_FOUND();
    return amendment;
  }

  private assertDeliberation(proposal: Proposal): void {
    if (proposal.status !== ProposalStatus.Deliberation) {
      throw ProposalErrors.NOT_IN_PHASE({
        expected: ProposalStatus.Deliberation,
        status: proposal.status,
      });
    }
  }
}
