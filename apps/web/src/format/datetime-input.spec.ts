import { fromMontrealInput, montrealInputInDays, toMontrealInput } from './datetime-input';

describe('datetime-local values in Montréal time', () => {
  it('reads a winter wall clock as UTC−5 and a summer one as UTC−4', () => {
    expect(fromMontrealInput('2026-12-01T19:00')).toBe('2026-12-02T00:00:00.000Z');
    expect(fromMontrealInput('2026-07-01T19:00')).toBe('2026-07-01T23:00:00.000Z');
  });

  it('writes an instant as Montréal’s wall clock', () => {
    expect(toMontrealInput('2026-12-02T00:00:00.000Z')).toBe('2026-12-01T19:00');
    expect(toMontrealInput('2026-07-01T23:30:00.000Z')).toBe('2026-07-01T19:30');
  });

  it('round-trips around the autumn change, keeping the first 01:30 of the repeated hour', () => {
    // 2026-11-01: clocks go back from 02:00 EDT to 01:00 EST.
    const iso = fromMontrealInput('2026-11-01T01:30');
    expect(iso).toBe('2026-11-01T05:30:00.000Z');
    expect(toMontrealInput(iso!)).toBe('2026-11-01T01:30');
    expect(fromMontrealInput('2026-11-01T03:00')).toBe('2026-11-01T08:00:00.000Z');
  });

  it('gives the hour skipped in spring an instant after the change', () => {
    // 2026-03-08: 02:00 EST jumps to 03:00 EDT; 02:30 does not exist on the wall.
    const iso = fromMontrealInput('2026-03-08T02:30')!;
    expect(new Date(iso).getTime()).toBeGreaterThanOrEqual(Date.parse('2026-03-08T07:00:00Z'));
    expect(new Date(iso).getTime()).toBeLessThanOrEqual(Date.parse('2026-03-08T08:00:00Z'));
  });

  it('refuses what is not a datetime-local value', () => {
    expect(fromMontrealInput('')).toBeNull();
    expect(fromMontrealInput('2026-12-01')).toBeNull();
    expect(fromMontrealInput('2026-13-45T99:00')).toBeNull();
  });

  it('proposes a default at the hour, days ahead', () => {
    expect(montrealInputInDays(7, new Date('2026-12-01T15:42:00Z'))).toBe('2026-12-08T10:00');
  });
});
