import { Audience, DecidingBody, DecisionRule } from '@delibera/charter';
import {
  ConsultationRequest,
  ConsultationStatus,
} from './consultation/consultation-request.entity';

/** Who may take part in a proposal's life, as the application enforces it. */
export enum Participation {
  /** Any active member may draft, co-sign an initiative, propose amendments and argue. */
  AllMembers = 'all_members',
  /** Members of a consulted council draft and adopt its opinion. */
  ConsultedCouncilMembers = 'consulted_council_members',
  /** The secretary tables, cancels and records implementation. */
  Secretary = 'secretary',
}

export interface ConsultedCouncilRight {
  councilCode: string;
  /** Null until the proposal enters consultation. */
  request: ConsultationRequest | null;
  status: ConsultationStatus | null;
}

export interface DecisionRights {
  participates: Participation[];
  /** Deliberation happens in the open thread (all members) and, per consulted council, in its restricted thread. */
  deliberates: string[];
  consulted: ConsultedCouncilRight[];
  decides: DecidingBody;
  informed: Audience[];
}

/**
 * The seeds' five questions answered for one proposal from its charter rule
 * and its consultation requests. Pure, so the view cannot drift from the rule.
 */
export function decisionRights(
  rule: DecisionRule,
  requests: (ConsultationRequest & { councilCode: string })[],
): DecisionRights {
  const consulted = rule.consultedCouncils.map((code) => {
    const request = requests.find((r) => r.councilCode === code) ?? null;
    return { councilCode: code, request, status: request?.status ?? null };
  });
  return {
    participates: [
      Participation.AllMembers,
      ...(consulted.length > 0 ? [Participation.ConsultedCouncilMembers] : []),
      Participation.Secretary,
    ],
    deliberates: ['all_members', ...rule.consultedCouncils],
    consulted,
    decides: rule.decidingBody,
    informed: rule.informed,
  };
}
