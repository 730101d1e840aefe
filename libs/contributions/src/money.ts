/**
 * The largest single amount accepted anywhere (100 M$): sums over every call
 * of a campaign then stay exact as JavaScript numbers (below 2^53 cents).
 */
export const MAX_AMOUNT_CENTS = 10_000_000_000;

/**
 * Decimal amounts as banks write them ("1234.56", "1 234,56") to integer
 * cents, by string arithmetic: a float never touches money.
 * Returns null when the text is not an amount.
 */
export function parseAmountToCents(text: string): number | null {
  const compact = text.trim().replace(/[\s\u00a0\u202f$]/g, '');
  const match = /^(-?)(\d+)(?:[.,](\d{1,2}))?$/.exec(compact);
  if (!match) return null;
  const [, sign, units, fraction = ''] = match;
  const cents = Number(units) * 100 + Number(fraction.padEnd(2, '0'));
  if (!Number.isSafeInteger(cents)) return null;
  return sign ? -cents : cents;
}

/** Cents as a French-Canadian amount for messages: 123456 → "1 234,56 $". */
export function formatCents(cents: number, locale: 'fr' | 'en' = 'fr'): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const units = Math.floor(abs / 100).toString();
  const fraction = (abs % 100).toString().padStart(2, '0');
  if (locale === 'en') return `${sign}$${units.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${fraction}`;
  return `${sign}${units.replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0')},${fraction}\u00a0$`;
}

/** Value of volunteer time at an hourly rate, rounded half up to the cent, in integers. */
export function volunteerValueCents(minutes: number, hourlyRateCents: number): number {
  return Math.floor((minutes * hourlyRateCents + 30) / 60);
}
