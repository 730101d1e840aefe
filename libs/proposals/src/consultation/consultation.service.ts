import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { AuditService } from '@delibera/audit';
import { Council, CouncilsService, SeatStatus } from '@delibera/councils';
import {
  AppConfig,
  AuthUser,
  DomainEvent,
  lockById,
  OpinionPublishedEvent,
  quebecDate,
  VoteRequestedEvent,
} from '@delibera/kernel';
import { Member, MembershipService } from '@delibera/membership';
import { NotificationKind, NotificationsService } from '@delibera/notifications';
import { Proposal } from '../proposal.entity';
import { ProposalPolicy } from '../proposal-policy';
import { ProposalStatus } from '../proposal-status';
import { ProposalErrors } from '../proposals.errors';
import { ProposalsService } from '../proposals.service';
import { ConsultationRequest, ConsultationStatus } from './consultation-request.entity';
import {
  CouncilOpinion,
  OpinionPosition,
  OpinionStatus,
  OpinionVoteOutcome,
} from './council-opinion.entity';
import { groupByKey } from '../batch';
import { ConsultationReminders } from './reminders/consultation-reminders';

/**
 * Every council with its sitting members, read before a transaction that may
 * open consultations (reads through other domains' services must not run
 * inside it). Councils are few and small, so reading them all is cheap.
 */
export interface CouncilAudience {
  councils: Council[];
  membersOf: ReadonlyMap<string, Member[]>;
}

export interface OpinionDraft {
  consultationId: string;
  position: OpinionPosition;
  text: string;
}

/** The window of a council's vote on a drafted opinion; it opens now unless told otherwise. */
export interface OpinionVoteRequest {
  opinionId: string;
  opensAt?: Date;
  closesAt: Date;
}

/**
 * Councils' consultation on proposals: requests opened when a proposal enters
 * consultation, opinions drafted by council members and put by the chair to
 * the council's vote, published when the vote adopts them, and silence
 * recorded at the due date.
 */
