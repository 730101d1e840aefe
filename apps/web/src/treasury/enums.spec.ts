import { parseYear } from './enums';

describe('parseYear', () => {
  it('reads a four-digit year', () => {
    expect(parseYear('2027')).toBe(2027);
  });

  it('is null while the year is incomplete, empty or not digits', () => {
    for (const text of ['', '202', '20270', '2O27', ' 2027', '-202']) {
      expect(parseYear(text)).toBeNull();
    }
  });
});
