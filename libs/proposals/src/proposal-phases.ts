import { DecisionRule } from '@delibera/charter';
import { ProposalErrors } from './proposals.errors';

export type PhaseMinimums = Pick<
  DecisionRule,
  'minNoticeDays' | 'minConsultationDays' | 'minDeliberationDays' | 'minVotingDays'
>;

export interface PhaseDates {
  /** Null when the rule consults no council: deliberation starts at once. */
  consultationEndsAt: Date | null;
  deliberationEndsAt: Date;
  votingOpensAt: Date;
  votingClosesAt: Date;
}

export type RequestedDates = Partial<Record<keyof PhaseDates, Date | null>>;

const DAY_MS = 24 * 3600 * 1000;
const plusDays = (from: Date, days: number) => new Date(from.getTime() + days * DAY_MS);

/**
 * The dates of a proposal's phases from `start` (when consultation or
 * deliberation begins), each as late as requested but never earlier than the
 * charter's minimum durations allow; each phase's minimum counts from the end
 * of the one before, and voting opens no earlier than the notice period.
 *
 * `onTooSoon: 'refuse'` (a member's request at submission) throws
 * DEADLINE_TOO_SOON; `'defer'` (recomputing later, e.g. when an initiative's
 * support ends) moves a date that has become too soon to its new minimum.
 */
export function phaseDates(
  rule: PhaseMinimums,
  start: Date,
  consults: boolean,
  requested: RequestedDates = {},
  onTooSoon: 'refuse' | 'defer' = 'refuse',
): PhaseDates {
  const pick = (field: keyof PhaseDates, earliest: Date): Date => {
    const wanted = requested[field];
    if (!wanted) return earliest;
    if (wanted.getTime() >= earliest.getTime()) return wanted;
    if (onTooSoon === 'defer') return earliest;
    throw ProposalErrors.DEADLINE_TOO_SOON({ field, earliest: earliest.toISOString() });
  };
  const consultationEndsAt = consults
    ? pick('consultationEndsAt', plusDays(start, rule.minConsultationDays))
    : null;
  const deliberationEndsAt = pick(
    'deliberationEndsAt',
    plusDays(consultationEndsAt ?? start, rule.minDeliberationDays),
  );
  const noticeEnds = plusDays(start, rule.minNoticeDays);
  const votingOpensAt = pick(
    'votingOpensAt',
    noticeEnds > deliberationEndsAt ? noticeEnds : deliberationEndsAt,
  );
  const votingClosesAt = pick('votingClosesAt', plusDays(votingOpensAt, rule.minVotingDays));
  return { consultationEndsAt, deliberationEndsAt, votingOpensAt, votingClosesAt };
}

export function supportEndsAt(start: Date, initiativeSupportDays: number): Date {
  return plusDays(start, initiativeSupportDays);
}
