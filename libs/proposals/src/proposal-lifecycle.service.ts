import { Injectable, Logger } from '@nestjs/common';
import { CouncilsService } from '@delibera/councils';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '@delibera/audit';
import {
  CharterChange,
  CharterChangeInput,
  charterChangeOf,
  CharterErrors,
  CharterService,
  councilsNamedBy,
  DecisionRule,
  DecisionType,
} from '@delibera/charter';

import { AuthUser, CommonErrors, DomainError, lockById } from '@delibera/kernel';
import { ConsultationService, CouncilAudience } from './consultation/consultation.service';
import { ProposalDeadlines } from './jobs/proposal-deadlines';
import { Proposal } from './proposal.entity';
import { ProposalCosignature } from './proposal-cosignature.entity';
import { PhaseDates, phaseDates, RequestedDates, supportEndsAt } from './proposal-phases';
import { ProposalPolicy } from './proposal-policy';
import { ProposalOrigin, ProposalStatus } from './proposal-status';
import { ProposalErrors } from './proposals.errors';
import { ProposalsService } from './proposals.service';

export interface DraftRequest {
  decisionType: DecisionType;
  title: string;
  body: string;
  /** Tabled by the board (secretary or trustee) rather than a member initiative. */
  tabled?: boolean;
  /** A deed amendment's changes to the charter. */
  charterChange?: CharterChangeInput | null;
}

export interface TextEdit {
  proposalId: string;
  title: string;
  body: string;
  note?: string;
  /** A deed amendment's changes to the charter, replacing the draft's. */
  charterChange?: CharterChangeInput | null;
}

/** A submission inside another transaction; `audience` is read before it opens. */
export interface Submission {
  proposalId: string;
  actorAccountId: string | null;
  /** Tabled by the board (phases start at once) or a member initiative (co-signatures first). */
  tabled: boolean;
  audience: CouncilAudience;
  requested?: RequestedDates;
  /** Recorded with the submission in the audit trail. */
  data?: Record<string, unknown>;
}

/**
 * What a deadline handler found: it acts only when its transition is still
 * due; `refused` when another domain refused it (voting found no assembly).
 */
export type DeadlineOutcome = 'done' | 'not_due' | 'refused';

/**
 * How a proposal moves from draft to decision, one action per method, each
 * in one transaction and through `ProposalsService.transition`. Deadlines are
 * enqueued after the transaction commits.
 */
@Injectable()
export class ProposalLifecycleService {
  private readonly logger = new Logger(ProposalLifecycleService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly proposals: ProposalsService,
    private readonly consultation: ConsultationService,
    private readonly policy: ProposalPolicy,
    private readonly charter: CharterService,
    private readonly deadlines: ProposalDeadlines,
    private readonly audit: AuditService,
    private readonly councils: CouncilsService,
  ) {}

  /** A member drafts an initiative, or the board (secretary, trustee) drafts a proposal it tables. */
  async draft(user: AuthUser, request: DraftRequest): Promise<Proposal> {
    if (request.tabled && !this.policy.canTable(user)) throw CommonErrors.FORBIDDEN();
    const authorMemberId = request.tabled ? user.memberId : this.policy.member(user);
    const charterChange = request.charterChange
      ? await this.checkedCharterChange(request.decisionType, request.charterChange)
      : null;
    return this.proposals.createDraft({
      decisionType: request.decisionType,
      origin: request.tabled ? ProposalOrigin.Board : ProposalOrigin.MemberInitiative,
      title: request.title,
      body: request.body,
      authorMemberId,
      createdByAccountId: user.accountId,
      charterChange,
    });
  }

  /**
   * A deed amendment's changes, checked when drafted: only a deed amendment
   * changes the charter, its fractions and durations must make sense, and
   * the councils it would have the charter consult must sit.
   */
  private async checkedCharterChange(
    decisionType: DecisionType,
    input: CharterChangeInput,
  ): Promise<CharterChange> {
    if (decisionType !== DecisionType.CharterAmendment) {
      throw ProposalErrors.CHARTER_CHANGE_NOT_ALLOWED();
    }
    const change = charterChangeOf(input);
    const sitting = new Set(
      (await this.councils.list()).filter((c) => !c.dissolvedAt).map((c) => c.code),
    );
    const unknown = councilsNamedBy(change).filter((code) => !sitting.has(code));
    if (unknown.length > 0) {
      const codes = unknown.join(', ');
      throw CharterErrors.CHARTER_CHANGE_INVALID({
        detail: {
          fr: `aucun conseil en fonction n’a le code ${codes}`,
          en: `no sitting council has the code ${codes}`,
        },
      });
    }
    return change;
  }

