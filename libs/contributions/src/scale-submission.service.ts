import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '@delibera/audit';
import { AuthUser } from '@delibera/kernel';
import { ContributionErrors } from './contributions.errors';
import { ScaleStatus } from './contributions.enums';
import { ContributionScale } from './entities';
import { ScalesService } from './scales.service';

/**
 * The link between a scale and its contribution-scale proposal: submitting
 * creates the proposal through the proposals lib, and the proposal's status
 * says whether the scale may still change.
 */
@Injectable()
export class ScaleSubmission {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly scales: ScalesService,
    private readonly audit: AuditService,
  ) {}

  async submit(user: AuthUser, scaleId: string): Promise<ContributionScale> {
    return this.dataSource.transaction(async (manager) => {
      const scale = await this.scales.lock(manager, scaleId);
      if (scale.status !== ScaleStatus.Draft) throw ContributionErrors.SCALE_ALREADY_SUBMITTED();
      const proposalId = await this.createProposal(manager, user, scale);
      await manager.update(
        ContributionScale,
        { id: scaleId },
        { status: ScaleStatus.Submitted, proposalId, submittedAt: new Date() },
      );
      await this.audit.append(manager, {
        actorAccountId: user.accountId,
        action: 'contribution_scale.submitted',
        entityType: 'contribution_scale',
        entityId: scaleId,
        data: { proposalId },
      });
      return this.scales.byId(scaleId, manager);
    });
  }

  /** True once the proposal's vote has opened (or the proposal is decided): the scale is then locked. */
  async voteHasOpened(_proposalId: string, _manager: EntityManager): Promise<boolean> {
    throw new Error('wired to ProposalsService after merging main');
  }

  private async createProposal(
    _manager: EntityManager,
    _user: AuthUser,
    _scale: ContributionScale,
  ): Promise<string> {
    throw new Error('wired to ProposalsService after merging main');
  }
}
