import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DecidingBody, DecisionType } from '@delibera/charter';
import { ConsultationStatus, OpinionPosition } from '@delibera/proposals';
import { Period } from './period';
import { DecisionRecordType, DecisionRegisterType } from './reports.types';

/** Published opinions only: a draft or unpublished opinion is the council's own business. */
const OPINIONS = `coalesce((
  SELECT json_agg(json_build_object(
           'councilId', c.id, 'councilCode', c.code, 'nameFr', c.name_fr, 'nameEn', c.name_en,
           'status', cr.status, 'dueAt', cr.due_at, 'answeredAt', cr.answered_at,
           'position', CASE WHEN o.status = 'published' THEN o.position END,
           'publishedAt', o.published_at) ORDER BY c.code)
  FROM consultation_request cr
  JOIN council c ON c.id = cr.council_id
  LEFT JOIN council_opinion o ON o.id = cr.opinion_id
  WHERE cr.proposal_id = p.id), '[]'::json)`;

/**
 * The register of decisions: proposals decided in the period, and votes that
 * decide on their own (referendums, elections, council opinions, assembly
 * items), with the deciding body under the charter version they ran under.
 */
const REGISTER = `
  SELECT 'proposal' AS kind, p.id AS proposal_id, v.id AS vote_id,
         coalesce((SELECT a.assembly_id FROM agenda_item a WHERE a.ref_id = p.id ORDER BY a.position LIMIT 1),
                  CASE WHEN v.electorate_kind = 'assembly' THEN v.electorate_ref END) AS assembly_id,
         p.title AS title_fr, p.title AS title_en, p.decision_type::text, r.deciding_body::text,
         p.decided_at, p.status::text AS result,
         vr.eligible, vr.participations AS voters, vr.quorum_met, vr.hash, ${OPINIONS} AS opinions
  FROM proposal p
  LEFT JOIN decision_rule r ON r.charter_version_id = p.charter_version_id AND r.decision_type = p.decision_type
  LEFT JOIN vote v ON v.subject_type = 'proposal' AND v.subject_id = p.id
  LEFT JOIN vote_result vr ON vr.vote_id = v.id
  WHERE p.status IN ('adopted', 'rejected', 'quorum_not_met', 'implemented')
    AND p.decided_at >= $1 AND p.decided_at < $2
  UNION ALL
  SELECT 'vote',
         -- a council's opinion links to the proposal it was consulted on
         (SELECT cr.proposal_id FROM council_opinion o JOIN consultation_request cr ON cr.id = o.consultation_id
           WHERE v.subject_type = 'council_opinion' AND o.id = v.subject_id),
         v.id, CASE WHEN v.electorate_kind = 'assembly' THEN v.electorate_ref END,
         v.title_fr, v.title_en, v.decision_type::text, r.deciding_body::text,
         vr.created_at, vr.outcome, vr.eligible, vr.participations, vr.quorum_met, vr.hash, '[]'::json
  FROM vote v
  JOIN vote_result vr ON vr.vote_id = v.id
  LEFT JOIN charter_version cv ON cv.version = v.charter_version
  LEFT JOIN decision_rule r ON r.charter_version_id = cv.id AND r.decision_type = v.decision_type
  WHERE v.subject_type NOT IN ('proposal', 'survey_question')
    AND vr.created_at >= $1 AND vr.created_at < $2
  ORDER BY decided_at, title_fr`;

@Injectable()
export class DecisionRegisterService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async register(period: Period): Promise<DecisionRegisterType> {
    const rows: Record<string, unknown>[] = await this.dataSource.query(REGISTER, [
      period.from,
      period.to,
    ]);
    return { period, decisions: rows.map(toRecord) };
  }
}

interface OpinionJson {
  councilId: string;
  councilCode: string;
  nameFr: string;
  nameEn: string;
  status: ConsultationStatus;
  dueAt: string;
  answeredAt: string | null;
  position: OpinionPosition | null;
  publishedAt: string | null;
}

const dateOrNull = (value: string | null) => (value === null ? null : new Date(value));

function toRecord(r: Record<string, unknown>): DecisionRecordType {
  return {
    kind: String(r.kind),
    proposalId: (r.proposal_id as string | null) ?? null,
    voteId: (r.vote_id as string | null) ?? null,
    assemblyId: (r.assembly_id as string | null) ?? null,
    titleFr: String(r.title_fr),
    titleEn: String(r.title_en),
    decisionType: (r.decision_type as DecisionType | null) ?? null,
    decidingBody: (r.deciding_body as DecidingBody | null) ?? null,
    decidedAt: r.decided_at as Date,
    result: String(r.result),
    eligible: r.eligible === null ? null : Number(r.eligible),
    voters: r.voters === null ? null : Number(r.voters),
    quorumMet: (r.quorum_met as boolean | null) ?? null,
    resultHash: (r.hash as string | null) ?? null,
    opinions: (r.opinions as OpinionJson[]).map((o) => ({
      ...o,
      dueAt: new Date(o.dueAt),
      answeredAt: dateOrNull(o.answeredAt),
      publishedAt: dateOrNull(o.publishedAt),
    })),
  };
}