  /** The author edits a draft: every edit is a new version. */
  async editDraft(user: AuthUser, edit: TextEdit): Promise<Proposal> {
    // Checked before the transaction: the councils are read on a connection of their own.
    // Left out, the changes stay; null removes them; otherwise they are replaced whole.
    const charterChange = edit.charterChange
      ? await this.checkedCharterChange(
          (await this.proposals.byId(edit.proposalId)).decisionType,
          edit.charterChange,
        )
      : edit.charterChange;
    return this.dataSource.transaction(async (manager) => {
      const proposal = await this.proposals.lock(manager, edit.proposalId);
      this.policy.assertAuthor(user, proposal);
      this.assertStatus(proposal, ProposalStatus.Draft);
      if (charterChange !== undefined && (charterChange || proposal.charterChange)) {
        await manager.update(Proposal, { id: proposal.id }, { charterChange });
        await this.audit.append(manager, {
          actorAccountId: user.accountId,
          action: 'proposal.charter_change_edited',
          entityType: 'proposal',
          entityId: proposal.id,
          data: { before: proposal.charterChange, after: charterChange },
        });
        proposal.charterChange = charterChange;
      }
      await this.proposals.addVersion(manager, proposal, {
        title: edit.title,
        body: edit.body,
        editedByAccountId: user.accountId,
        note: edit.note?.trim() || 'edit',
      });
      return proposal;
    });
  }

  /**
   * Submits a draft under the charter in force, which it pins. The author's
   * initiative then collects co-signatures; a proposal the board tables (or a
   * member's draft the board takes up) goes straight to consultation, or to
   * deliberation when the rule consults no council. Requested dates earlier
   * than the rule's minimum durations are refused (DEADLINE_TOO_SOON).
   */
  async submit(
    user: AuthUser,
    proposalId: string,
    requested: RequestedDates = {},
  ): Promise<Proposal> {
    const before = await this.proposals.byId(proposalId);
    const isAuthor = this.policy.isAuthor(user, before);
    if (!isAuthor && !this.policy.canTable(user)) throw CommonErrors.FORBIDDEN();
    const audience = await this.consultation.councilAudience();
    const proposal = await this.dataSource.transaction((manager) =>
      this.submitWithin(manager, {
        proposalId,
        actorAccountId: user.accountId,
        tabled: before.origin === ProposalOrigin.Board || !isAuthor,
        audience,
        requested,
      }),
    );
    await this.afterSubmit(proposal);
    return proposal;
  }

  /** Who sits on which council: read before a transaction that submits (see `submitWithin`). */
  councilAudience(): Promise<CouncilAudience> {
    return this.consultation.councilAudience();
  }

  /**
   * Submission inside the caller's transaction, for a proposal another domain
   * creates and tables (a contribution scale): the same phases, dates and
   * consultation requests as `submit`. The caller runs `afterSubmit` once its
   * transaction commits.
   */
  async submitWithin(manager: EntityManager, submission: Submission): Promise<Proposal> {
    const { proposalId, actorAccountId, tabled, audience, requested = {} } = submission;
    const charter = await this.charter.inForce(manager);
    const current = await this.proposals.byId(proposalId, manager);
    const rule = await this.charter.ruleFor(current.decisionType, charter);
    const now = new Date();
    const dates = phaseDates(rule, now, rule.consultedCouncils.length > 0, requested);
    const submitted = await this.proposals.transition(manager, {
      proposalId,
      to: ProposalStatus.Submitted,
      actorAccountId,
      set: {
        submittedAt: now,
        charterVersionId: charter.id,
        origin: tabled ? ProposalOrigin.Board : ProposalOrigin.MemberInitiative,
        ...dates,
      },
      data: { charterVersion: charter.version, tabled, ...dates, ...submission.data },
    });
    if (!tabled) {
      const endsAt = supportEndsAt(now, charter.initiativeSupportDays);
      return this.proposals.transition(manager, {
        proposalId,
        to: ProposalStatus.Support,
        actorAccountId,
        set: { supportEndsAt: endsAt },
        data: { supportEndsAt: endsAt, cosignaturesNeeded: charter.initiativeCosignatures },
      });
    }
    return this.enterFirstPhase(manager, submitted, rule, audience, dates, actorAccountId);
  }

