import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { AuditService } from '@delibera/audit';
import { CharterService, DecisionType } from '@delibera/charter';
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
    private readonly charter: CharterService,
  ) {}

  /**
   * The board tables the scale's proposal: it enters consultation of the
   * councils the charter names (or deliberation) at once, with its phase dates.
   */
  async submit(user: AuthUser, scaleId: string): Promise<ContributionScale> {
    const [scale] = await this.table(user, [scaleId]);
    return scale;
  }

  /**
   * Competing drafts of one fiscal year become one contribution-scale
   * proposal whose vote ranks them (the charter's `competingOptionsMethod`
   * for contribution scales; COMPETING_SCALES_NOT_ALLOWED without one). The
   * winner is adopted when the vote closes, the others are rejected.
   */
  async submitCompeting(user: AuthUser, scaleIds: string[]): Promise<ContributionScale[]> {
    const ids = [...new Set(scaleIds)];
    if (ids.length < 2) throw invalid('count');
    return this.table(user, ids);
  }

  /** One proposal for one scale (yes or no) or for several (ranked options), in one transaction. */
  private async table(user: AuthUser, scaleIds: string[]): Promise<ContributionScale[]> {
    const audience = await this.lifecycle.councilAudience();
    const competing = scaleIds.length > 1;
    const { scales, proposal } = await this.dataSource.transaction(async (manager) => {
      // Locked in id order: two submissions sharing scales cannot deadlock.
      for (const id of [...scaleIds].sort()) await this.scales.lock(manager, id);
      const scales: ContributionScale[] = [];
      // One connection per transaction: its queries run one after the other.
      for (const id of scaleIds) scales.push(await this.scales.byId(id, manager));
      if (scales.some((scale) => scale.status !== ScaleStatus.Draft))
        throw ContributionErrors.SCALE_ALREADY_SUBMITTED();
      if (competing) {
        if (new Set(scales.map((scale) => scale.fiscalYear)).size > 1) throw invalid('fiscalYear');
        const charter = await this.charter.inForce(manager);
        const rule = await this.charter.ruleFor(DecisionType.ContributionScale, charter);
        if (!rule.competingOptionsMethod) throw ContributionErrors.COMPETING_SCALES_NOT_ALLOWED();
      }
      scales.sort((a, b) => a.name.localeCompare(b.name, 'fr-CA') || a.id.localeCompare(b.id));
      const draft = await this.proposals.createDraft(
        {
          decisionType: DecisionType.ContributionScale,
          origin: ProposalOrigin.Board,
          title: competing
            ? `Barème des contributions ${scales[0].fiscalYear} — ${scales.length} barèmes concurrents`
            : `Barème des contributions ${scales[0].fiscalYear} — ${scales[0].name}`,
          body: scales.map((scale) => proposalBody(scale, competing)).join('\n\n'),
          authorMemberId: user.memberId,
          createdByAccountId: user.accountId,
          voteOptions: competing
            ? scales.map((scale) => ({ id: scale.id, labelFr: scale.name, labelEn: scale.name }))
            : null,
        },
        manager,
      );
      const proposal = await this.lifecycle.submitWithin(manager, {
        proposalId: draft.id,
        actorAccountId: user.accountId,
        tabled: true,
        audience,
        data: competing
          ? { contributionScaleIds: scales.map((scale) => scale.id) }
          : { contributionScaleId: scales[0].id },
      });
      await manager.update(
        ContributionScale,
        { id: In(scales.map((scale) => scale.id)) },
        { status: ScaleStatus.Submitted, proposalId: proposal.id, submittedAt: new Date() },
      );
      await this.audit.appendMany(
        manager,
        scales.map((scale) => ({
          actorAccountId: user.accountId,
          action: 'contribution_scale.submitted',
          entityType: 'contribution_scale',
          entityId: scale.id,
          data: {
            proposalId: proposal.id,
            ...(competing
              ? { competingWith: scales.filter((s) => s.id !== scale.id).map((s) => s.id) }
              : {}),
          },
        })),
      );
      const updated: ContributionScale[] = [];
      for (const scale of scales) updated.push(await this.scales.byId(scale.id, manager));
      return { scales: updated, proposal };
    });
    await this.lifecycle.afterSubmit(proposal);
    return scales;
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

const invalid = (reason: 'count' | 'fiscalYear') =>
  ContributionErrors.COMPETING_SCALES_INVALID({ reason }, { reason });

/** The proposal's text: the tiers as a table, in French then English (under the scale's name when competing). */
function proposalBody(scale: ContributionScale, competing: boolean): string {
  const rows = [...scale.tiers]
    .sort((a, b) =>
      `${a.organisationCategory}/${a.sizeBand}`.localeCompare(
        `${b.organisationCategory}/${b.sizeBand}`,
      ),
    )
    .map((t) => `| ${t.organisationCategory} | ${t.sizeBand} | ${formatCents(t.amountCents)} |`);
  return [
    ...(competing ? [`## ${scale.name}`, ''] : []),
    `Barème des contributions de l'exercice ${scale.fiscalYear} (début : ${scale.fiscalYearStartsOn}), payable au plus tard le ${scale.dueOn}. Objectif de la campagne : ${formatCents(scale.campaignTargetCents)}.`,
    '',
    '| Catégorie / category | Taille / size | Montant / amount |',
    '| --- | --- | --- |',
    ...rows,
    '',
    `Contribution scale for fiscal year ${scale.fiscalYear}, due by ${scale.dueOn}. Campaign target: ${formatCents(scale.campaignTargetCents, 'en')}.`,
  ].join('\n');
}
