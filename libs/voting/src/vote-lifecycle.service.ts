import { Injectable, Logger } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditEntry, AuditService } from '@delibera/audit';
import { Secrecy } from '@delibera/charter';
import {
  AppConfig,
  AuthUser,
  DomainEvent,
  JobName,
  JobScheduler,
  ScheduledJob,
  VoteClosedEvent,
} from '@delibera/kernel';
import { NotificationKind, NotificationsService } from '@delibera/notifications';
import { GRADE_JUDGES_SQL, GRADE_ROWS_SQL, GROUPED_BALLOTS_SQL } from './ballots/grade-counts.sql';
import { BallotGroup, CountInput, countVote, JudgedGroup } from './ballots/vote-count';
import { ElectorateRegistry } from './electorate/electorate-registry';
import { announceResultJob, closeJobId, tallyJob, unlinkBallotsJob } from './jobs/vote-deadlines';
import { notifyRoll } from './notices/roll-notices';
import { Vote } from './vote.entity';
import { VoteResult } from './vote-result.entity';
import { VoteStatus } from './voting.enums';
import { VotingErrors } from './voting.errors';

/** Who asks for a transition: a job (due only, for its version) or a secretary (now). */
export type TransitionTrigger =
  { by: 'job'; version: number } | { by: 'secretary'; actor: AuthUser };

const actorOf = (trigger: TransitionTrigger) =>
  trigger.by === 'secretary' ? trigger.actor.accountId : null;

/**
 * Votes closed per sweep transaction. Only due votes are locked, whose casts
 * are refused anyway, so a long hold delays no valid ballot; the bound keeps
 * one transaction's audit batch in memory reasonable.
 */
const CLOSE_BATCH_SIZE = 1000;

/** A vote's rows as the tally reads them: the counts it checks, and what it counts. */
interface VoteTotals {
  counts: { participations: number; ballots: number; receipts: number };
  groups: BallotGroup[];
  judged: JudgedGroup[];
  colleges: CountInput['colleges'][number][];
}
type BallotTotals = Map<string, VoteTotals>;

/** Votes tallied per tally transaction: one commit and one audit lock hold for them all. */
const TALLY_BATCH_SIZE = 10;

/**
 * The dated transitions of a vote — open, close, tally — each one transaction
 * with a compare-and-set on the status, so running one twice, late, or from
 * two workers changes nothing more. A job acts only if its version is current
 * and the deadline has passed by database time; a secretary acts now.
 */
@Injectable()
export class VoteLifecycleService {
  private readonly logger = new Logger(VoteLifecycleService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly electorates: ElectorateRegistry,
    private readonly audit: AuditService,
    private readonly events: EventEmitter2,
    private readonly scheduler: JobScheduler,
    private readonly notifications: NotificationsService,
    private readonly config: AppConfig,
  ) {}

  /** Locks the vote row; FOR UPDATE waits for every cast holding its share lock. */
  private async lockVote(manager: EntityManager, voteId: string): Promise<Vote | null> {
    return manager
      .getRepository(Vote)
      .createQueryBuilder('v')
      .setLock('pessimistic_write')
      .where('v.id = :voteId', { voteId })
      .getOne();
  }

  /** Database time, read after the lock was granted (not the transaction's start): the only clock votes obey. */
  private async dbNow(manager: EntityManager): Promise<Date> {
    const [{ now }] = await manager.query<{ now: Date }[]>('SELECT clock_timestamp() AS now');
    return now;
  }

  /**
   * Locks the vote for a transition, or null when a job has nothing to act on
   * (the vote is gone, or the job is of an older version). A secretary acting
   * on a missing vote gets VOTE_NOT_FOUND.
   */
  private async lockForTransition(
    manager: EntityManager,
    voteId: string,
    trigger: TransitionTrigger,
  ): Promise<Vote | null> {
    const vote = await this.lockVote(manager, voteId);
    if (!vote && trigger.by === 'secretary') throw VotingErrors.VOTE_NOT_FOUND();
    if (!vote || (trigger.by === 'job' && vote.version !== trigger.version)) return null;
    return vote;
  }

