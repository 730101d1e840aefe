import { addMonths } from '../term';

describe('addMonths (a seat term’s end)', () => {
  it.each([
    ['2026-11-24', 24, '2028-11-24'],
    ['2026-01-31', 1, '2026-02-28'],
    ['2027-12-31', 2, '2028-02-29'],
    ['2028-02-29', 12, '2029-02-28'],
    ['2026-08-31', 13, '2027-09-30'],
    ['2026-03-15', 120, '2036-03-15'],
  ])('%s + %i months = %s', (start, months, end) => {
    expect(addMonths(start, months)).toBe(end);
  });
});
