/**
 * A calendar year in Montréal as the reports' half-open period. January 1st
 * is always in standard time (UTC−5) in Québec, so midnight there is 05:00 UTC.
 */
export function yearPeriod(year: number): { from: string; to: string } {
  return {
    from: `${year}-01-01T05:00:00.000Z`,
    to: `${year + 1}-01-01T05:00:00.000Z`,
  };
}
