import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, In } from 'typeorm';
import { AuditService } from '@delibera/audit';
import {
  CharterService,
  CharterVersion,
  DecisionRule,
  DecisionType,
  QuorumKind,
  ThresholdBase,
  ThresholdComparison,
  VoteMethod,
} from '@delibera/charter';
import { AuthUser, ConnectionArgs, JobScheduler, paginate } from '@delibera/kernel';
import { TallyInputError } from '@delibera/tally';
import { countVote } from './ballots/vote-count';
import {
  CallReferendumInput,
  RescheduleVoteInput,
  ScheduleSurveyInput,
  ScheduleVoteInput,
} from './dto/schedule-vote.input';
import { ElectorateRegistry } from './electorate/electorate-registry';
import { AfterCommit } from './jobs/after-commit';
import { voteDeadlineJobs } from './jobs/vote-deadlines';
import { Vote } from './vote.entity';
import { VoteResult } from './vote-result.entity';
import { ChoiceKind, ElectorateKind, VoteStatus, VoteSubjectType } from './voting.enums';
import { VotingErrors } from './voting.errors';

export interface VotesFilter {
  status?: VoteStatus;
  subjectType?: VoteSubjectType;
  subjectId?: string;
  surveyId?: string;
}

export const YES_NO = [
  { id: 'yes', labelFr: 'Oui', labelEn: 'Yes' },
  { id: 'no', labelFr: 'Non', labelEn: 'No' },
];

/** Scheduling votes and reading them; the dated transitions live in VoteLifecycleService. */
@Injectable()
export class VotesService {
  private readonly logger = new Logger(VotesService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly charter: CharterService,
    private readonly electorates: ElectorateRegistry,
    private readonly audit: AuditService,
    private readonly scheduler: JobScheduler,
    private readonly afterCommit: AfterCommit,
  ) {}

  async byId(id: string): Promise<Vote> {
    const vote = await this.dataSource.getRepository(Vote).findOneBy({ id });
    if (!vote) throw VotingErrors.VOTE_NOT_FOUND();
    return vote;
  }

  list(args: ConnectionArgs & VotesFilter) {
    const query = this.dataSource.getRepository(Vote).createQueryBuilder('v');
    if (args.status) query.andWhere('v.status = :status', { status: args.status });
    if (args.subjectType)
      query.andWhere('v.subjectType = :subjectType', { subjectType: args.subjectType });
    if (args.subjectId) query.andWhere('v.subjectId = :subjectId', { subjectId: args.subjectId });
    if (args.surveyId) query.andWhere('v.surveyId = :surveyId', { surveyId: args.surveyId });
    return paginate(
      query,
      args,
      {
        column: 'v.createdAt',
        id: 'v.id',
        direction: 'DESC',
        key: (v) => [v.createdAt.toISOString(), v.id],
      },
      (v) => v,
    );
  }

  /**
   * Schedules a vote with the charter rule of its decision type as defaults
   * (the version in force is recorded), then enqueues its open and close jobs.
   */
  async schedule(user: AuthUser, input: ScheduleVoteInput): Promise<Vote> {
    const vote = await this.dataSource.transaction((manager) =>
      this.createVote(manager, user.accountId, input),
    );
    await this.enqueueDeadlines(vote);
    return vote;
  }

  /**
   * Schedules a vote inside the caller's transaction (a proposal entering
   * voting, a council's opinion, an amendment), under the given charter
   * version; its deadline jobs are enqueued once that transaction commits.
   * `datesFromPhases`: a proposal's own vote, whose window the proposal's
   * phases already drew from the charter's minimums (and may have deferred).
   */
  async scheduleWithin(
    manager: EntityManager,
    actorAccountId: string | null,
    input: ScheduleVoteInput,
    charter: CharterVersion,
    options: { datesFromPhases?: boolean } = {},
  ): Promise<Vote> {
    const vote = await this.createVote(manager, actorAccountId, input, charter, options);
    this.afterCommit.run(manager, () => this.enqueueDeadlines(vote));
    return vote;
  }

