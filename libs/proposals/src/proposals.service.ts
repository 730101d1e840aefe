import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { AuditService } from '@delibera/audit';
import { CharterChange, DecisionType } from '@delibera/charter';
import {
  DomainEvent,
  ProposalDecidedEvent,
  ProposalVoteOption,
  ProposalVotingStartedEvent,
  lockById,
} from '@delibera/kernel';
import { AmendmentStatus, ProposalAmendment } from './amendments/proposal-amendment.entity';
import { Proposal } from './proposal.entity';
import { canTransition, ProposalOrigin, ProposalStatus } from './proposal-status';
import { ProposalVersion } from './proposal-version.entity';
import { ProposalErrors } from './proposals.errors';
import { groupByKey } from './batch';

export interface NewProposal {
  decisionType: DecisionType;
  origin: ProposalOrigin;
  title: string;
  body: string;
  authorMemberId: string | null;
  createdByAccountId: string;
  /** Competing options voted by the charter's ranked method (see Proposal.voteOptions). */
  voteOptions?: ProposalVoteOption[] | null;
  /** A deed amendment's changes to the charter, checked (see ProposalLifecycleService.draft). */
  charterChange?: CharterChange | null;
}

export interface NewText {
  title: string;
  body: string;
  editedByAccountId: string;
  /** Why this version exists: an edit note, or the accepted amendment. */
  note: string;
  amendmentId?: string | null;
}

export interface Transition {
  proposalId: string;
  to: ProposalStatus;
  actorAccountId: string | null;
  /** Columns set together with the status (phase dates, cancel reason…). */
  set?: Partial<Omit<Proposal, 'id' | 'status'>>;
  /** What the audit event records beside from/to. */
  data?: Record<string, unknown>;
  /** For a proposal voted between options: the option its vote adopted. */
  winningOptionId?: string | null;
}

const DECIDED: ReadonlySet<ProposalStatus> = new Set([
  ProposalStatus.Adopted,
  ProposalStatus.Rejected,
  ProposalStatus.QuorumNotMet,
]);

