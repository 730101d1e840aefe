import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Secrecy } from '@delibera/charter';
import {
  CommonErrors,
  ConnectionShape,
  decodeCursor,
  keysetPage,
  pageSize,
} from '@delibera/kernel';
import { AGE_BANDS, labelOf, MEMBER_CATEGORIES, regionLabel } from './labels';
import { Period } from './period';
import { ageBandSql, MEMBER_CATEGORY_SQL, TZ } from './report-sql';
import {
  ParticipationCellType,
  ParticipationMonthType,
  ParticipationReportType,
  ParticipationReportWithVotes,
  VoteParticipationType,
} from './reports.types';
import { CountCell, publishCells, turnoutOf } from './suppression';

export type ParticipationDimension = 'college' | 'region' | 'ageBand' | 'category' | 'council';
export type VoteBreakdowns = Record<ParticipationDimension, ParticipationCellType[]> & {
  /** When the cells were counted: after the close (final), or at the last refresh of an open vote. */
  asOf: Date | null;
  final: boolean;
};

/** Vote v was open at some time in the period [$1, $2); scheduled votes have no roll yet. */
const IN_PERIOD = `v.status <> 'scheduled' AND v.opens_at < $2 AND v.closes_at >= $1`;

/** The votes of the period with their turnout and quorum. */
const VOTES_IN_PERIOD = `
  SELECT v.id, v.title_fr, v.title_en, v.secrecy, v.status, v.opens_at, v.closes_at,
         coalesce(v.roll_size, 0) AS eligible,
         -- a published result holds the count; an open vote is counted live
         coalesce(r.participations, (SELECT count(*) FROM participation p WHERE p.vote_id = v.id))::int AS voters,
         -- an assembly's vote is held to the assembly's quorum, measured when it closed
         coalesce(q.required, CASE v.quorum_kind
           WHEN 'ratio' THEN ceil(coalesce(v.roll_size, 0)::numeric * v.quorum_numerator / v.quorum_denominator)::int
           WHEN 'count' THEN v.quorum_numerator END) AS quorum_required,
         r.quorum_met, r.outcome
  FROM vote v
  LEFT JOIN vote_result r ON r.vote_id = v.id
  LEFT JOIN assembly_vote_quorum q ON q.vote_id = v.id
  WHERE ${IN_PERIOD}`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const MICROSECOND_ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

/** A votes cursor's (closes_at, id) key, checked before it reaches SQL. */
function voteCursor(cursor: string): [string, string] {
  const [closesAt, id] = decodeCursor(cursor);
  if (typeof closesAt !== 'string' || !MICROSECOND_ISO.test(closesAt) || !UUID.test(id)) {
    throw CommonErrors.INVALID_CURSOR();
  }
  return [closesAt, id];
}

const AT_CLOSE = `(v.closes_at AT TIME ZONE ${TZ})::date`;

/**
 * The breakdowns of the rolls of the votes in `ids` (an SQL uuid[]
 * expression: an array, not a subquery, so PostgreSQL estimates the rolls'
 * size and hash-joins them) by college, region, age band (at the close), member category
 * and council seat: (vote_id, dimension, key, eligible, voters).
 */
function breakdownCellsSql(ids: string): string {
  return `WITH roll AS (
           SELECT r.vote_id, r.college_id::text AS college, m.region::text AS region,
                  ${ageBandSql(AT_CLOSE)} AS age_band, ${MEMBER_CATEGORY_SQL} AS category,
                  p.member_id IS NOT NULL AS voted
           FROM vote_roll r
           JOIN vote v ON v.id = r.vote_id
           JOIN member m ON m.id = r.member_id
           LEFT JOIN (SELECT vote_id, member_id FROM participation WHERE vote_id = ANY(${ids})) p
            ON p.vote_id = r.vote_id AND p.member_id = r.member_id
           WHERE r.vote_id = ANY(${ids}))
         SELECT vote_id,
                CASE WHEN GROUPING(college) = 0 THEN 'college' WHEN GROUPING(region) = 0 THEN 'region'
                     WHEN GROUPING(age_band) = 0 THEN 'ageBand' ELSE 'category' END AS dimension,
                coalesce(college, region, age_band, category) AS key,
                count(*)::int AS eligible, count(*) FILTER (WHERE voted)::int AS voters
         FROM roll
         GROUP BY GROUPING SETS ((vote_id, college), (vote_id, region), (vote_id, age_band), (vote_id, category))
         UNION ALL
         -- members seated on a council when the vote closed (a member may sit on several)
         SELECT r.vote_id, 'council', s.council_id::text, count(*)::int, count(p.member_id)::int
         FROM vote_roll r
         JOIN vote v ON v.id = r.vote_id
         JOIN council_seat s ON s.member_id = r.member_id AND s.status IN ('active', 'ended')
          AND s.term_start <= ${AT_CLOSE} AND s.term_end >= ${AT_CLOSE}
         LEFT JOIN (SELECT vote_id, member_id FROM participation WHERE vote_id = ANY(${ids})) p
           ON p.vote_id = r.vote_id AND p.member_id = r.member_id
         WHERE r.vote_id = ANY(${ids})
         GROUP BY r.vote_id, s.council_id`;
}