  /**
   * Opens a scheduled vote: freezes the roll (one INSERT … SELECT), computes
   * its fingerprint, anchors it in the audit chain, and tells every member of
   * the roll (outbox, same transaction). Returns false when there was nothing
   * to do (already open, stale job, not due yet).
   */
  async open(voteId: string, trigger: TransitionTrigger): Promise<boolean> {
    const opened = await this.dataSource.transaction(async (manager) => {
      const vote = await this.lockForTransition(manager, voteId, trigger);
      if (!vote) return false;
      if (vote.status !== VoteStatus.Scheduled) {
        if (trigger.by === 'secretary' && vote.status !== VoteStatus.Open)
          throw VotingErrors.VOTE_CLOSED();
        return false;
      }
      const now = await this.dbNow(manager);
      if (trigger.by === 'job' && vote.opensAt > now) return false;
      if (now >= vote.closesAt) throw VotingErrors.VOTE_CLOSED();

      await this.freezeRoll(manager, vote, now);
      const [{ size, fingerprint }] = await manager.query<{ size: number; fingerprint: string }[]>(
        // The published formula: sha256 of "member:college:weight:castBy" lines sorted by member id.
        `SELECT count(*)::int AS size,
                encode(sha256(convert_to(coalesce(string_agg(
                  member_id::text || ':' || college_id::text || ':' || weight || ':' || cast_by_member_id::text,
                  E'\\n' ORDER BY member_id), ''), 'UTF8')), 'hex') AS fingerprint
           FROM vote_roll WHERE vote_id = $1`,
        [vote.id],
      );
      const anchor = await this.audit.append(manager, {
        actorAccountId: actorOf(trigger),
        action: 'vote.opened',
        entityType: 'vote',
        entityId: vote.id,
        data: { rollFingerprint: fingerprint, rollSize: size, version: vote.version },
        recordsChainHead: true,
      });
      // The audit event's hash anchors the roll; the head it follows is published on the vote.
      await manager.query(
        `UPDATE vote SET status = 'open', roll_fingerprint = $2, roll_size = $3, roll_audit_hash = $4,
                open_audit_seq = $5, open_audit_head = $6,
                opened_at = now(), opens_at = least(opens_at, now()), updated_at = now()
          WHERE id = $1 AND status = 'scheduled'`,
        [vote.id, fingerprint, size, anchor.hash, anchor.seq - 1, anchor.prevHash],
      );
      await this.announceOpening(manager, vote);
      return true;
    });
    if (opened) await this.notifications.kick();
    return opened;
  }

  /** "The vote is open until …" to each member of the frozen roll, in their language. */
  private async announceOpening(manager: EntityManager, vote: Vote): Promise<void> {
    const link = new URL(`/votes/${vote.id}`, this.config.PUBLIC_URL).toString();
    const closesAt = vote.closesAt.toISOString();
    await notifyRoll(manager, this.notifications, {
      voteId: vote.id,
      kind: NotificationKind.VoteOpened,
      onlyNotVoted: false,
      dedupeKey: (memberId) => `vote-opened:${vote.id}:${memberId}`,
      params: (member) => ({
        name: member.name,
        title: member.locale === 'en' ? vote.titleEn : vote.titleFr,
        closesAt,
        link,
      }),
    });
  }