  /**
   * A member co-signs an initiative (once). The signature that reaches the
   * pinned charter's threshold moves it on, with phase dates counted from then.
   */
  async cosign(user: AuthUser, proposalId: string): Promise<Proposal> {
    const memberId = this.policy.member(user);
    const audience = await this.consultation.councilAudience();
    const proposal = await this.dataSource.transaction(async (manager) => {
      const current = await this.proposals.lock(manager, proposalId);
      this.assertStatus(current, ProposalStatus.Support);
      if (current.supportEndsAt && current.supportEndsAt.getTime() <= Date.now()) {
        throw ProposalErrors.SUPPORT_CLOSED({ endsAt: current.supportEndsAt.toISOString() });
      }
      if (current.authorMemberId === memberId) throw ProposalErrors.OWN_INITIATIVE();
      if (await manager.existsBy(ProposalCosignature, { proposalId, memberId })) {
        throw ProposalErrors.ALREADY_COSIGNED();
      }
      await manager.insert(ProposalCosignature, { proposalId, memberId });
      const count = await manager.countBy(ProposalCosignature, { proposalId });
      await this.audit.append(manager, {
        actorAccountId: user.accountId,
        action: 'proposal.cosigned',
        entityType: 'proposal',
        entityId: proposalId,
        data: { memberId, count },
      });
      const charter = await this.charter.byId(current.charterVersionId!, manager);
      if (count < charter.initiativeCosignatures) return current;
      const rule = await this.charter.ruleFor(current.decisionType, charter);
      const dates = phaseDates(
        rule,
        new Date(),
        rule.consultedCouncils.length > 0,
        current,
        'defer',
      );
      return this.enterFirstPhase(manager, current, rule, audience, dates, user.accountId);
    });
    await this.afterSubmit(proposal);
    return proposal;
  }

  /**
   * The author or the secretary moves the proposal on before its deadline
   * would: consultation closes early only once every council has answered,
   * deliberation never ends before its minimum. Anything else is refused as
   * INVALID_TRANSITION — in particular skipping consultation.
   */
  async advance(user: AuthUser, proposalId: string, to: ProposalStatus): Promise<Proposal> {
    const before = await this.proposals.byId(proposalId);
    this.policy.assertAuthorOrSecretary(user, before);
    const { councils } = await this.consultation.councilAudience();
    const proposal = await this.dataSource.transaction(async (manager) => {
      const current = await this.proposals.lock(manager, proposalId);
      const now = Date.now();
      if (to === ProposalStatus.Deliberation && current.status === ProposalStatus.Consultation) {
        const pending = await this.consultation.pending(manager, proposalId);
        if (pending.length > 0 && now < current.consultationEndsAt!.getTime()) {
          const names = pending.map((r) => councils.find((c) => c.id === r.councilId)?.code);
          throw ProposalErrors.CONSULTATION_PENDING({
            councils: names.join(', '),
            endsAt: current.consultationEndsAt!.toISOString(),
          });
        }
        return this.closeConsultation(manager, current, user.accountId);
      }
      if (to === ProposalStatus.Voting && current.status === ProposalStatus.Deliberation) {
        if (now < current.deliberationEndsAt!.getTime()) {
          throw ProposalErrors.PHASE_NOT_OVER({
            endsAt: current.deliberationEndsAt!.toISOString(),
          });
        }
        return this.startVoting(manager, current, user.accountId);
      }
      throw ProposalErrors.INVALID_TRANSITION({ from: current.status, to });
    });
    await this.deadlines.schedule(proposal);
    return proposal;
  }

  /** The author withdraws the proposal; the state machine allows it only before voting. */
  async withdraw(user: AuthUser, proposalId: string): Promise<Proposal> {
    this.policy.assertAuthor(user, await this.proposals.byId(proposalId));
    return this.dataSource.transaction((manager) =>
      this.proposals.transition(manager, {
        proposalId,
        to: ProposalStatus.Withdrawn,
        actorAccountId: user.accountId,
      }),
    );
  }

  async cancel(user: AuthUser, proposalId: string, reason: string): Promise<Proposal> {
    this.policy.assertSecretary(user);
    return this.dataSource.transaction((manager) =>
      this.proposals.transition(manager, {
        proposalId,
        to: ProposalStatus.Cancelled,
        actorAccountId: user.accountId,
        set: { cancelReason: reason },
        data: { reason },
      }),
    );
  }

  /** The secretary records that an adopted proposal has been carried out. */
  async markImplemented(user: AuthUser, proposalId: string): Promise<Proposal> {
    this.policy.assertSecretary(user);
    return this.dataSource.transaction((manager) =>
      this.proposals.transition(manager, {
        proposalId,
        to: ProposalStatus.Implemented,
        actorAccountId: user.accountId,
      }),
    );
  }

  /** Deadline: an initiative still collecting co-signatures at its deadline expires. */
  runSupportDeadline(proposalId: string, version: number): Promise<DeadlineOutcome> {
    return this.whenDue(proposalId, version, ProposalStatus.Support, 'supportEndsAt', (m, p) =>
      this.proposals.transition(m, {
        proposalId: p.id,
        to: ProposalStatus.Expired,
        actorAccountId: null,
        data: { supportEndsAt: p.supportEndsAt },
      }),
    );
  }