@Injectable()
export class ConsultationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly proposals: ProposalsService,
    private readonly policy: ProposalPolicy,
    private readonly audit: AuditService,
    private readonly events: EventEmitter2,
    private readonly councils: CouncilsService,
    private readonly membership: MembershipService,
    private readonly notifications: NotificationsService,
    private readonly config: AppConfig,
    private readonly reminders: ConsultationReminders,
  ) {}

  async councilAudience(): Promise<CouncilAudience> {
    const councils = await this.councils.list();
    const seats = (await this.councils.openSeatsByCouncil(councils.map((c) => c.id))).flat();
    const active = seats.filter((seat) => seat.status === SeatStatus.Active);
    const ids = [...new Set(active.map((seat) => seat.memberId))];
    const members = new Map(
      (ids.length ? await this.membership.byIds(ids) : []).map((m) => [m.id, m]),
    );
    const membersOf = new Map(
      councils.map((c) => [
        c.id,
        active.filter((seat) => seat.councilId === c.id).map((seat) => members.get(seat.memberId)!),
      ]),
    );
    return { councils, membersOf };
  }

  /**
   * Once the transaction that asked the councils committed: tells their
   * members, and enqueues the reminders before the consultation is due.
   */
  async announced(proposalId: string): Promise<void> {
    await this.notifications.kick();
    await this.reminders.schedule(proposalId);
  }

  /** One request per council the rule names, due when the consultation phase ends; its members are told. */
  async openRequests(
    manager: EntityManager,
    proposal: Proposal,
    consulted: Council[],
    audience: CouncilAudience,
    actorAccountId: string | null,
  ): Promise<ConsultationRequest[]> {
    const dueAt = proposal.consultationEndsAt;
    if (!dueAt) throw new Error('Consultation opened without a due date');
    const requests = await manager.save(
      consulted.map((council) =>
        manager.create(ConsultationRequest, {
          proposalId: proposal.id,
          councilId: council.id,
          status: ConsultationStatus.Requested,
          dueAt,
        }),
      ),
    );
    for (const request of requests) {
      await this.audit.append(manager, {
        actorAccountId,
        action: 'proposal.consultation_requested',
        entityType: 'consultation_request',
        entityId: request.id,
        data: { proposalId: proposal.id, councilId: request.councilId, dueAt: request.dueAt },
      });
    }
    await this.notifications.enqueue(
      manager,
      requests.flatMap((request) => {
        const council = consulted.find((c) => c.id === request.councilId)!;
        return (audience.membersOf.get(council.id) ?? []).map((member) => ({
          kind: NotificationKind.ConsultationRequested,
          dedupeKey: `consultation-requested:${request.id}:${member.id}`,
          recipientEmail: member.email,
          recipientMemberId: member.id,
          locale: member.locale,
          params: {
            name: member.displayName,
            councilFr: council.nameFr,
            councilEn: council.nameEn,
            title: proposal.title,
            dueOn: quebecDate(dueAt),
            link: `${this.config.PUBLIC_URL}/proposals/${proposal.id}`,
          },
        }));
      }),
    );
    return requests;
  }

  /** Requests still awaiting an answer. */
  pending(manager: EntityManager, proposalId: string): Promise<ConsultationRequest[]> {
    return manager.findBy(ConsultationRequest, {
      proposalId,
      status: ConsultationStatus.Requested,
    });
  }

  /** At the due date: every council that has not answered is recorded as not answering. */
  async recordSilence(manager: EntityManager, proposalId: string): Promise<ConsultationRequest[]> {
    const silent = await this.pending(manager, proposalId);
    for (const request of silent) {
      request.status = ConsultationStatus.DidNotAnswer;
      await manager.save(request);
      await this.audit.append(manager, {
        actorAccountId: null,
        action: 'proposal.consultation_unanswered',
        entityType: 'consultation_request',
        entityId: request.id,
        data: { proposalId, councilId: request.councilId, dueAt: request.dueAt },
      });
    }
    return silent;
  }

  /** Any member sitting on the consulted council drafts an opinion for it to adopt. */
  async draftOpinion(user: AuthUser, draft: OpinionDraft): Promise<CouncilOpinion> {
    const request = await this.request(draft.consultationId);
    await this.policy.assertCouncilMember(user, request.councilId);
    return this.dataSource.transaction(async (manager) => {
      await this.assertOpen(manager, request);
      const opinion = await manager.save(
        manager.create(CouncilOpinion, {
          consultationId: request.id,
          councilId: request.councilId,
          draftedByMemberId: user.memberId!,
          position: draft.position,
          text: draft.text,
          status: OpinionStatus.Draft,
        }),
      );
      await this.audit.append(manager, {
        actorAccountId: user.accountId,
        action: 'proposal.opinion_drafted',
        entityType: 'council_opinion',
        entityId: opinion.id,
        data: { consultationId: request.id, position: draft.position },
      });
      return opinion;
    });
  }

  /**
   * The chair (or the secretary) puts a drafted opinion to the council's
   * vote: a vote of `libs/voting` whose electorate is the council's active
   * seats, under the charter's `council_opinion` rule of the version the
   * proposal pinned. It must close before the consultation is due, and a
   * council votes on one draft at a time.
   */
  async putOpinionToVote(user: AuthUser, request: OpinionVoteRequest): Promise<CouncilOpinion> {
    const found = await this.opinion(request.opinionId);
    const council = await this.policy.assertCouncilChair(user, found.councilId);
    return this.dataSource.transaction(async (manager) => {
      const consultation = await lockById(manager, ConsultationRequest, found.consultationId);
      if (!consultation) throw ProposalErrors.CONSULTATION_NOT_FOUND();
      const opinion = await this.lockOpinion(manager, request.opinionId);
      if (opinion.status !== OpinionStatus.Draft) throw ProposalErrors.OPINION_ALREADY_DECIDED();
      await this.assertOpen(manager, consultation);
      const running = await manager
        .getRepository(CouncilOpinion)
        .createQueryBuilder('o')
        .where('o.consultationId = :id AND o.voteId IS NOT NULL AND o.voteOutcome IS NULL', {
          id: consultation.id,
        })
        .getExists();
      if (running) throw ProposalErrors.OPINION_VOTE_PENDING();
      const now = new Date();
      const opensAt = request.opensAt ?? now;
      if (request.closesAt <= opensAt || request.closesAt <= now) {
        throw ProposalErrors.VOTE_WINDOW_INVALID();
      }
      if (request.closesAt >= consultation.dueAt) {
        const dueAt = consultation.dueAt.toISOString();
        throw ProposalErrors.OPINION_VOTE_AFTER_DUE_DATE({ dueAt }, { dueAt });
      }
      const proposal = await this.proposals.byId(consultation.proposalId, manager);
      const event: VoteRequestedEvent = {
        manager,
        subjectType: 'council_opinion',
        subjectId: opinion.id,
        proposalId: proposal.id,
        decisionType: proposal.decisionType,
        charterVersionId: proposal.charterVersionId!,
        councilId: council.id,
        titleFr: `${council.nameFr} — avis sur « ${proposal.title} »`,
        titleEn: `${council.nameEn} — opinion on “${proposal.title}”`,
        opensAt,
        closesAt: request.closesAt,
        actorAccountId: user.accountId,
      };
      const [voteId] = (await this.events.emitAsync(DomainEvent.VoteRequested, event)) as string[];
      if (!voteId) throw new Error('No vote was created for the council opinion');
      opinion.voteId = voteId;
      opinion.voteOutcome = null;
      await manager.save(opinion);
      await this.audit.append(manager, {
        actorAccountId: user.accountId,
        action: 'proposal.opinion_put_to_vote',
        entityType: 'council_opinion',
        entityId: opinion.id,
        data: { consultationId: consultation.id, voteId, opensAt, closesAt: request.closesAt },
      });
      return opinion;
    });
  }

  /**
   * The council's vote on an opinion is counted (in the voting lib's
   * transaction). Adopted: the opinion is published as drafted and answers
   * the consultation — unless the consultation closed meanwhile, when it is
   * only recorded adopted. Otherwise it stays a draft, with the outcome.
   * Idempotent: a vote that is not the opinion's current one, or already
   * applied, changes nothing.
   */
  async applyOpinionVote(
    manager: EntityManager,
    opinionId: string,
    voteId: string,
    outcome: string,
  ): Promise<void> {
    const found = await manager.findOneBy(CouncilOpinion, { id: opinionId });
    if (!found) return;
    const request = await lockById(manager, ConsultationRequest, found.consultationId);
    const opinion = await lockById(manager, CouncilOpinion, opinionId);
    if (!request || !opinion || opinion.voteId !== voteId || opinion.voteOutcome !== null) return;
    const result: OpinionVoteOutcome =
      outcome === 'adopted'
        ? 'adopted'
        : outcome === 'quorum_not_met'
          ? 'quorum_not_met'
          : 'rejected';
    opinion.voteOutcome = result;
    if (result !== 'adopted') {
      await manager.save(opinion);
      await this.audit.append(manager, {
        actorAccountId: null,
        action: 'proposal.opinion_not_adopted',
        entityType: 'council_opinion',
        entityId: opinion.id,
        data: { consultationId: request.id, voteId, outcome: result },
      });
      return;
    }
    const proposal = await this.proposals.byId(request.proposalId, manager);
    const open =
      request.status === ConsultationStatus.Requested &&
      proposal.status === ProposalStatus.Consultation;
    opinion.adoptedAt = new Date();
    opinion.status = open ? OpinionStatus.Published : OpinionStatus.Adopted;
    if (!open) await manager.save(opinion);
    await this.audit.append(manager, {
      actorAccountId: null,
      action: 'proposal.opinion_adopted',
      entityType: 'council_opinion',
      entityId: opinion.id,
      data: { consultationId: request.id, voteId, published: open },
    });
    if (open) await this.publishWithin(manager, opinion, request, null);
  }

  /** The adopted opinion answers the consultation and is published; the council's thread opens. */
  private async publishWithin(
    manager: EntityManager,
    opinion: CouncilOpinion,
    request: ConsultationRequest,
    actorAccountId: string | null,
  ): Promise<void> {
    const now = new Date();
    opinion.status = OpinionStatus.Published;
    opinion.publishedAt = now;
    await manager.save(opinion);
    Object.assign(request, {
      status: ConsultationStatus.Answered,
      answeredAt: now,
      opinionId: opinion.id,
    });
    await manager.save(request);
    await this.audit.append(manager, {
      actorAccountId,
      action: 'proposal.opinion_published',
      entityType: 'council_opinion',
      entityId: opinion.id,
      data: {
        proposalId: request.proposalId,
        councilId: request.councilId,
        position: opinion.position,
      },
    });
    const event: OpinionPublishedEvent = {
      manager,
      proposalId: request.proposalId,
      councilId: request.councilId,
    };
    await this.events.emitAsync(DomainEvent.OpinionPublished, event);
  }

  /** Requests of several proposals, for DataLoaders. */
  async requestsOf(proposalIds: readonly string[]): Promise<ConsultationRequest[][]> {
    const rows = await this.dataSource
      .getRepository(ConsultationRequest)
      .find({ where: { proposalId: In([...proposalIds]) }, order: { requestedAt: 'ASC' } });
    return groupByKey(proposalIds, rows, (row) => row.proposalId);
  }

  /** Opinions by id (null where missing), for DataLoaders. */
  async opinionsByIds(ids: readonly string[]): Promise<(CouncilOpinion | null)[]> {
    const rows = await this.dataSource.getRepository(CouncilOpinion).findBy({ id: In([...ids]) });
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id) ?? null);
  }

  /** Every opinion drafted in answer to several requests (drafts included), for DataLoaders. */
  async opinionsOf(consultationIds: readonly string[]): Promise<CouncilOpinion[][]> {
    const rows = await this.dataSource.getRepository(CouncilOpinion).find({
      where: { consultationId: In([...consultationIds]) },
      order: { createdAt: 'ASC' },
    });
    return groupByKey(consultationIds, rows, (row) => row.consultationId);
  }

  private async request(
    id: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<ConsultationRequest> {
    const request = await manager.findOneBy(ConsultationRequest, { id });
    if (!request) throw ProposalErrors.CONSULTATION_NOT_FOUND();
    return request;
  }

  private async opinion(id: string): Promise<CouncilOpinion> {
    const opinion = await this.dataSource.manager.findOneBy(CouncilOpinion, { id });
    if (!opinion) throw ProposalErrors.OPINION_NOT_FOUND();
    return opinion;
  }

  private async lockOpinion(manager: EntityManager, id: string): Promise<CouncilOpinion> {
    const opinion = await lockById(manager, CouncilOpinion, id);
    if (!opinion) throw ProposalErrors.OPINION_NOT_FOUND();
    return opinion;
  }

  /** A council answers while the request is open, the proposal in consultation and the due date not passed. */
  private async assertOpen(manager: EntityManager, request: ConsultationRequest): Promise<void> {
    const proposal = await this.proposals.byId(request.proposalId, manager);
    const open =
      request.status === ConsultationStatus.Requested &&
      proposal.status === ProposalStatus.Consultation &&
      request.dueAt.getTime() > Date.now();
    if (!open) throw ProposalErrors.CONSULTATION_CLOSED();
  }
}