  private async freezeRoll(manager: EntityManager, vote: Vote, at: Date): Promise<void> {
    const source = this.electorates.sourceFor(vote.electorateKind);
    // The college's weight is frozen with the roll: a later change of weights cannot alter this vote.
    if (source.rollQuery) {
      const query = await source.rollQuery(manager, vote.electorateRef, at);
      const voteParam = `$${query.params.length + 1}`;
      await manager.query(
        `INSERT INTO vote_roll (vote_id, member_id, college_id, weight, cast_by_member_id)
         SELECT ${voteParam}::uuid, r.member_id, r.college_id, c.weight, r.cast_by_member_id
           FROM (${query.sql}) r JOIN college c ON c.id = r.college_id`,
        [...query.params, vote.id],
      );
      return;
    }
    if (!source.roll) throw new Error(`Electorate source "${source.kind}" provides no roll`);
    const entries = await source.roll(manager, vote.electorateRef, at);
    await manager.query(
      `INSERT INTO vote_roll (vote_id, member_id, college_id, weight, cast_by_member_id)
       SELECT $1, e.member_id, e.college_id, c.weight, e.cast_by_member_id
         FROM unnest($2::uuid[], $3::uuid[], $4::uuid[]) AS e(member_id, college_id, cast_by_member_id)
         JOIN college c ON c.id = e.college_id`,
      [
        vote.id,
        entries.map((e) => e.memberId),
        entries.map((e) => e.collegeId),
        entries.map((e) => e.castByMemberId),
      ],
    );
  }

  /**
   * Closes a vote. A secretary closes that one vote now. A close job first
   * re-reads its own vote, without locking: if the job is stale (older
   * version), the vote is no longer open, or it is not due yet, it does
   * nothing. Otherwise it sweeps: closes EVERY vote that is due, in batches,
   * so a thousand votes closing at the same instant take a few short
   * transactions instead of a thousand serialised ones; the jobs of the
   * votes it swept then find them closed and do nothing. Returns whether
   * this call closed the given vote.
   */
  async close(voteId: string, trigger: TransitionTrigger): Promise<boolean> {
    if (trigger.by === 'job') {
      const [vote] = await this.dataSource.query<{ version: number; due: boolean }[]>(
        `SELECT version, closes_at <= now() AS due FROM vote WHERE id = $1 AND status = 'open'`,
        [voteId],
      );
      if (!vote?.due || vote.version !== trigger.version) return false;
      return (await this.closeDue()).includes(voteId);
    }
    const closed = await this.dataSource.transaction(async (manager) => {
      const vote = await this.lockForTransition(manager, voteId, trigger);
      if (!vote) return false;
      if (vote.status === VoteStatus.Scheduled) throw VotingErrors.VOTE_NOT_OPEN();
      if (vote.status !== VoteStatus.Open) return false;
      await this.closeLocked(manager, [vote.id], actorOf(trigger));
      return true;
    });
    if (closed) await this.enqueue([voteId], tallyJob);
    return closed;
  }

  /**
   * The secretary closes one vote now, and it is counted and published at
   * once: one vote needs no jobs (they find it done, whichever runs first).
   */
  async closeNow(voteId: string, actor: AuthUser): Promise<void> {
    await this.close(voteId, { by: 'secretary', actor });
    await this.tally(voteId);
    await this.unlinkBallots(voteId);
  }

  /**
   * Closes every open vote whose closesAt has passed by database time, in
   * transactions of at most `batchSize` votes (earliest deadline first), and
   * returns their ids. Concurrent sweeps lock rows in the same order, so they
   * wait for each other instead of deadlocking, and skip what the other closed.
   * The swept votes' own close jobs would find nothing to do: they are
   * withdrawn, so the tallies queued behind them start at once.
   */
  async closeDue(batchSize = CLOSE_BATCH_SIZE): Promise<string[]> {
    const closed: string[] = [];
    // Done while the next batch closes, not before it.
    const followUps: Promise<void>[] = [];
    for (;;) {
      const batch = await this.dataSource.transaction(async (manager) => {
        // FOR UPDATE waits for the casts in flight (they hold FOR SHARE): see closeLocked.
        const due = await manager.query<{ id: string }[]>(
          `SELECT id FROM vote WHERE status = 'open' AND closes_at <= now()
            ORDER BY closes_at, id LIMIT $1 FOR UPDATE`,
          [batchSize],
        );
        return due.length > 0
          ? this.closeLocked(
              manager,
              due.map((v) => v.id),
              null,
            )
          : [];
      });
      closed.push(...batch.map((v) => v.id));
      if (batch.length > 0) followUps.push(this.afterSweep(batch));
      if (batch.length < batchSize) {
        await Promise.all(followUps);
        return closed;
      }
    }
  }

