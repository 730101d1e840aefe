import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { isDeepStrictEqual } from 'node:util';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { AuditService } from '@delibera/audit';
import {
  AuthUser,
  CommonErrors,
  CouncilDissolvingEvent,
  CouncilWorkUnderWay,
  DomainEvent,
  hasRole,
  quebecDate,
  requestContext,
  Role,
} from '@delibera/kernel';
import { CharterService } from '@delibera/charter';
import { MembershipService, MemberStatus } from '@delibera/membership';
import { Council } from './council.entity';
import { CouncilSeat, SeatStatus } from './council-seat.entity';
import { CouncilErrors, ELIGIBILITY_REASONS } from './councils.errors';
import {
  CouncilEligibilityInput,
  CreateCouncilInput,
  UpdateCouncilInput,
} from './dto/create-council.input';
import { eligibilityProblems } from './eligibility';
import { addMonths } from './term';

@Injectable()
export class CouncilsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly membership: MembershipService,
    private readonly audit: AuditService,
    private readonly charter: CharterService,
    private readonly events: EventEmitter2,
  ) {}

  /** Every council, dissolved ones included: proposals, opinions and reports still name them. */
  list(): Promise<Council[]> {
    return this.dataSource.getRepository(Council).find({ order: { code: 'ASC' } });
  }

  async byId(id: string, manager: EntityManager = this.dataSource.manager): Promise<Council> {
    const council = await manager.getRepository(Council).findOneBy({ id });
    if (!council) throw CouncilErrors.COUNCIL_NOT_FOUND();
    return council;
  }

  /** Members holding an active seat on the council (a council vote's electorate), read through `manager`. */
  async activeMemberIds(manager: EntityManager, councilId: string): Promise<string[]> {
    const council = await manager.existsBy(Council, { id: councilId });
    if (!council) throw CouncilErrors.COUNCIL_NOT_FOUND();
    const seats = await manager.find(CouncilSeat, {
      select: { memberId: true },
      where: { councilId, status: SeatStatus.Active },
    });
    return seats.map((seat) => seat.memberId);
  }

  /** The secretary creates a council or committee; its eligibility rule is checked from member data. */
  async create(user: AuthUser, input: CreateCouncilInput): Promise<Council> {
    checkAgeBand(input.eligibility);
    return this.dataSource.transaction(async (manager) => {
      if (await manager.existsBy(Council, { code: input.code })) {
        throw CouncilErrors.COUNCIL_CODE_TAKEN({ code: input.code });
      }
      const council = await manager.save(
        manager.create(Council, { ...input, eligibility: { ...input.eligibility } }),
      );
      await this.audit.append(manager, {
        actorAccountId: user.accountId,
        action: 'council.created',
        entityType: 'council',
        entityId: council.id,
        data: { after: { ...input } },
      });
      return council;
    });
  }

  /**
   * The secretary changes a council's names, seats, term or eligibility rule.
   * It takes the council row's lock, as approving a seat does, so seats cannot
   * drop below the members approved meanwhile.
   */
  async update(user: AuthUser, input: UpdateCouncilInput): Promise<Council> {
    const { councilId, eligibility, ...fields } = input;
    checkAgeBand(eligibility);
    return this.dataSource.transaction(async (manager) => {
      const council = await this.lockSitting(manager, councilId);
      if (typeof fields.seats === 'number') {
        const taken = await this.activeSeatCount(manager, councilId);
        if (fields.seats < taken) throw CouncilErrors.SEATS_BELOW_MEMBERS({ taken });
      }
      // Only what differs from the stored council: a form sends every field, and resaving is no change.
      const given: Partial<Council> = {
        ...fields,
        ...(eligibility && { eligibility: { ...eligibility } }),
      };
      const changes: Partial<Council> = Object.fromEntries(
        Object.entries(given).filter(
          ([key, value]) =>
            value !== undefined &&
            value !== null &&
            !isDeepStrictEqual(value, council[key as keyof Council]),
        ),
      );
      const keys = Object.keys(changes) as (keyof Council)[];
      if (keys.length === 0) return council;
      const before = Object.fromEntries(keys.map((key) => [key, council[key]]));
      await manager.save(Object.assign(council, changes));
      await this.audit.append(manager, {
        actorAccountId: user.accountId,
        action: 'council.updated',
        entityType: 'council',
        entityId: council.id,
        data: { before, after: changes },
      });
      return council;
    });
  }

  /**
   * The secretary dissolves a council: its seats end today, its pending
   * applications are refused, its chair is no more; its history (seats,
   * opinions, threads, reports) stays. Refused while the charter in force
   * consults it (the charter says who is consulted: amend it first) or while
   * it has work under way: a consultation awaiting its opinion, a vote of its
   * members not yet counted, a meeting convened.
   */
  async dissolve(user: AuthUser, councilId: string, reason: string): Promise<Council> {
    return this.dataSource.transaction(async (manager) => {
      const council = await this.lockSitting(manager, councilId);
      const charter = await this.charter.inForce(manager);
      const consultingRules = charter.rules
        .filter((rule) => rule.consultedCouncils.includes(council.code))
        .map((rule) => rule.decisionType);
      if (consultingRules.length > 0) {
        throw CouncilErrors.COUNCIL_NAMED_BY_CHARTER({ decisionTypes: consultingRules.join(', ') });
      }
      // The domains holding a council's work depend on this one: they answer an event.
      const event: CouncilDissolvingEvent = { manager, councilId, code: council.code };
      const answers = (await this.events.emitAsync(
        DomainEvent.CouncilDissolving,
        event,
      )) as CouncilWorkUnderWay[];
      const pending = { consultations: 0, amendments: 0, votes: 0, meetings: 0 };
      for (const answer of answers) {
        for (const key of Object.keys(pending) as (keyof typeof pending)[]) {
          pending[key] += answer?.[key] ?? 0;
        }
      }
      if (Object.values(pending).some((count) => count > 0)) {
        throw CouncilErrors.COUNCIL_HAS_PENDING_WORK(pending);
      }
      const today = quebecDate();
      const ended = await manager
        .createQueryBuilder()
        .update(CouncilSeat)
        .set({ status: SeatStatus.Ended, termEnd: () => `least(term_end, :today::date)` })
        .where('council_id = :councilId AND status = :active', {
          councilId,
          active: SeatStatus.Active,
          today,
        })
        .execute();
      const refused = await manager.update(
        CouncilSeat,
        { councilId, status: SeatStatus.Applied },
        {
          status: SeatStatus.Refused,
          decidedByAccountId: user.accountId,
          decidedAt: new Date(),
          decisionReason: reason,
        },
      );
      Object.assign(council, {
        dissolvedAt: new Date(),
        dissolutionReason: reason,
        chairMemberId: null,
      });
      await manager.save(council);
      await this.audit.append(manager, {
        actorAccountId: user.accountId,
        action: 'council.dissolved',
        entityType: 'council',
        entityId: council.id,
        data: {
          reason,
          seatsEnded: ended.affected ?? 0,
          applicationsRefused: refused.affected ?? 0,
        },
      });
      return council;
    });
  }

  /** Active seats and pending applications of several councils in one query, in the order of `councilIds`. */
  async openSeatsByCouncil(councilIds: readonly string[]): Promise<CouncilSeat[][]> {
    const seats = await this.dataSource.getRepository(CouncilSeat).find({
      where: {
        councilId: In([...councilIds]),
        status: In([SeatStatus.Active, SeatStatus.Applied]),
      },
      order: { appliedAt: 'ASC' },
    });
    return councilIds.map((id) => seats.filter((seat) => seat.councilId === id));
  }

  /**
   * The councils on which a member holds an active seat, in one query:
   * other domains use it for council-only rights (restricted threads, moderation).
   */
  async activeCouncilsOf(memberId: string): Promise<Council[]> {
    return this.dataSource
      .getRepository(Council)
      .createQueryBuilder('c')
      .innerJoin(CouncilSeat, 's', 's.councilId = c.id')
      .where('s.memberId = :memberId AND s.status = :active', {
        memberId,
        active: SeatStatus.Active,
      })
      .orderBy('c.code', 'ASC')
      .getMany();
  }

  /** A member applies; eligibility is checked from member data at the term start (today). */
  async apply(user: AuthUser, councilId: string, declaredPractice?: string): Promise<CouncilSeat> {
    if (!user.memberId) throw CommonErrors.FORBIDDEN();
    const member = await this.membership.byId(user.memberId);
    if (member.status !== MemberStatus.Active) throw CouncilErrors.MEMBER_NOT_ACTIVE();
    return this.dataSource.transaction(async (manager) => {
      // Shared: applications go on side by side, a dissolution (which locks it exclusively) waits.
      const council = await this.lockSitting(manager, councilId, 'pessimistic_read');
      const problems = eligibilityProblems(
        council.eligibility,
        { kind: member.kind, birthDate: member.birthDate, region: member.region, declaredPractice },
        quebecDate(),
      );
      if (problems.length > 0) {
        const locale = requestContext.locale();
        throw CouncilErrors.NOT_ELIGIBLE(
          { reasons: problems.map((p) => ELIGIBILITY_REASONS[p][locale]).join('; ') },
          { reasons: problems },
        );
      }
      const open = await manager.existsBy(CouncilSeat, {
        councilId,
        memberId: member.id,
        status: In([SeatStatus.Applied, SeatStatus.Active]),
      });
      if (open) throw CouncilErrors.ALREADY_APPLIED();
      const seat = await manager.save(
        manager.create(CouncilSeat, {
          councilId,
          memberId: member.id,
          status: SeatStatus.Applied,
          declaredPractice: declaredPractice?.trim() || null,
        }),
      );
      await this.audit.append(manager, {
        actorAccountId: user.accountId,
        action: 'council.applied',
        entityType: 'council_seat',
        entityId: seat.id,
        data: { councilId, memberId: member.id, declaredPractice: seat.declaredPractice },
      });
      return seat;
    });
  }

  /**
   * The chair (or the secretary) approves or refuses an application. Approval
   * takes the council row's lock so two approvals cannot both fill the last seat.
   */
  async decide(
    user: AuthUser,
    seatId: string,
    approve: boolean,
    reason?: string,
  ): Promise<CouncilSeat> {
    return this.dataSource.transaction(async (manager) => {
      const seat = await manager.findOneBy(CouncilSeat, { id: seatId });
      if (!seat) throw CouncilErrors.SEAT_NOT_FOUND();
      const council = await this.lockSitting(manager, seat.councilId);
      const isChair = !!user.memberId && council.chairMemberId === user.memberId;
      if (!isChair && !hasRole(user, Role.Secretary)) throw CommonErrors.FORBIDDEN();
      if (seat.status !== SeatStatus.Applied) throw CouncilErrors.SEAT_ALREADY_DECIDED();
      if (approve) {
        const taken = await this.activeSeatCount(manager, council.id);
        if (taken >= council.seats) throw CouncilErrors.COUNCIL_FULL({ seats: council.seats });
      }
      const start = quebecDate();
      Object.assign(seat, {
        status: approve ? SeatStatus.Active : SeatStatus.Refused,
        termStart: approve ? start : null,
        termEnd: approve ? addMonths(start, council.termMonths) : null,
        decidedByAccountId: user.accountId,
        decidedAt: new Date(),
        decisionReason: reason ?? null,
      });
      await manager.save(seat);
      await this.audit.append(manager, {
        actorAccountId: user.accountId,
        action: approve ? 'council.seat_approved' : 'council.seat_refused',
        entityType: 'council_seat',
        entityId: seat.id,
        data: { councilId: council.id, memberId: seat.memberId, reason: reason ?? null },
      });
      return seat;
    });
  }

  /** The secretary names a council's chair, who must hold an active seat on it. */
  async setChair(user: AuthUser, councilId: string, memberId: string): Promise<Council> {
    return this.dataSource.transaction(async (manager) => {
      const council = await this.lockSitting(manager, councilId);
      const seated = await manager.existsBy(CouncilSeat, {
        councilId,
        memberId,
        status: SeatStatus.Active,
      });
      if (!seated) throw CouncilErrors.SEAT_NOT_FOUND();
      const before = council.chairMemberId;
      council.chairMemberId = memberId;
      await manager.save(council);
      await this.audit.append(manager, {
        actorAccountId: user.accountId,
        action: 'council.chair_named',
        entityType: 'council',
        entityId: council.id,
        data: { before: { chairMemberId: before }, after: { chairMemberId: memberId } },
      });
      return council;
    });
  }

  /**
   * A sitting council, its row locked until the transaction ends: seat counts
   * checked under it stay true, and a dissolution waits for it (or it for the
   * dissolution, and then refuses with COUNCIL_DISSOLVED). Other domains take
   * it shared ('pessimistic_read') to add work for the council.
   */
  async lockSitting(
    manager: EntityManager,
    councilId: string,
    mode: 'pessimistic_write' | 'pessimistic_read' = 'pessimistic_write',
  ): Promise<Council> {
    const council = await manager
      .getRepository(Council)
      .createQueryBuilder('c')
      .setLock(mode)
      .where('c.id = :id', { id: councilId })
      .getOne();
    if (!council) throw CouncilErrors.COUNCIL_NOT_FOUND();
    if (council.dissolvedAt) throw CouncilErrors.COUNCIL_DISSOLVED();
    return council;
  }

  private activeSeatCount(manager: EntityManager, councilId: string): Promise<number> {
    return manager.countBy(CouncilSeat, { councilId, status: SeatStatus.Active });
  }
}

function checkAgeBand(eligibility: CouncilEligibilityInput | undefined): void {
  const { minAge, maxAge } = eligibility ?? {};
  if (minAge !== undefined && maxAge !== undefined && minAge > maxAge) {
    throw CouncilErrors.AGE_BAND_INVALID();
  }
}
