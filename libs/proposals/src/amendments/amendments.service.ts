import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { AuditService } from '@delibera/audit';
import { AuthUser } from '@delibera/kernel';
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

/** How the author (or, for a vote, the secretary) answers an amendment. */
export type AmendmentDecision =
  AmendmentStatus.Accepted | AmendmentStatus.Refused | AmendmentStatus.PutToVote;

/**
 * Amendments during deliberation: any member proposes a new text; the author
 * accepts it (a new version linked to it) or refuses it, or it is put to its
 * own vote — recorded here; the voting integration creates that vote.
 */
@Injectable()
export class AmendmentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly proposals: ProposalsService,
    private readonly policy: ProposalPolicy,
    private readonly audit: AuditService,
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
   * The author accepts or refuses; the author or the secretary puts it to a
   * vote. Accepting writes the next version, and only applies to the version
   * the amendment was written against (AMENDMENT_OUTDATED otherwise).
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
      if (decision === AmendmentStatus.PutToVote)
        this.policy.assertAuthorOrSecretary(user, proposal);
      else this.policy.assertAuthor(user, proposal);
      const amendment = await manager.findOneByOrFail(ProposalAmendment, { id: amendmentId });
      if (amendment.status !== AmendmentStatus.Proposed) {
        throw ProposalErrors.AMENDMENT_ALREADY_DECIDED();
      }
      this.assertDeliberation(proposal);
      if (decision === AmendmentStatus.Accepted)
        await this.apply(manager, user, proposal, amendment);
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

  /** Amendments of several proposals, oldest first, for DataLoaders. */
  async amendmentsOf(proposalIds: readonly string[]): Promise<ProposalAmendment[][]> {
    const rows = await this.dataSource.getRepository(ProposalAmendment).find({
      where: { proposalId: In([...proposalIds]) },
      order: { createdAt: 'ASC' },
    });
    return groupByKey(proposalIds, rows, (row) => row.proposalId);
  }

  private async apply(
    manager: EntityManager,
    user: AuthUser,
    proposal: Proposal,
    amendment: ProposalAmendment,
  ): Promise<void> {
    if (amendment.baseVersion !== proposal.currentVersion) {
      throw ProposalErrors.AMENDMENT_OUTDATED({
        base: amendment.baseVersion,
        current: proposal.currentVersion,
      });
    }
    const version = await this.proposals.addVersion(manager, proposal, {
      title: amendment.title,
      body: amendment.body,
      editedByAccountId: user.accountId,
      note: `amendment ${amendment.id}`,
      amendmentId: amendment.id,
    });
    amendment.resultingVersion = version.version;
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