  /** Redis may be down: stale close jobs then do nothing, and the reconciler enqueues the tallies. */
  private async afterSweep(swept: { id: string; version: number }[]): Promise<void> {
    try {
      await this.scheduler.withdraw(JobName.CloseVote, swept.map(closeJobId));
    } catch (error) {
      this.logger.warn(`Close jobs not withdrawn: ${(error as Error).message}`);
    }
    await this.enqueue(
      swept.map((v) => v.id),
      tallyJob,
    );
  }

  /**
   * Closes open votes whose rows this transaction holds FOR UPDATE. The lock
   * was granted only once every cast in flight (holding FOR SHARE) had
   * committed, so every ballot is either counted by the tally or, cast later,
   * sees the vote closed and is refused VOTE_CLOSED. Records one audit event
   * per vote, all under one hold of the audit lock, then publishes each vote's
   * chain head on its row. Nothing here reads ballots: counting them (and
   * checking participations = ballots = receipts) is the tally's, and a
   * closed vote's counts cannot change, so closing stays a few index lookups.
   */
  private async closeLocked(
    manager: EntityManager,
    voteIds: string[],
    actorAccountId: string | null,
  ): Promise<{ id: string; version: number }[]> {
    const closed = await manager.query<{ id: string; version: number }[]>(
      `WITH closed AS (
         UPDATE vote SET status = 'closed', closed_at = clock_timestamp(),
                closes_at = least(closes_at, clock_timestamp()), updated_at = now()
          WHERE id = ANY($1::uuid[]) AND status = 'open'
         RETURNING id, version)
       SELECT id, version FROM closed ORDER BY id`,
      [voteIds],
    );
    const events = await this.audit.appendMany(
      manager,
      closed.map(({ id, version }) => ({
        actorAccountId,
        action: 'vote.closed',
        entityType: 'vote',
        entityId: id,
        data: { version, closedTogether: closed.length },
        recordsChainHead: true,
      })),
    );
    if (events.length === 0) return closed;
    // Each vote publishes the head its own close event follows (also in the event's data).
    await manager.query(
      `UPDATE vote v SET close_audit_seq = h.seq, close_audit_head = h.hash
         FROM unnest($1::uuid[], $2::bigint[], $3::text[]) AS h(id, seq, hash)
        WHERE v.id = h.id`,
      [events.map((e) => e.entityId), events.map((e) => e.seq - 1), events.map((e) => e.prevHash)],
    );
    return closed;
  }

  /**
   * Same contents, new random ids, inserted in random order by one
   * transaction, erasing the physical trail (row order, inserting
   * transaction) that could link a secret ballot to its participation.
   */
  private async shuffleBallots(manager: EntityManager, voteId: string): Promise<void> {
    await manager.query(
      `WITH moved AS (DELETE FROM ballot WHERE vote_id = $1 RETURNING content, college_id, receipt_hash)
       INSERT INTO ballot (id, vote_id, content, college_id, receipt_hash)
       SELECT gen_random_uuid(), $1, content, college_id, receipt_hash FROM moved ORDER BY random()`,
      [voteId],
    );
  }

  /**
   * The next step of each vote (its tally, unlinking, announcement). Redis
   * may be down: the reconciler (VotesOverdue) enqueues what is left later.
   */
  private async enqueue(voteIds: string[], job: (voteId: string) => ScheduledJob): Promise<void> {
    if (voteIds.length === 0) return;
    try {
      await this.scheduler.scheduleMany(voteIds.map(job));
    } catch (error) {
      this.logger.warn(
        `${voteIds.length} ${job(voteIds[0]).name} jobs not all enqueued: ${(error as Error).message}`,
      );
    }
  }

