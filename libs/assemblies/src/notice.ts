import { DecisionRule, DecisionType } from '@delibera/charter';
import { AssemblyKind } from './assemblies.enums';

const DAY_MS = 86_400_000;

/**
 * Days of notice the charter requires to convene an assembly with this
 * agenda: for a general assembly, the longest `minNoticeDays` among the rules
 * of the decisions on its agenda, and at least the ordinary-resolution notice
 * (the deed's notice for any general assembly). Council and public meetings
 * take no binding decision, so the charter sets them no notice.
 */
export function requiredNoticeDays(
  kind: AssemblyKind,
  rules: readonly Pick<DecisionRule, 'decisionType' | 'minNoticeDays'>[],
  agendaDecisionTypes: readonly DecisionType[],
): number {
  if (kind !== AssemblyKind.GeneralAssembly) return 0;
  const wanted = new Set<DecisionType>([DecisionType.OrdinaryResolution, ...agendaDecisionTypes]);
  return Math.max(
    0,
    ...rules.filter((rule) => wanted.has(rule.decisionType)).map((rule) => rule.minNoticeDays),
  );
}

/** Whole days between the notice and the start, rounded down: 13.9 days is not 14 days of notice. */
export function noticeDaysGiven(noticeAt: Date, startsAt: Date): number {
  return Math.floor((startsAt.getTime() - noticeAt.getTime()) / DAY_MS);
}