  /**
   * A consultative survey: several questions, one vote each, sharing a survey
   * id, one window and one electorate; created together or not at all.
   */
  async scheduleSurvey(user: AuthUser, input: ScheduleSurveyInput): Promise<Vote[]> {
    const surveyId = randomUUID();
    const votes = await this.dataSource.transaction(async (manager) => {
      const created: Vote[] = [];
      for (const question of input.questions) {
        created.push(
          await this.createVote(manager, user.accountId, {
            subjectType: VoteSubjectType.SurveyQuestion,
            decisionType: DecisionType.Referendum,
            titleFr: question.titleFr,
            titleEn: question.titleEn,
            electorateKind: input.electorateKind,
            electorateRef: input.electorateRef,
            options: question.options,
            grades: question.grades,
            rules: {
              method: question.method,
              minSelections: question.minSelections,
              maxSelections: question.maxSelections,
              choiceKind: question.method === VoteMethod.Choice ? ChoiceKind.OneOfN : undefined,
              // A survey asks opinions: no quorum, nothing to adopt.
              quorum: { kind: QuorumKind.None, numerator: 0, denominator: 1 },
              threshold: {
                numerator: 0,
                denominator: 1,
                comparison: ThresholdComparison.MoreThan,
                base: ThresholdBase.Cast,
              },
            },
            binding: false,
            surveyId,
            opensAt: input.opensAt,
            closesAt: input.closesAt,
          }),
        );
      }
      return created;
    });
    for (const vote of votes) await this.enqueueDeadlines(vote);
    return votes;
  }

  /** The rule of the decision type under `charter` (the version in force by default) fills what `input.rules` leaves out. */
  private async createVote(
    manager: EntityManager,
    actorAccountId: string | null,
    input: ScheduleVoteInput,
    pinned?: CharterVersion,
    options: { datesFromPhases?: boolean } = {},
  ): Promise<Vote> {
    const charter = pinned ?? (await this.charter.inForce(manager));
    const rule = await this.charter.ruleFor(input.decisionType, charter);
    if (!options.datesFromPhases) {
      const now = await this.dbNow(manager);
      const start = input.opensAt > now ? input.opensAt : now;
      assertMinVotingPeriod(rule, start, input.closesAt);
    }
    const overrides = input.rules ?? {};
    const method = overrides.method ?? rule.voteMethod;
    const threshold = overrides.threshold;
    const quorum = overrides.quorum;
    const draft = manager.create(Vote, {
      subjectType: input.subjectType,
      subjectId: input.subjectId ?? null,
      decisionType: input.decisionType,
      charterVersion: charter.version,
      titleFr: input.titleFr.trim(),
      titleEn: input.titleEn.trim(),
      electorateKind: input.electorateKind,
      electorateRef: input.electorateRef ?? null,
      method,
      choiceKind: method === VoteMethod.Choice ? (overrides.choiceKind ?? ChoiceKind.Motion) : null,
      options: input.options.map(({ id, labelFr, labelEn }) => ({ id, labelFr, labelEn })),
      grades: input.grades?.map(({ id, labelFr, labelEn }) => ({ id, labelFr, labelEn })) ?? null,
      seats: overrides.seats ?? 1,
      minSelections: overrides.minSelections ?? null,
      maxSelections: overrides.maxSelections ?? null,
      stvRules: overrides.stvRules ?? null,
      thresholdNumerator: threshold?.numerator ?? rule.thresholdNumerator,
      thresholdDenominator: threshold?.denominator ?? rule.thresholdDenominator,
      thresholdComparison: threshold?.comparison ?? rule.thresholdComparison,
      thresholdBase: threshold?.base ?? rule.thresholdBase,
      quorumKind: quorum?.kind ?? rule.quorumKind,
      quorumNumerator: quorum?.numerator ?? rule.quorumNumerator,
      quorumDenominator: quorum?.denominator ?? rule.quorumDenominator,
      secrecy: overrides.secrecy ?? rule.secrecy,
      collegeWeighting: overrides.collegeWeighting ?? rule.collegeWeighting,
      binding: input.binding,
      surveyId: input.surveyId ?? null,
      opensAt: input.opensAt,
      closesAt: input.closesAt,
      status: VoteStatus.Scheduled,
      version: 1,
      createdByAccountId: actorAccountId,
    });
    this.checkSettings(draft);
    const saved = await manager.save(Vote, draft);
    await this.audit.append(manager, {
      actorAccountId,
      action: 'vote.scheduled',
      entityType: 'vote',
      entityId: saved.id,
      data: { ...this.auditView(saved) },
    });
    return saved;
  }