  /**
   * What counting needs, read for several votes at once (a tally batch reads
   * five queries, not five per vote): participations, identical ballots
   * grouped and majority judgment's added up (their sums are the ballots,
   * their distinct receipts the receipts), and the roll's colleges.
   */
  private async ballotTotals(manager: EntityManager, voteIds: string[]): Promise<BallotTotals> {
    const participations = await manager.query<{ voteId: string; participations: number }[]>(
      `SELECT v.id AS "voteId",
              (SELECT count(*)::int FROM participation p WHERE p.vote_id = v.id) AS participations
         FROM unnest($1::uuid[]) AS v(id)`,
      [voteIds],
    );
    // Majority judgment's ballots that count come added up (GRADE_*), the others grouped.
    const groups = await manager.query<(BallotGroup & { voteId: string; receipts: number })[]>(
      GROUPED_BALLOTS_SQL,
      [voteIds],
    );
    const judges = await manager.query<
      { voteId: string; collegeId: string | null; judges: number; receipts: number }[]
    >(GRADE_JUDGES_SQL, [voteIds]);
    const gradeRows = await manager.query<
      {
        voteId: string;
        collegeId: string | null;
        candidate: string;
        grade: number;
        count: number;
      }[]
    >(GRADE_ROWS_SQL, [voteIds]);
    const colleges = await manager.query<
      { voteId: string; collegeId: string; weight: number; voters: number }[]
    >(
      `SELECT vote_id AS "voteId", college_id AS "collegeId", max(weight)::int AS weight,
              count(*)::int AS voters
         FROM vote_roll WHERE vote_id = ANY($1::uuid[])
        GROUP BY vote_id, college_id ORDER BY vote_id, college_id`,
      [voteIds],
    );
    const of = <T extends { voteId: string }>(rows: T[], voteId: string) =>
      rows.filter((row) => row.voteId === voteId).map(({ voteId: _, ...rest }) => rest);
    const sum = (rows: { count: number; receipts: number }[], key: 'count' | 'receipts') =>
      rows.reduce((total, row) => total + row[key], 0);
    return new Map(
      participations.map(({ voteId, participations }) => {
        const own = of(groups, voteId);
        const rows = of(gradeRows, voteId);
        const judged = of(judges, voteId).map(({ collegeId, judges, receipts }) => ({
          collegeId,
          judges,
          receipts,
          rows: rows
            .filter((row) => row.collegeId === collegeId)
            .map(({ candidate, grade, count }) => ({ candidate, grade, count })),
        }));
        const counts = {
          participations,
          ballots: sum(own, 'count') + judged.reduce((total, j) => total + j.judges, 0),
          receipts: sum(own, 'receipts') + judged.reduce((total, j) => total + j.receipts, 0),
        };
        return [
          voteId,
          {
            counts,
            groups: own.map(({ receipts: _, ...group }) => group),
            judged: judged.map(({ receipts: _, ...group }) => group),
            colleges: of(colleges, voteId),
          },
        ];
      }),
    );
  }

  private async countInput(
    manager: EntityManager,
    vote: Vote,
    totals: VoteTotals,
  ): Promise<CountInput> {
    const { participations } = totals.counts;
    const source = this.electorates.sourceFor(vote.electorateKind);
    const electorateQuorum = source.quorum
      ? await source.quorum(manager, vote.electorateRef, {
          id: vote.id,
          electorateRef: vote.electorateRef,
          rollSize: vote.rollSize ?? 0,
          participations,
        })
      : null;
    return {
      groups: totals.groups,
      judged: totals.judged,
      colleges: totals.colleges,
      participations,
      electorateQuorum,
    };
  }

