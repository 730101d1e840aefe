import { formatDate, formatDateTime, formatFraction, formatMoney, toAppLocale } from './format';

// Intl separates groups and units with narrow/no-break spaces; compare on plain spaces.
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('formatMoney', () => {
  it('writes cents as dollars the French-Canadian way', () => {
    expect(plain(formatMoney(150000, 'fr-CA'))).toBe('1 500,00 $');
  });

  it('writes cents as dollars the English-Canadian way', () => {
    expect(formatMoney(150000, 'en-CA')).toBe('$1,500.00');
  });

  it('keeps every cent of amounts beyond floating-point precision', () => {
    expect(formatMoney(9007199254740993n, 'en-CA')).toBe('$90,071,992,547,409.93');
  });

  it('shows negative amounts and single cents', () => {
    expect(formatMoney(-5, 'en-CA')).toBe('-$0.05');
  });
});

describe('dates', () => {
  // 2026-03-08 07:30 UTC is 03:30 EDT in Montréal, the morning daylight saving starts.
  const instant = '2026-03-08T07:30:00Z';

  it('shows instants in Montréal time, whatever the machine’s zone', () => {
    expect(plain(formatDateTime(instant, 'fr-CA'))).toBe('8 mars 2026 à 03 h 30');
    expect(plain(formatDateTime(instant, 'en-CA'))).toBe('March 8, 2026 at 3:30 a.m.');
  });

  it('shows the Montréal calendar day of a late-evening instant', () => {
    expect(formatDate('2026-01-01T03:00:00Z', 'en-CA')).toBe('December 31, 2025');
  });

  it('shows plain dates as written', () => {
    expect(formatDate('2026-01-01', 'fr-CA')).toBe('1 janvier 2026');
  });
});

describe('formatFraction', () => {
  it('keeps the exact fraction and adds a localised percentage', () => {
    expect(plain(formatFraction({ numerator: 2, denominator: 3 }, 'fr-CA'))).toBe('2/3 (66,7 %)');
    expect(formatFraction({ numerator: 1, denominator: 2 }, 'en-CA')).toBe('1/2 (50%)');
  });
});

describe('toAppLocale', () => {
  it('maps the API locales to Canadian locales, French by default', () => {
    expect(toAppLocale('en')).toBe('en-CA');
    expect(toAppLocale('fr')).toBe('fr-CA');
    expect(toAppLocale(undefined)).toBe('fr-CA');
  });
});
