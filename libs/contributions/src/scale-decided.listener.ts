import { Injectable, Logger } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { EntityManager } from 'typeorm';
import { AuditService } from '@delibera/audit';
import { DomainEvent, ProposalDecidedEvent } from '@delibera/kernel';
import { CallsService } from './calls.service';
import { ScaleStatus } from './contributions.enums';
import { ScalesService } from './scales.service';
import { ContributionScale } from './entities';

const CONTRIBUTION_SCALE_DECISION = 'contribution_scale';

/**
 * Reacts to the final decision on a contribution-scale proposal, inside the
 * proposal's transaction (its EntityManager): adoption records the scale as
 * adopted and issues its calls; rejection (or no quorum) records that and
 * issues nothing. A proposal holding competing scales adopts only the option
 * its ranked vote chose (`winningOptionId`); the other scales are rejected.
 * Errors are not suppressed: if issuing fails, the decision rolls back with it
 * and the proposal's job retries.
 */
@Injectable()
export class ScaleDecidedListener {
  private readonly logger = new Logger(ScaleDecidedListener.name);

  constructor(
    private readonly scales: ScalesService,
    private readonly calls: CallsService,
    private readonly audit: AuditService,
  ) {}

  @OnEvent(DomainEvent.ProposalDecided, { suppressErrors: false })
  async onProposalDecided(event: ProposalDecidedEvent): Promise<void> {
    if (event.decisionType !== CONTRIBUTION_SCALE_DECISION) return;
    const { manager, proposalId, actorAccountId } = event;
    const scales = await this.scales.byProposal(manager, proposalId);
    if (scales.length === 0) {
      this.logger.warn(`Contribution-scale proposal ${proposalId} has no scale`);
      return;
    }
    for (const scale of scales) {
      // Already decided: the event was delivered again. The decision stands;
      // issuing is idempotent, so an adopted scale may safely issue again.
      if (scale.status === ScaleStatus.Adopted) {
        await this.calls.issue(manager, scale.id, actorAccountId);
        continue;
      }
      if (scale.status !== ScaleStatus.Submitted) continue;
      const chosen =
        event.outcome === 'adopted' &&
        (event.winningOptionId ? event.winningOptionId === scale.id : scales.length === 1);
      const status = !chosen
        ? ScaleStatus.Rejected
        : (await this.otherAdoptedScale(manager, scale))
          ? ScaleStatus.Superseded
          : ScaleStatus.Adopted;
      await manager.update(ContributionScale, { id: scale.id }, { status, decidedAt: new Date() });
      await this.audit.append(manager, {
        actorAccountId,
        action: `contribution_scale.${status}`,
        entityType: 'contribution_scale',
        entityId: scale.id,
        data: {
          proposalId,
          outcome: event.outcome,
          ...(event.winningOptionId ? { winningScaleId: event.winningOptionId } : {}),
        },
      });
      if (status === ScaleStatus.Adopted) await this.calls.issue(manager, scale.id, actorAccountId);
    }
  }

  /** Competing scales for a year: the first adopted one is the year's; a later adoption issues nothing. */
  private async otherAdoptedScale(manager: EntityManager, scale: ContributionScale) {
    return manager
      .getRepository(ContributionScale)
      .createQueryBuilder('s')
      .where('s.fiscalYear = :year AND s.status = :adopted AND s.id <> :id', {
        year: scale.fiscalYear,
        adopted: ScaleStatus.Adopted,
        id: scale.id,
      })
      .getExists();
  }
}