  /**
   * Counts a closed vote and stores its result once, and with it up to
   * TALLY_BATCH_SIZE - 1 other closed votes no other tally holds (SKIP
   * LOCKED: never waits, so never deadlocks), in one transaction: one commit
   * and one hold of the audit lock for the batch. Their own jobs then find
   * them tallied. Returns this vote's result; a count mismatch on it refuses
   * publication, loudly (a mismatched other vote is left to its own job).
   * The secret votes tallied are then queued to have their ballots unlinked.
   */
  async tally(voteId: string): Promise<VoteResult | null> {
    const secret: string[] = [];
    const named: string[] = [];
    const outcome = await this.dataSource.transaction(async (manager) => {
      secret.length = 0; // a retried transaction starts over
      named.length = 0;
      const vote = await this.lockVote(manager, voteId);
      if (!vote) return null;
      if (vote.status === VoteStatus.Tallied)
        return { result: await manager.findOneByOrFail(VoteResult, { voteId }) };
      if (vote.status !== VoteStatus.Closed) return null;
      const others = await manager
        .getRepository(Vote)
        .createQueryBuilder('v')
        .setLock('pessimistic_write')
        .setOnLocked('skip_locked')
        .where("v.status = 'closed' AND v.id <> :voteId", { voteId })
        .orderBy('v.closedAt')
        .addOrderBy('v.id')
        .take(TALLY_BATCH_SIZE - 1)
        .getMany();
      const audits: AuditEntry[] = [];
      const totals = await this.ballotTotals(manager, [vote.id, ...others.map((v) => v.id)]);
      const own = await this.tallyLocked(manager, vote, totals, audits);
      for (const other of others) await this.tallyAlongside(manager, other, totals, audits);
      // Last statement before commit: the global audit lock is held only through the commit.
      await this.audit.appendMany(manager, audits);
      const tallied = new Set(audits.map((a) => a.entityId));
      for (const v of [vote, ...others]) {
        if (tallied.has(v.id)) (v.secrecy === Secrecy.Secret ? secret : named).push(v.id);
      }
      return own;
    });
    // A secret vote is announced once its ballots are published too (unlinkBallots).
    await this.enqueue(secret, unlinkBallotsJob);
    await this.enqueue(named, announceResultJob);
    if (outcome && 'mismatch' in outcome) {
      await this.reportMismatch(voteId, outcome.mismatch);
      throw VotingErrors.COUNT_MISMATCH(outcome.mismatch);
    }
    return outcome?.result ?? null;
  }

  /**
   * Another vote's tally, in a savepoint: if it fails, it is rolled back
   * alone and left to its own job (which fails loudly), and this job's
   * vote is not held hostage.
   */
  private async tallyAlongside(
    manager: EntityManager,
    vote: Vote,
    totals: BallotTotals,
    audits: AuditEntry[],
  ): Promise<void> {
    try {
      await manager.transaction((savepoint) => this.tallyLocked(savepoint, vote, totals, audits));
    } catch (error) {
      this.logger.warn(`Vote ${vote.id} left to its own tally job: ${(error as Error).message}`);
    }
  }

  /**
   * Tallies a closed vote this transaction holds FOR UPDATE: checks
   * participations = ballots = receipts, stores the result, moves the vote
   * to tallied and emits VoteClosed, so the proposal's decision commits with
   * the result. The audit entry, with the checked counts, is left in
   * `audits` for the caller to append last. A secret vote's ballots are
   * unlinked afterwards (unlinkBallots), before any of them is published.
   */
  private async tallyLocked(
    manager: EntityManager,
    vote: Vote,
    totals: BallotTotals,
    audits: AuditEntry[],
  ): Promise<{ result: VoteResult } | { mismatch: Record<string, number> }> {
    const read = totals.get(vote.id)!;
    const { counts } = read;
    if (counts.participations !== counts.ballots || counts.ballots !== counts.receipts)
      return { mismatch: counts };
    const count = countVote(vote, await this.countInput(manager, vote, read));
    const result = await manager.save(
      VoteResult,
      manager.create(VoteResult, {
        voteId: vote.id,
        outcome: count.outcome,
        quorumMet: count.quorum.met,
        eligible: count.quorum.eligible,
        participations: count.quorum.participating,
        // Ballot rows, not the tally's total: weighted totals are not counts.
        ballots: counts.ballots,
        winners: count.winners,
        canonical: count.canonical,
        hash: count.hash,
      }),
    );
    await manager.query(
      `UPDATE vote SET status = 'tallied', updated_at = now() WHERE id = $1 AND status = 'closed'`,
      [vote.id],
    );
    const event: VoteClosedEvent = {
      manager,
      voteId: vote.id,
      subjectType: vote.subjectType,
      subjectId: vote.subjectId,
      outcome: count.outcome,
      winners: count.winners,
    };
    await this.events.emitAsync(DomainEvent.VoteClosed, event);
    audits.push({
      actorAccountId: null,
      action: 'vote.tallied',
      entityType: 'vote',
      entityId: vote.id,
      data: {
        outcome: count.outcome,
        resultHash: count.hash,
        winners: count.winners,
        ...counts,
      },
    });
    return { result };
  }