/**
 * Stores the cells of the votes in $1 (uuid[]) counted now: `final` for closed
 * votes (never replaced), else an open vote's snapshot (replaced by the next
 * refresh, or by its final cells). statement_timestamp(): the data counted is
 * as of this statement, not of its transaction's start.
 */
function storeCellsSql(final: boolean): string {
  return `WITH cells AS (${breakdownCellsSql('$1::uuid[]')})
    INSERT INTO vote_breakdown (vote_id, cells, final, stored_at)
    SELECT t.id, coalesce(jsonb_agg(jsonb_build_object('dimension', c.dimension, 'key', c.key,
             'eligible', c.eligible, 'voters', c.voters) ORDER BY c.dimension, c.key)
             FILTER (WHERE c.vote_id IS NOT NULL), '[]'),
           ${final}, statement_timestamp()
    FROM vote t LEFT JOIN cells c ON c.vote_id = t.id
    WHERE t.id = ANY($1::uuid[])
    GROUP BY t.id
    ON CONFLICT (vote_id) DO UPDATE SET cells = excluded.cells, final = excluded.final, stored_at = excluded.stored_at
    WHERE NOT vote_breakdown.final`;
}

/** Participation in votes: turnout, quorum margin and breakdowns of the roll, aggregates only. */
@Injectable()
export class ParticipationReportService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * The whole report, every vote of the period and, with `breakdowns`, their
   * breakdowns (the accountability report prints them all).
   */
  async report(
    period: Period,
    options: { breakdowns?: boolean } = {},
  ): Promise<ParticipationReportWithVotes> {
    return this.withoutJit(async (manager) => {
      const summary = await this.summaryIn(manager, period);
      const votes = await this.votesIn(manager, period, null, options);
      return { ...summary, votes: votes.map((v) => v.node) };
    });
  }

  /** The period's totals and months, over all its votes. */
  summary(period: Period): Promise<ParticipationReportType> {
    return this.withoutJit((manager) => this.summaryIn(manager, period));
  }

  /**
   * A page of the period's votes, latest closing first (keyset on closes_at,
   * id); with `breakdowns`, the page's votes' breakdowns (one read).
   */
  votes(
    period: Period,
    page: { first?: number; after?: string },
    options: { breakdowns?: boolean } = {},
  ): Promise<ConnectionShape<VoteParticipationType>> {
    const first = pageSize(page);
    const after = page.after ? voteCursor(page.after) : null;
    return this.withoutJit(async (manager) => {
      const [[{ count }], rows] = await Promise.all([
        manager.query(`SELECT count(*)::int AS count FROM vote v WHERE ${IN_PERIOD}`, [
          period.from,
          period.to,
        ]) as Promise<{ count: number }[]>,
        this.votesIn(manager, period, { first: first + 1, after }, options),
      ]);
      return keysetPage(
        rows,
        first,
        count,
        (row) => row.key,
        (row) => row.node,
      );
    });
  }

  /**
   * Runs read-only report queries in one transaction without JIT: their
   * estimates (a subquery per vote, millions of roll rows) make PostgreSQL
   * JIT-compile them, which took longer (0.2 to 0.5 s) than running them.
   */
  private withoutJit<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SET LOCAL jit = off');
      return work(manager);
    });
  }

  private async summaryIn(
    manager: EntityManager,
    period: Period,
  ): Promise<ParticipationReportType> {
    const months: Record<string, string | number | null>[] = await manager.query(
      `WITH votes AS (${VOTES_IN_PERIOD})
       SELECT to_char(v.closes_at AT TIME ZONE ${TZ}, 'YYYY-MM') AS month, count(*)::int AS votes,
              sum(v.eligible)::bigint AS eligible, sum(v.voters)::bigint AS voters,
              avg(v.voters::numeric / nullif(v.eligible, 0)) AS mean_turnout
       FROM votes v GROUP BY 1 ORDER BY 1`,
      [period.from, period.to],
    );
    const overTime = months.map((m): ParticipationMonthType => ({
      month: String(m.month),
      votes: Number(m.votes),
      eligible: Number(m.eligible),
      voters: Number(m.voters),
      turnout: turnoutOf(Number(m.voters), Number(m.eligible)),
      meanTurnout:
        m.mean_turnout === null ? null : Math.round(Number(m.mean_turnout) * 10000) / 10000,
    }));
    const eligible = overTime.reduce((sum, m) => sum + m.eligible, 0);
    const voters = overTime.reduce((sum, m) => sum + m.voters, 0);
    return {
      period,
      voteCount: overTime.reduce((sum, m) => sum + m.votes, 0),
      eligible,
      voters,
      turnout: turnoutOf(voters, eligible),
      overTime,
    };
  }

  /**
   * The period's votes, latest closing first, each with its cursor key: all of
   * them, or `page.first` after a cursor's key. One query for both, so the
   * page and the whole list cannot disagree.
   */
  private async votesIn(
    manager: EntityManager,
    period: Period,
    page: { first: number; after: [string, string] | null } | null,
    options: { breakdowns?: boolean },
  ): Promise<{ key: [string, string]; node: VoteParticipationType }[]> {
    const rows: Record<string, unknown>[] = await manager.query(
      `WITH votes AS (${VOTES_IN_PERIOD})
       -- the key with microseconds: a JS Date would round closes_at to the millisecond
       SELECT v.*, to_char(v.closes_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS closes_key
       FROM votes v
       WHERE $3::timestamptz IS NULL OR (v.closes_at, v.id) < ($3::timestamptz, $4::uuid)
       ORDER BY v.closes_at DESC, v.id DESC
       LIMIT $5`,
      [
        period.from,
        period.to,
        page?.after?.[0] ?? null,
        page?.after?.[1] ?? null,
        page?.first ?? null,
      ],
    );
    const votes = rows.map((row) => ({
      key: [String(row.closes_key), String(row.id)] as [string, string],
      node: toVoteParticipation(row),
    }));
    if (options.breakdowns && votes.length > 0) {
      const breakdowns = await this.breakdownsIn(
        manager,
        votes.map((v) => v.node.voteId),
      );
      votes.forEach(({ node }, i) => {
        const b = breakdowns[i];
        Object.assign(node, {
          byCollege: b.college,
          byRegion: b.region,
          byAgeBand: b.ageBand,
          byCategory: b.category,
          byCouncil: b.council,
          breakdownsAsOf: b.asOf,
          breakdownsFinal: b.final,
        });
      });
    }
    return votes;
  }

  /**
   * The breakdowns of some votes' rolls by college, region, age band (at the
   * close), member category and council seat, read from vote_breakdown: a
   * closed vote's final cells, an open vote's as of the last refresh. Cells
   * missing there (a vote closed before its tally stored them, one opened
   * since the last refresh) are counted and stored first. Small cells of
   * secret votes are suppressed.
   */
  breakdowns(voteIds: readonly string[]): Promise<VoteBreakdowns[]> {
    return this.withoutJit((manager) => this.breakdownsIn(manager, voteIds));
  }

  /**
   * Counts and stores closed votes' final cells: their roll and participation
   * no longer change. Called in the tally transaction (VoteBreakdownListener).
   */
  async storeFinalCells(manager: EntityManager, voteIds: readonly string[]): Promise<void> {
    if (voteIds.length === 0) return;
    await manager.query('SET LOCAL jit = off');
    await manager.query(storeCellsSql(true), [voteIds]);
  }

  /** Counts every open vote's cells again (the refresh job); returns how many votes. */
  refreshOpenCells(): Promise<number> {
    return this.withoutJit(async (manager) => {
      const open: { id: string }[] = await manager.query(
        `SELECT id FROM vote WHERE status = 'open' ORDER BY id`,
      );
      const ids = open.map((v) => v.id);
      if (ids.length > 0) await manager.query(storeCellsSql(false), [ids]);
      return ids.length;
    });
  }

  private async breakdownsIn(
    manager: EntityManager,
    voteIds: readonly string[],
  ): Promise<VoteBreakdowns[]> {
    type Stored = {
      id: string;
      secrecy: Secrecy;
      closed: boolean;
      cells: (CountCell & { dimension: ParticipationDimension })[] | null;
      stored_at: Date | null;
      final: boolean | null;
    };
    // The stored cells as jsonb, one row per vote (parsed by JSON.parse, not row by row).
    const read = (ids: readonly string[]): Promise<Stored[]> =>
      manager.query(
        `SELECT v.id, v.secrecy, v.status IN ('closed', 'tallied') AS closed, b.cells, b.stored_at, b.final
         FROM vote v LEFT JOIN vote_breakdown b ON b.vote_id = v.id
         WHERE v.id = ANY($1::uuid[])`,
        [ids],
      );
    const stored = new Map((await read(voteIds)).map((v) => [v.id, v]));
    const missing = [...stored.values()].filter((v) => !v.stored_at || (v.closed && !v.final));
    if (missing.length > 0) {
      await this.storeFinalCells(
        manager,
        missing.filter((v) => v.closed).map((v) => v.id),
      );
      const open = missing.filter((v) => !v.closed).map((v) => v.id);
      if (open.length > 0) await manager.query(storeCellsSql(false), [open]);
      for (const v of await read(missing.map((m) => m.id))) stored.set(v.id, v);
    }
    const names: { kind: string; id: string; name_fr: string; name_en: string }[] =
      await manager.query(
        `SELECT 'college' AS kind, id::text, name_fr, name_en FROM college
         UNION ALL SELECT 'council', id::text, name_fr, name_en FROM council`,
      );
    const nameOf = new Map(
      names.map((n) => [`${n.kind}:${n.id}`, { fr: n.name_fr, en: n.name_en }]),
    );
    const label = (dimension: ParticipationDimension, key: string) => {
      if (dimension === 'region') return regionLabel(key);
      if (dimension === 'ageBand') return labelOf(AGE_BANDS, key);
      if (dimension === 'category') return labelOf(MEMBER_CATEGORIES, key);
      return nameOf.get(`${dimension}:${key}`) ?? { fr: key, en: key };
    };
    return voteIds.map((voteId) => {
      const vote = stored.get(voteId);
      const byDimension = new Map<ParticipationDimension, CountCell[]>();
      for (const cell of vote?.cells ?? []) {
        const list = byDimension.get(cell.dimension);
        if (list) list.push(cell);
        else byDimension.set(cell.dimension, [cell]);
      }
      const publish = (dimension: ParticipationDimension): ParticipationCellType[] =>
        publishCells(byDimension.get(dimension) ?? [], {
          secret: vote?.secrecy === Secrecy.Secret,
          partition: dimension !== 'council',
        }).map((cell) => {
          // A literal of one shape rather than a spread: thousands of cells per report.
          const { fr, en } = label(dimension, cell.key);
          return {
            key: cell.key,
            eligible: cell.eligible,
            voters: cell.voters,
            turnout: cell.turnout,
            suppressed: cell.suppressed,
            labelFr: fr,
            labelEn: en,
          };
        });
      return {
        asOf: vote?.stored_at ?? null,
        final: vote?.final ?? false,
        college: publish('college'),
        region: publish('region'),
        ageBand: publish('ageBand'),
        category: publish('category'),
        council: publish('council'),
      };
    });
  }
}

function toVoteParticipation(v: Record<string, unknown>): VoteParticipationType {
  const eligible = Number(v.eligible);
  const voters = Number(v.voters);
  const required = v.quorum_required === null ? null : Number(v.quorum_required);
  return {
    voteId: String(v.id),
    titleFr: String(v.title_fr),
    titleEn: String(v.title_en),
    secrecy: v.secrecy as Secrecy,
    status: String(v.status),
    opensAt: v.opens_at as Date,
    closesAt: v.closes_at as Date,
    eligible,
    voters,
    turnout: turnoutOf(voters, eligible),
    quorumRequired: required,
    quorumMargin: required === null ? null : voters - required,
    quorumMet: (v.quorum_met as boolean | null) ?? null,
    outcome: (v.outcome as string | null) ?? null,
  };
}
