import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ProposalStatus } from '@delibera/proposals';
import { labelOf, PROPOSAL_STATUSES } from './labels';
import { Period } from './period';
import { ProposalPipelineType } from './reports.types';

/** Days, to the second or so: phases can last minutes as well as months. */
const days = (value: unknown) => Math.round(Number(value) * 1e5) / 1e5;

/**
 * Each stay of a proposal in a phase, from the audit trail: every transition
 * is appended as `proposal.<to>` with `{ from, to }` in the transaction that
 * made it, and a proposal starts as a draft (`proposal.drafted`). A stay ends
 * at the next transition; the last one is still running.
 */
const STAYS = `
  SELECT entity_id::uuid AS proposal_id,
         CASE WHEN action = 'proposal.drafted' THEN 'draft' ELSE data->>'to' END AS phase,
         occurred_at AS entered_at,
         lead(occurred_at) OVER (PARTITION BY entity_id ORDER BY seq) AS left_at
  FROM audit_event
  WHERE entity_type = 'proposal' AND (action = 'proposal.drafted' OR (data ? 'from' AND data ? 'to'))`;

/** The proposal pipeline: where proposals stand, how long phases take, which initiatives expired. */
@Injectable()
export class PipelineReportService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async report(period: Period): Promise<ProposalPipelineType> {
    const params = [period.from, period.to];
    const statuses: { status: ProposalStatus; n: number }[] = await this.dataSource.query(
      `SELECT status, count(*)::int AS n FROM proposal
       WHERE created_at >= $1 AND created_at < $2 GROUP BY status ORDER BY status`,
      params,
    );
    // Phases that hold a proposal until someone or a deadline moves it on; decided states are final.
    const phases: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT phase, count(*)::int AS n,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM left_at - entered_at)) / 86400 AS median,
              percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM left_at - entered_at)) / 86400 AS p90
       FROM (${STAYS}) s
       WHERE left_at >= $1 AND left_at < $2
         AND phase IN ('draft', 'submitted', 'support', 'consultation', 'deliberation', 'voting')
       GROUP BY phase
       ORDER BY array_position(ARRAY['draft', 'submitted', 'support', 'consultation', 'deliberation', 'voting'], phase)`,
      params,
    );
    const expired: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT p.id, p.title, p.support_ends_at,
              (SELECT count(*) FROM proposal_cosignature s WHERE s.proposal_id = p.id)::int AS cosignatures,
              cv.initiative_cosignatures AS required
       FROM proposal p LEFT JOIN charter_version cv ON cv.id = p.charter_version_id
       WHERE p.status = 'expired' AND p.support_ends_at >= $1 AND p.support_ends_at < $2
       ORDER BY p.support_ends_at, p.title`,
      params,
    );
    return {
      period,
      byStatus: statuses.map(({ status, n }) => {
        const label = labelOf(PROPOSAL_STATUSES, status);
        return { status, labelFr: label.fr, labelEn: label.en, count: Number(n) };
      }),
      timeInPhase: phases.map((p) => {
        const label = labelOf(PROPOSAL_STATUSES, String(p.phase));
        return {
          phase: p.phase as ProposalStatus,
          labelFr: label.fr,
          labelEn: label.en,
          proposals: Number(p.n),
          medianDays: days(p.median),
          p90Days: days(p.p90),
        };
      }),
      expiredInitiatives: expired.map((e) => ({
        proposalId: String(e.id),
        title: String(e.title),
        supportEndsAt: (e.support_ends_at as Date | null) ?? null,
        cosignatures: Number(e.cosignatures),
        required: Number(e.required ?? 0),
      })),
    };
  }
}