  /**
   * Rewrites a tallied secret vote's ballots in random order (see
   * shuffleBallots) and marks them unlinked, which publishes them. Done once
   * the result is out, so publishing results is not held up by rewriting a
   * million rows; ballots, receipts and participants wait for it. Returns
   * false when there is nothing to do (named, not tallied, already done).
   */
  async unlinkBallots(voteId: string): Promise<boolean> {
    const done = await this.dataSource.transaction(async (manager) => {
      const vote = await this.lockVote(manager, voteId);
      if (!vote || vote.status !== VoteStatus.Tallied || vote.secrecy !== Secrecy.Secret)
        return false;
      if (vote.ballotsUnlinkedAt) return false;
      await this.shuffleBallots(manager, vote.id);
      await manager.query(`UPDATE vote SET ballots_unlinked_at = now() WHERE id = $1`, [vote.id]);
      return true;
    });
    if (done) await this.enqueue([voteId], announceResultJob);
    return done;
  }

  /**
   * Tells each member of the roll that the result is out, once per vote: in
   * one transaction, the outbox notices and the mark. A secret vote waits
   * for its ballots to be published, so a voter can check their receipt.
   */
  async announceResult(voteId: string): Promise<boolean> {
    const announced = await this.dataSource.transaction(async (manager) => {
      const vote = await this.lockVote(manager, voteId);
      if (!vote || vote.status !== VoteStatus.Tallied || vote.resultAnnouncedAt) return false;
      if (vote.secrecy === Secrecy.Secret && !vote.ballotsUnlinkedAt) return false;
      const link = new URL(`/votes/${vote.id}`, this.config.PUBLIC_URL).toString();
      await notifyRoll(manager, this.notifications, {
        voteId: vote.id,
        kind: NotificationKind.VoteResultPublished,
        onlyNotVoted: false,
        dedupeKey: (memberId) => `vote-result:${vote.id}:${memberId}`,
        params: (member) => ({
          name: member.name,
          title: member.locale === 'en' ? vote.titleEn : vote.titleFr,
          link,
        }),
      });
      await manager.query(`UPDATE vote SET result_announced_at = now() WHERE id = $1`, [vote.id]);
      return true;
    });
    if (announced) await this.notifications.kick();
    return announced;
  }

  private async reportMismatch(voteId: string, counts: Record<string, number>): Promise<void> {
    this.logger.error(
      `Vote ${voteId}: participations, ballots and receipts do not match (${JSON.stringify(counts)}); result NOT published`,
    );
    await this.dataSource.transaction((manager) =>
      this.audit.append(manager, {
        actorAccountId: null,
        action: 'vote.count_mismatch',
        entityType: 'vote',
        entityId: voteId,
        data: counts,
      }),
    );
  }

  /** Recounts from the stored ballots and says whether the published result is reproduced byte for byte. */
  async recount(
    voteId: string,
  ): Promise<{ matches: boolean; storedHash: string; recountHash: string }> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const vote = await manager.findOneBy(Vote, { id: voteId });
      if (!vote) throw VotingErrors.VOTE_NOT_FOUND();
      const stored = await manager.findOneBy(VoteResult, { voteId });
      if (!stored) throw VotingErrors.VOTE_NOT_CLOSED();
      const totals = await this.ballotTotals(manager, [vote.id]);
      const count = countVote(vote, await this.countInput(manager, vote, totals.get(vote.id)!));
      return {
        matches: count.hash === stored.hash && count.canonical === stored.canonical,
        storedHash: stored.hash,
        recountHash: count.hash,
      };
    });
  }
}
