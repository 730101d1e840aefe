import { ReportErrors } from './reports.errors';

/** A half-open interval [from, to) of instants. */
export interface Period {
  from: Date;
  to: Date;
}

/** The trust's records start well after this: an open start means "since the beginning". */
export const BEGINNING = new Date('2000-01-01T00:00:00Z');

/** The period a report covers: the given bounds, else from the beginning to now. Reversed periods are refused. */
export function resolvePeriod(
  input: { from?: Date | null; to?: Date | null } | undefined | null,
  now: Date,
): Period {
  const to = input?.to ?? now;
  const from = input?.from ?? BEGINNING;
  if (!(from.getTime() < to.getTime())) throw ReportErrors.PERIOD_INVALID();
  return { from, to };
}
