import { TRUST_TIME_ZONE } from '@delibera/kernel';

/** Today's date (YYYY-MM-DD) in Québec: a call due on the 31st is overdue from the 1st, local time. */
export function quebecToday(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: TRUST_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}
