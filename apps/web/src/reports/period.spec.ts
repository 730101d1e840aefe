import { yearPeriod } from './period';

describe('yearPeriod', () => {
  it('runs from midnight on January 1st to the next, Montréal time', () => {
    const { from, to } = yearPeriod(2026);
    const montreal = (iso: string) =>
      new Intl.DateTimeFormat('en-CA', {
        timeZone: 'America/Montreal',
        dateStyle: 'short',
        timeStyle: 'short',
        hourCycle: 'h23',
      }).format(new Date(iso));
    expect(montreal(from)).toBe('2026-01-01, 00:00');
    expect(montreal(to)).toBe('2027-01-01, 00:00');
  });
});