  /** The board calls a referendum of all active members: yes or no, with the charter's participation quorum. */
  async callReferendum(user: AuthUser, input: CallReferendumInput): Promise<Vote> {
    return this.schedule(user, {
      subjectType: VoteSubjectType.Referendum,
      decisionType: DecisionType.Referendum,
      titleFr: input.titleFr,
      titleEn: input.titleEn,
      electorateKind: ElectorateKind.AllMembers,
      options: YES_NO,
      binding: input.binding,
      opensAt: input.opensAt,
      closesAt: input.closesAt,
    });
  }

  /**
   * Moves a vote's dates and bumps its version, so the jobs of the old dates
   * do nothing. Opening can move only while scheduled; closing, until closed.
   */
  async reschedule(user: AuthUser, input: RescheduleVoteInput): Promise<Vote> {
    const vote = await this.dataSource.transaction(async (manager) => {
      const current = await manager
        .getRepository(Vote)
        .createQueryBuilder('v')
        .setLock('pessimistic_write')
        .where('v.id = :id', { id: input.voteId })
        .getOne();
      if (!current) throw VotingErrors.VOTE_NOT_FOUND();
      const opensAt = input.opensAt ?? current.opensAt;
      if (current.status === VoteStatus.Open && input.opensAt)
        throw VotingErrors.VOTE_ALREADY_OPEN();
      if (current.status !== VoteStatus.Scheduled && current.status !== VoteStatus.Open)
        throw VotingErrors.VOTE_CLOSED();
      const now = await this.dbNow(manager);
      if (input.closesAt <= opensAt || input.closesAt <= now)
        throw this.invalidSettings('closesAt must be in the future and after opensAt');
      // An open vote's period runs from its opening; a scheduled one's from when it can open.
      const start = current.status === VoteStatus.Open || opensAt > now ? opensAt : now;
      if (current.decisionType) {
        const charter = await this.charter.byVersion(current.charterVersion);
        const rule = await this.charter.ruleFor(current.decisionType, charter);
        assertMinVotingPeriod(rule, start, input.closesAt);
      }
      const before = { opensAt: current.opensAt, closesAt: current.closesAt };
      await manager.query(
        `UPDATE vote SET opens_at = $2, closes_at = $3, version = version + 1, updated_at = now() WHERE id = $1`,
        [current.id, opensAt, input.closesAt],
      );
      const updated = await manager.findOneByOrFail(Vote, { id: current.id });
      await this.audit.append(manager, {
        actorAccountId: user.accountId,
        action: 'vote.rescheduled',
        entityType: 'vote',
        entityId: current.id,
        data: {
          before,
          after: { opensAt: updated.opensAt, closesAt: updated.closesAt },
          version: updated.version,
        },
      });
      return updated;
    });
    await this.enqueueDeadlines(vote);
    return vote;
  }

  private async dbNow(manager: EntityManager): Promise<Date> {
    const [{ now }] = await manager.query<{ now: Date }[]>('SELECT now() AS now');
    return now;
  }

  /** Redis down is no failure: the reconciler enqueues overdue transitions from PostgreSQL. */
  private async enqueueDeadlines(vote: Vote): Promise<void> {
    try {
      for (const job of voteDeadlineJobs(vote)) await this.scheduler.schedule(job);
    } catch (error) {
      this.logger.warn(`Deadlines of vote ${vote.id} not enqueued: ${(error as Error).message}`);
    }
  }

  private invalidSettings(reason: string) {
    return VotingErrors.INVALID_VOTE_SETTINGS({ reason }, { reason });
  }

