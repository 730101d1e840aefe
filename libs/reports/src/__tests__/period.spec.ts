import { BEGINNING, resolvePeriod } from '../period';

describe('report period', () => {
  const now = new Date('2026-11-24T15:00:00Z');

  it('runs from the beginning of the records to now by default', () => {
    expect(resolvePeriod(undefined, now)).toEqual({ from: BEGINNING, to: now });
    expect(resolvePeriod({ from: new Date('2026-01-01T05:00:00Z') }, now)).toEqual({
      from: new Date('2026-01-01T05:00:00Z'),
      to: now,
    });
  });

  it('refuses a period that ends before it starts, or is empty', () => {
    const day = new Date('2026-04-01T04:00:00Z');
    expect(() => resolvePeriod({ from: day, to: day }, now)).toThrow('PERIOD_INVALID');
    expect(() => resolvePeriod({ from: now, to: day }, now)).toThrow('PERIOD_INVALID');
  });
});
