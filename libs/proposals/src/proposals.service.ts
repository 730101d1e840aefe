import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { AuditService } from '@delibera/audit';
import { DecisionType } from '@delibera/charter';
import { DomainEvent, ProposalDecidedEvent } from '@delibera/kernel';
import { Proposal } from './proposal.entity';
import { canTransition, ProposalOrigin, ProposalStatus } from './proposal-status';
import { ProposalVersion } from './proposal-version.entity';
import { ProposalErrors } from './proposals.errors';

export interface NewProposal {
  decisionType: DecisionType;
  origin: ProposalOrigin;
  title: string;
  body: string;
  authorMemberId: string | null;
  createdByAccountId: string;
}

export interface Transition {
  proposalId: string;
  to: ProposalStatus;
  actorAccountId: string | null;
  /** Columns set together with the status (phase dates, cancel reason…). */
  set?: Partial<Omit<Proposal, 'id' | 'status'>>;
  /** What the audit event records beside from/to. */
  data?: Record<string, unknown>;
}

const DECIDED: ReadonlySet<ProposalStatus> = new Set([
  ProposalStatus.Adopted,
  ProposalStatus.Rejected,
  ProposalStatus.QuorumNotMet,
]);

@Injectable()
export class ProposalsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly events: EventEmitter2,
  ) {}

  async byId(id: string, manager: EntityManager = this.dataSource.manager): Promise<Proposal> {
    const proposal = await manager.findOneBy(Proposal, { id });
    if (!proposal) throw ProposalErrors.PROPOSAL_NOT_FOUND();
    return proposal;
  }

  /** Several proposals in one query, in the order of `ids` (null where missing): for DataLoaders. */
  async byIds(ids: readonly string[]): Promise<(Proposal | null)[]> {
    const found = await this.dataSource.getRepository(Proposal).findBy({ id: In([...ids]) });
    const byId = new Map(found.map((p) => [p.id, p]));
    return ids.map((id) => byId.get(id) ?? null);
  }

  async currentText(
    proposal: Proposal,
    manager = this.dataSource.manager,
  ): Promise<ProposalVersion> {
    return manager.findOneByOrFail(ProposalVersion, {
      proposalId: proposal.id,
      version: proposal.currentVersion,
    });
  }

  /** A new draft with its first text version, audited; inside the caller's transaction when given one. */
  async createDraft(draft: NewProposal, manager?: EntityManager): Promise<Proposal> {
    if (!manager) return this.dataSource.transaction((m) => this.createDraft(draft, m));
    const proposal = await manager.save(
      manager.create(Proposal, {
        decisionType: draft.decisionType,
        origin: draft.origin,
        status: ProposalStatus.Draft,
        title: draft.title,
        authorMemberId: draft.authorMemberId,
        createdByAccountId: draft.createdByAccountId,
        currentVersion: 1,
      }),
    );
    await manager.save(
      manager.create(ProposalVersion, {
        proposalId: proposal.id,
        version: 1,
        title: draft.title,
        body: draft.body,
        editedByAccountId: draft.createdByAccountId,
        note: 'initial',
      }),
    );
    await this.audit.append(manager, {
      actorAccountId: draft.createdByAccountId,
      action: 'proposal.drafted',
      entityType: 'proposal',
      entityId: proposal.id,
      data: { decisionType: draft.decisionType, origin: draft.origin, title: draft.title },
    });
    return proposal;
  }

  /**
   * Moves a proposal to `to`. The row is locked, the edge checked against the
   * state machine, then the status compared-and-set, so of any number of
   * concurrent attempts exactly one succeeds and the others get
   * INVALID_TRANSITION. Audited, and — for a final decision — announced with
   * `proposal.decided` in the same transaction (contributions issue calls on it).
   */
  async transition(manager: EntityManager, change: Transition): Promise<Proposal> {
    const current = await manager
      .getRepository(Proposal)
      .createQueryBuilder('p')
      .setLock('pessimistic_write')
      .where('p.id = :id', { id: change.proposalId })
      .getOne();
    if (!current) throw ProposalErrors.PROPOSAL_NOT_FOUND();
    if (!canTransition(current.status, change.to)) {
      throw ProposalErrors.INVALID_TRANSITION({ from: current.status, to: change.to });
    }
    const decided = DECIDED.has(change.to);
    await manager.update(
      Proposal,
      { id: current.id, status: current.status },
      { ...change.set, status: change.to, ...(decided ? { decidedAt: new Date() } : {}) },
    );
    const updated = await this.byId(current.id, manager);
    await this.audit.append(manager, {
      actorAccountId: change.actorAccountId,
      action: `proposal.${change.to}`,
      entityType: 'proposal',
      entityId: updated.id,
      data: { from: current.status, to: change.to, ...change.data },
    });
    if (decided) {
      const event: ProposalDecidedEvent = {
        manager,
        proposalId: updated.id,
        decisionType: updated.decisionType,
        outcome: change.to as ProposalDecidedEvent['outcome'],
        actorAccountId: change.actorAccountId,
      };
      await this.events.emitAsync(DomainEvent.ProposalDecided, event);
    }
    return updated;
  }
}