  /** Deadline: consultation ends; silent councils are recorded as not answering. */
  runConsultationDeadline(proposalId: string, version: number): Promise<DeadlineOutcome> {
    return this.whenDue(
      proposalId,
      version,
      ProposalStatus.Consultation,
      'consultationEndsAt',
      (m, p) => this.closeConsultation(m, p, null),
    );
  }

  /**
   * Deadline: deliberation ends; the proposal goes to the vote. A refusal
   * (no assembly holds it yet) is no transient failure to retry: the proposal
   * stays in deliberation and the reconciler, finding it overdue, tries again
   * each interval, so it moves once the secretary puts it on an agenda.
   */
  async runDeliberationDeadline(proposalId: string, version: number): Promise<DeadlineOutcome> {
    try {
      return await this.whenDue(
        proposalId,
        version,
        ProposalStatus.Deliberation,
        'deliberationEndsAt',
        (m, p) => this.startVoting(m, p, null),
      );
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      this.logger.warn(`Proposal ${proposalId} cannot go to the vote yet: ${error.code}`);
      return 'refused';
    }
  }

  /**
   * Runs a deadline's transition only if, under the row lock, the proposal is
   * still in that phase, with that schedule version, and the date has passed:
   * a job delivered twice, late, or after a reschedule changes nothing more.
   */
  private async whenDue(
    proposalId: string,
    version: number,
    status: ProposalStatus,
    dateField: 'supportEndsAt' | 'consultationEndsAt' | 'deliberationEndsAt',
    act: (manager: EntityManager, proposal: Proposal) => Promise<Proposal>,
  ): Promise<DeadlineOutcome> {
    const moved = await this.dataSource.transaction(async (manager) => {
      const proposal = await lockById(manager, Proposal, proposalId);
      const due = proposal?.[dateField];
      if (!proposal || proposal.status !== status || proposal.scheduleVersion !== version) {
        return null;
      }
      if (!due || due.getTime() > Date.now()) return null;
      return act(manager, proposal);
    });
    if (!moved) return 'not_due';
    await this.deadlines.schedule(moved);
    return 'done';
  }

  /** Enqueues the new phase's deadline (and reminders) and sends what the transaction wrote to the outbox. */
  async afterSubmit(proposal: Proposal): Promise<void> {
    await this.deadlines.schedule(proposal);
    if (proposal.status === ProposalStatus.Consultation) {
      await this.consultation.announced(proposal.id);
    }
  }

  /** Consultation or, when the rule consults no council, deliberation, with the given dates. */
  private async enterFirstPhase(
    manager: EntityManager,
    proposal: Proposal,
    rule: DecisionRule,
    audience: CouncilAudience,
    dates: PhaseDates,
    actorAccountId: string | null,
  ): Promise<Proposal> {
    const consulted = audience.councils.filter((c) => rule.consultedCouncils.includes(c.code));
    if (consulted.length !== rule.consultedCouncils.length) {
      throw new Error(`The charter names unknown councils: ${rule.consultedCouncils.join(', ')}`);
    }
    const to = consulted.length > 0 ? ProposalStatus.Consultation : ProposalStatus.Deliberation;
    const entered = await this.proposals.transition(manager, {
      proposalId: proposal.id,
      to,
      actorAccountId,
      set: { ...dates },
      data: { ...dates, consulted: rule.consultedCouncils },
    });
    if (to === ProposalStatus.Consultation) {
      await this.consultation.openRequests(manager, entered, consulted, audience, actorAccountId);
    }
    return entered;
  }

  private async closeConsultation(
    manager: EntityManager,
    proposal: Proposal,
    actorAccountId: string | null,
  ): Promise<Proposal> {
    const silent = await this.consultation.recordSilence(manager, proposal.id);
    return this.proposals.transition(manager, {
      proposalId: proposal.id,
      to: ProposalStatus.Deliberation,
      actorAccountId,
      data: { didNotAnswer: silent.map((r) => r.councilId) },
    });
  }

  /** Voting opens at its planned date, or now if the deadline ran late (its length kept). */
  private startVoting(
    manager: EntityManager,
    proposal: Proposal,
    actorAccountId: string | null,
  ): Promise<Proposal> {
    const planned = proposal.votingOpensAt!.getTime();
    const delay = Math.max(0, Date.now() - planned);
    const votingOpensAt = new Date(planned + delay);
    const votingClosesAt = new Date(proposal.votingClosesAt!.getTime() + delay);
    return this.proposals.transition(manager, {
      proposalId: proposal.id,
      to: ProposalStatus.Voting,
      actorAccountId,
      set: { votingOpensAt, votingClosesAt },
      data: { votingOpensAt, votingClosesAt },
    });
  }

  private assertStatus(proposal: Proposal, expected: ProposalStatus): void {
    if (proposal.status !== expected) {
      throw ProposalErrors.NOT_IN_PHASE({ expected, status: proposal.status });
    }
  }
}