/**
 * The proposal record itself: reading it, its text versions, and the one way
 * its status changes (`transition`). The lifecycle, consultation and
 * amendment services build every action on these.
 */
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

  /**
   * The proposal with its row locked until the transaction ends. `write` (the
   * default) serialises the actions that depend on its state; `shared` lets
   * readers proceed together while any transition waits until they commit, so
   * a decision taken on the status read stays true.
   */
  async lock(
    manager: EntityManager,
    id: string,
    mode: 'write' | 'shared' = 'write',
  ): Promise<Proposal> {
    const proposal = await lockById(manager, Proposal, id, mode);
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
    return this.version(proposal.id, proposal.currentVersion, manager);
  }

  async version(
    proposalId: string,
    version: number,
    manager = this.dataSource.manager,
  ): Promise<ProposalVersion> {
    const found = await manager.findOneBy(ProposalVersion, { proposalId, version });
    if (!found) throw ProposalErrors.VERSION_NOT_FOUND({ version });
    return found;
  }

  /** Every text version of several proposals in one query, oldest first: for DataLoaders. */
  async versionsOf(proposalIds: readonly string[]): Promise<ProposalVersion[][]> {
    const rows = await this.dataSource.getRepository(ProposalVersion).find({
      where: { proposalId: In([...proposalIds]) },
      order: { version: 'ASC' },
    });
    return groupByKey(proposalIds, rows, (row) => row.proposalId);
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
        body: draft.body,
        authorMemberId: draft.authorMemberId,
        createdByAccountId: draft.createdByAccountId,
        currentVersion: 1,
        voteOptions: draft.voteOptions ?? null,
        charterChange: draft.charterChange ?? null,
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
      data: {
        decisionType: draft.decisionType,
        origin: draft.origin,
        title: draft.title,
        ...(draft.charterChange ? { charterChange: draft.charterChange } : {}),
      },
    });
    return proposal;
  }

  /**
   * Writes the next text version and makes it current. The caller holds the
   * proposal's row lock (see `lock`), so version numbers cannot collide.
   */
  async addVersion(
    manager: EntityManager,
    proposal: Proposal,
    text: NewText,
  ): Promise<ProposalVersion> {
    const version = await manager.save(
      manager.create(ProposalVersion, {
        proposalId: proposal.id,
        version: proposal.currentVersion + 1,
        title: text.title,
        body: text.body,
        editedByAccountId: text.editedByAccountId,
        note: text.note,
        amendmentId: text.amendmentId ?? null,
      }),
    );
    await manager.update(
      Proposal,
      { id: proposal.id, currentVersion: proposal.currentVersion },
      { currentVersion: version.version, title: text.title, body: text.body },
    );
    Object.assign(proposal, {
      currentVersion: version.version,
      title: text.title,
      body: text.body,
    });
    await this.audit.append(manager, {
      actorAccountId: text.editedByAccountId,
      action: 'proposal.text_versioned',
      entityType: 'proposal',
      entityId: proposal.id,
      data: {
        version: version.version,
        note: text.note,
        amendmentId: version.amendmentId,
        title: text.title,
      },
    });
    return version;
  }

  /**
   * Moves a proposal to `to`. The row is locked, the edge checked against the
   * state machine, then the status compared-and-set, so of any number of
   * concurrent attempts exactly one succeeds and the others get
   * INVALID_TRANSITION. Voting waits for the votes on amendments
   * (AMENDMENT_VOTE_PENDING). Audited, and announced in the same transaction:
   * `proposal.voting_started` when it enters voting (voting creates the vote),
   * `proposal.decided` for a final decision (contributions issue calls on it).
   */
  async transition(manager: EntityManager, change: Transition): Promise<Proposal> {
    const current = await this.lock(manager, change.proposalId);
    if (!canTransition(current.status, change.to)) {
      throw ProposalErrors.INVALID_TRANSITION({ from: current.status, to: change.to });
    }
    if (change.to === ProposalStatus.Voting) await this.assertNoAmendmentVote(manager, current.id);
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
      data: {
        from: current.status,
        to: change.to,
        ...change.data,
        ...(change.winningOptionId ? { winningOptionId: change.winningOptionId } : {}),
      },
    });
    if (change.to === ProposalStatus.Voting) await this.announceVoting(manager, updated, change);
    if (decided) {
      const event: ProposalDecidedEvent = {
        manager,
        proposalId: updated.id,
        decisionType: updated.decisionType,
        outcome: change.to as ProposalDecidedEvent['outcome'],
        actorAccountId: change.actorAccountId,
        ...(change.winningOptionId ? { winningOptionId: change.winningOptionId } : {}),
      };
      await this.events.emitAsync(DomainEvent.ProposalDecided, event);
    }
    return updated;
  }

  /** The proposal's own vote waits until every vote on its amendments is counted. */
  private async assertNoAmendmentVote(manager: EntityManager, proposalId: string): Promise<void> {
    const pending = await manager.existsBy(ProposalAmendment, {
      proposalId,
      status: AmendmentStatus.PutToVote,
    });
    if (pending) throw ProposalErrors.AMENDMENT_VOTE_PENDING();
  }

  private async announceVoting(
    manager: EntityManager,
    proposal: Proposal,
    change: Transition,
  ): Promise<void> {
    if (!proposal.votingOpensAt || !proposal.votingClosesAt || !proposal.charterVersionId) {
      throw new Error(`Proposal ${proposal.id} entered voting without its voting dates`);
    }
    const event: ProposalVotingStartedEvent = {
      manager,
      proposalId: proposal.id,
      decisionType: proposal.decisionType,
      charterVersionId: proposal.charterVersionId,
      title: proposal.title,
      opensAt: proposal.votingOpensAt,
      closesAt: proposal.votingClosesAt,
      actorAccountId: change.actorAccountId,
      ...(proposal.voteOptions ? { options: proposal.voteOptions } : {}),
    };
    await this.events.emitAsync(DomainEvent.ProposalVotingStarted, event);
  }
}
