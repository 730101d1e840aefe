import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '@delibera/audit';
import { DecisionType } from '@delibera/charter';
import { AuthUser } from '@delibera/kernel';
import {
  isBeforeVoting,
  ProposalLifecycleService,
  ProposalOrigin,
  ProposalsService,
} from '@delibera/proposals';
import { ContributionErrors } from './contributions.errors';
import { ScaleStatus } from './contributions.enums';
import { ContributionScale } from './entities';
import { formatCents } from './money';
import { ScalesService } from './scales.service';

/**
 * The link between a scale and its contribution-scale proposal: submitting
 * creates the proposal through the proposals lib, in the same transaction,
 * and the proposal's status says whether the scale may still change.
 */
@Injectable()
export class ScaleSubmission {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly scales: ScalesService,
    private readonly proposals: ProposalsService,
    private readonly lifecycle: ProposalLifecycleService,
    private readonly audit: AuditService,
  ) {}

  /**
   * The board tables the scale's proposal: it enters consultation of the
   * councils the charter names (or deliberation) at once, with its phase dates.
   */
  async submit(user: AuthUser, scaleId: string): Promise<ContributionScale> {
    const audience = await this.lifecycle.councilAudience();
    const { scale, proposal } = await this.dataSource.transaction(async (manager) => {
      await this.scales.lock(manager, scaleId);
      const scale = await this.scales.byId(scaleId, manager);
      if (scale.status !== ScaleStatus.Draft) throw ContributionErrors.SCALE_ALREADY_SUBMITTED();
      const draft = await this.proposals.createDraft(
        {
          decisionType: DecisionType.ContributionScale,
          origin: ProposalOrigin.Board,
          title: `Barème des contributions ${scale.fiscalYear} — ${scale.name}`,
          body: proposalBody(scale),
          authorMemberId: user.memberId,
          createdByAccountId: user.accountId,
        },
        manager,
      );
      const proposal = await this.lifecycle.submitWithin(manager, {
        proposalId: draft.id,
        actorAccountId: user.accountId,
        tabled: true,
        audience,
        data: { contributionScaleId: scaleId },
      });
      await manager.update(
        ContributionScale,
        { id: scaleId },
        { status: ScaleStatus.Submitted, proposalId: proposal.id, submittedAt: new Date() },
      );
      await this.audit.append(manager, {
        actorAccountId: user.accountId,
        action: 'contribution_scale.submitted',
        entityType: 'contribution_scale',
        entityId: scaleId,
        data: { proposalId: proposal.id },
      });
      return { scale: await this.scales.byId(scaleId, manager), proposal };
    });
    await this.lifecycle.afterSubmit(proposal);
    return scale;
  }

  /**
   * True once the proposal has left the phases before voting (voting opened,
   * decided, withdrawn or cancelled): the scale is then locked. The shared
   * lock makes a concurrent opening of the vote wait for the edit to commit.
   */
  async voteHasOpened(proposalId: string, manager: EntityManager): Promise<boolean> {
    const proposal = await this.proposals.lock(manager, proposalId, 'shared');
    return !isBeforeVoting(proposal.status);
  }
}

/** The proposal's text: the tiers as a table, in French then English. */
function proposalBody(scale: ContributionScale): string {
  const rows = [...scale.tiers]
    .sort((a, b) =>
      `${a.organisationCategory}/${a.sizeBand}`.localeCompare(
        `${b.organisationCategory}/${b.sizeBand}`,
      ),
    )
    .map((t) => `| ${t.organisationCategory} | ${t.sizeBand} | ${formatCents(t.amountCents)} |`);
  return [
    `Barème des contributions de l'exercice ${scale.fiscalYear} (début : ${scale.fiscalYearStartsOn}), payable au plus tard le ${scale.dueOn}. Objectif de la campagne : ${formatCents(scale.campaignTargetCents)}.`,
    '',
    '| Catégorie / category | Taille / size | Montant / amount |',
    '| --- | --- | --- |',
    ...rows,
    '',
    `Contribution scale for fiscal year ${scale.fiscalYear}, due by ${scale.dueOn}. Campaign target: ${formatCents(scale.campaignTargetCents, 'en')}.`,
  ].join('\n');
}
