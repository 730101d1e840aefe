import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Secrecy } from '@delibera/charter';
import { AGE_BANDS, labelOf, MEMBER_CATEGORIES, regionLabel } from './labels';
import { Period } from './period';
import { ageBandSql, MEMBER_CATEGORY_SQL, TZ } from './report-sql';
import {
  ParticipationCellType,
  ParticipationMonthType,
  ParticipationReportType,
  VoteParticipationType,
} from './reports.types';
import { CountCell, publishCells, turnoutOf } from './suppression';

export type ParticipationDimension = 'college' | 'region' | 'ageBand' | 'category' | 'council';
export type VoteBreakdowns = Record<ParticipationDimension, ParticipationCellType[]>;

/** Votes that were open at some time in the period; scheduled votes have no roll yet. */
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
  WHERE v.status <> 'scheduled' AND v.opens_at < $2 AND v.closes_at >= $1`;

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

/** Participation in votes: turnout, quorum margin and breakdowns of the roll, aggregates only. */
@Injectable()
export class ParticipationReportService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async report(period: Period): Promise<ParticipationReportType> {
    return this.withoutJit((manager) => this.compute(manager, period));
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

  private async compute(manager: EntityManager, period: Period): Promise<ParticipationReportType> {
    const votes: Record<string, unknown>[] = await manager.query(
      `${VOTES_IN_PERIOD} ORDER BY v.closes_at DESC, v.id`,
      [period.from, period.to],
    );
    const months: Record<string, unknown>[] = await manager.query(
      `WITH votes AS (${VOTES_IN_PERIOD})
       SELECT to_char(closes_at AT TIME ZONE ${TZ}, 'YYYY-MM') AS month, count(*)::int AS votes,
              sum(eligible)::int AS eligible, sum(voters)::int AS voters,
              avg(voters::numeric / nullif(eligible, 0)) AS mean_turnout
       FROM votes GROUP BY 1 ORDER BY 1`,
      [period.from, period.to],
    );
    const rows = votes.map(toVoteParticipation);
    const eligible = rows.reduce((sum, v) => sum + v.eligible, 0);
    const voters = rows.reduce((sum, v) => sum + v.voters, 0);
    return {
      period,
      voteCount: rows.length,
      eligible,
      voters,
      turnout: turnoutOf(voters, eligible),
      votes: rows,
      overTime: months.map((m): ParticipationMonthType => ({
        month: String(m.month),
        votes: Number(m.votes),
        eligible: Number(m.eligible),
        voters: Number(m.voters),
        turnout: turnoutOf(Number(m.voters), Number(m.eligible)),
        meanTurnout:
          m.mean_turnout === null ? null : Math.round(Number(m.mean_turnout) * 10000) / 10000,
      })),
    };
  }

  /**
   * The breakdowns of some votes' rolls by college, region, age band (at the
   * close), member category and council seat, in two aggregate queries for
   * the whole batch; small cells of secret votes are suppressed.
   */
  breakdowns(voteIds: readonly string[]): Promise<VoteBreakdowns[]> {
    return this.withoutJit((manager) => this.breakdownsIn(manager, voteIds));
  }

  private async breakdownsIn(
    manager: EntityManager,
    voteIds: readonly string[],
  ): Promise<VoteBreakdowns[]> {
    // A closed vote's cells no longer change: count them once and keep them
    // (vote_breakdown); only open votes are counted on every request.
    const pending: { id: string; closed: boolean }[] = await manager.query(
      `SELECT v.id, v.status IN ('closed', 'tallied') AS closed FROM vote v
       WHERE v.id = ANY($1::uuid[]) AND NOT EXISTS (SELECT 1 FROM vote_breakdown b WHERE b.vote_id = v.id)`,
      [voteIds],
    );
    const toStore = pending.filter((v) => v.closed).map((v) => v.id);
    const open = pending.filter((v) => !v.closed).map((v) => v.id);
    if (toStore.length > 0)
      await manager.query(
        `WITH cells AS (${breakdownCellsSql('$1::uuid[]')})
         INSERT INTO vote_breakdown (vote_id, cells)
         SELECT t.id, coalesce(jsonb_agg(jsonb_build_object('dimension', c.dimension, 'key', c.key,
                  'eligible', c.eligible, 'voters', c.voters)) FILTER (WHERE c.vote_id IS NOT NULL), '[]')
         FROM unnest($1::uuid[]) AS t(id) LEFT JOIN cells c ON c.vote_id = t.id
         GROUP BY t.id
         ON CONFLICT (vote_id) DO NOTHING`,
        [toStore],
      );
    const cells: {
      vote_id: string;
      dimension: ParticipationDimension;
      key: string;
      eligible: number;
      voters: number;
    }[] = await manager.query(
      `SELECT b.vote_id, c.dimension, c.key, c.eligible, c.voters
       FROM vote_breakdown b
       CROSS JOIN LATERAL jsonb_to_recordset(b.cells) AS c(dimension text, key text, eligible int, voters int)
       WHERE b.vote_id = ANY($1::uuid[])
       UNION ALL
       SELECT * FROM (${breakdownCellsSql('$2::uuid[]')}) live
       ORDER BY 1, 2, 3`,
      [voteIds, open],
    );
    const secrecy: { id: string; secrecy: Secrecy }[] = await manager.query(
      `SELECT id, secrecy FROM vote WHERE id = ANY($1::uuid[])`,
      [voteIds],
    );
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
    const secret = new Set(secrecy.filter((v) => v.secrecy === Secrecy.Secret).map((v) => v.id));
    const byVote = new Map<string, typeof cells>();
    for (const cell of cells) {
      const list = byVote.get(cell.vote_id);
      if (list) list.push(cell);
      else byVote.set(cell.vote_id, [cell]);
    }
    return voteIds.map((voteId) => {
      const mine = byVote.get(voteId) ?? [];
      const publish = (dimension: ParticipationDimension): ParticipationCellType[] => {
        const counts: CountCell[] = mine.filter((c) => c.dimension === dimension);
        return publishCells(counts, {
          secret: secret.has(voteId),
          partition: dimension !== 'council',
        }).map((cell) => {
          const { fr, en } = label(dimension, cell.key);
          return { ...cell, labelFr: fr, labelEn: en };
        });
      };
      return {
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
