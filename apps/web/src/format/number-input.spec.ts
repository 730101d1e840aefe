import { fraction, wholeNumber } from './number-input';

describe('wholeNumber', () => {
  it('reads a whole number within bounds, an empty field as undefined, anything else as null', () => {
    expect(wholeNumber(' 12 ', 0, 365)).toBe(12);
    expect(wholeNumber('', 0, 365)).toBeUndefined();
    expect(wholeNumber('  ', 0, 365)).toBeUndefined();
    for (const text of ['1.5', '-1', '366', 'abc', '1e2x'])
      expect(wholeNumber(text, 0, 365)).toBeNull();
  });
});

describe('fraction', () => {
  it.each([
    ['2/3', { numerator: 2, denominator: 3 }],
    [' 1 / 2 ', { numerator: 1, denominator: 2 }],
    ['3/4', { numerator: 3, denominator: 4 }],
  ])('reads %s', (text, expected) => {
    expect(fraction(text)).toEqual(expected);
  });

  it('reads an empty field as undefined and refuses anything but n/d with d > 0', () => {
    expect(fraction('')).toBeUndefined();
    for (const text of ['2/0', '0.66', '2:3', '-1/2', '2/3/4', 'deux tiers', '12345/2'])
      expect(fraction(text)).toBeNull();
  });
});
