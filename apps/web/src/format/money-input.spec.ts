import { centsToInput, parseMoney } from './money-input';

describe('parseMoney', () => {
  it.each([
    ['1234,56', 123456],
    ['1 234,56 $', 123456],
    ['1\u00a0234,5', 123450],
    ['$1,234.56', 123456],
    ['1234.56', 123456],
    ['1,234', 123400],
    ['1.234.567,89', 123456789],
    ['250', 25000],
    ['0,01', 1],
  ])('reads %s as %i cents', (text, cents) => {
    expect(parseMoney(text)).toBe(cents);
  });

  it.each(['', 'abc', '-5', '12,345,6', '1,2,3', '12.3.4.5'])('refuses %s', (text) => {
    expect(parseMoney(text)).toBeNull();
  });

  it('round-trips what it shows for editing', () => {
    expect(centsToInput(123456, 'fr-CA')).toBe('1234,56');
    expect(centsToInput(5, 'en-CA')).toBe('0.05');
    expect(parseMoney(centsToInput(987654, 'fr-CA'))).toBe(987654);
  });
});