  /** Settings the database cannot check alone; the tally is asked to count an empty vote to check the rest. */
  private checkSettings(vote: Vote): void {
    if (vote.closesAt <= vote.opensAt) throw this.invalidSettings('closesAt must be after opensAt');
    if (!this.electorates.has(vote.electorateKind))
      throw VotingErrors.ELECTORATE_UNAVAILABLE({ kind: vote.electorateKind });
    const needsRef =
      vote.electorateKind === ElectorateKind.Council ||
      vote.electorateKind === ElectorateKind.Assembly;
    if (needsRef !== !!vote.electorateRef)
      throw this.invalidSettings('a council or assembly electorate needs its id, others none');
    if ((vote.method === VoteMethod.MajorityJudgment) !== !!vote.grades)
      throw this.invalidSettings('grades are given for majority judgment, and only then');
    if (new Set(vote.options.map((o) => o.id)).size !== vote.options.length)
      throw this.invalidSettings('option ids must be distinct');
    if (vote.seats > vote.options.length) throw this.invalidSettings('more seats than candidates');
    if (vote.quorumKind === QuorumKind.Ratio && vote.quorumNumerator > vote.quorumDenominator)
      throw this.invalidSettings('a quorum ratio is at most 1');
    if (
      vote.minSelections !== null &&
      vote.maxSelections !== null &&
      vote.minSelections > vote.maxSelections
    )
      throw this.invalidSettings('minSelections exceeds maxSelections');
    try {
      countVote({ ...vote, id: 'settings-check', rollFingerprint: 'none' } as Vote, {
        groups: [],
        colleges: [],
        participations: 0,
        electorateQuorum: null,
      });
    } catch (error) {
      if (error instanceof TallyInputError) throw this.invalidSettings(error.message);
      throw error;
    }
  }

  private auditView(vote: Vote) {
    const { id: _id, createdAt: _c, updatedAt: _u, ...rest } = vote;
    return rest;
  }

  /** Results of several votes in one query, in the order of `voteIds` (null when not tallied). */
  async resultsOf(voteIds: readonly string[]): Promise<(VoteResult | null)[]> {
    const results = await this.dataSource
      .getRepository(VoteResult)
      .find({ where: { voteId: In([...voteIds]) } });
    const byVote = new Map(results.map((r) => [r.voteId, r]));
    return voteIds.map((id) => byVote.get(id) ?? null);
  }

  /** Has this member taken part (whoever cast it), and may the caller cast for them? */
  async participationOf(voteId: string, memberId: string) {
    const [row] = await this.dataSource.query<
      { onRoll: boolean; castBy: string | null; voted: boolean }[]
    >(
      `SELECT EXISTS (SELECT 1 FROM vote_roll WHERE vote_id = $1 AND member_id = $2) AS "onRoll",
              (SELECT cast_by_member_id FROM vote_roll WHERE vote_id = $1 AND member_id = $2) AS "castBy",
              EXISTS (SELECT 1 FROM participation WHERE vote_id = $1 AND member_id = $2) AS voted`,
      [voteId, memberId],
    );
    return row;
  }

  /** Roll entries a member casts for others (proxies held). */
  async heldEntries(voteId: string, memberId: string): Promise<string[]> {
    const rows = await this.dataSource.query<{ memberId: string }[]>(
      `SELECT member_id AS "memberId" FROM vote_roll
        WHERE vote_id = $1 AND cast_by_member_id = $2 AND member_id <> $2 ORDER BY member_id`,
      [voteId, memberId],
    );
    return rows.map((r) => r.memberId);
  }
}

const DAY_MS = 24 * 3600 * 1000;

/**
 * The charter's minimum voting period (`minVotingDays` of the decision's
 * rule): a vote may not close before that many days after voting starts.
 */
export function assertMinVotingPeriod(
  rule: Pick<DecisionRule, 'minVotingDays'>,
  start: Date,
  closesAt: Date,
): void {
  const earliest = new Date(start.getTime() + rule.minVotingDays * DAY_MS);
  if (closesAt < earliest)
    throw VotingErrors.VOTING_PERIOD_TOO_SHORT(
      { required: rule.minVotingDays, earliestCloseAt: earliest.toISOString() },
      { required: rule.minVotingDays, earliestCloseAt: earliest.toISOString() },
    );
}
