/**
 * The day a term of `months` months from `start` (YYYY-MM-DD) ends: the same
 * day of the month, or the month's last day when it has no such day (a term
 * from 31 January ends on 28 or 29 February, not in March).
 */
export function addMonths(start: string, months: number): string {
  const [year, month, day] = start.split('-').map(Number);
  const end = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(end.getUTCFullYear(), end.getUTCMonth() + 1, 0)).getUTCDate();
  end.setUTCDate(Math.min(day, lastDay));
  return end.toISOString().slice(0, 10);
}
