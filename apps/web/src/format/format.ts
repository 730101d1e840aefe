/**
 * Display formatting shared by every page: dates always in Montréal time,
 * money in CAD for the reader's locale, fractions kept exact.
 */
export type AppLocale = 'fr-CA' | 'en-CA';

export const TIME_ZONE = 'America/Montreal';

/** The API speaks "fr"/"en" (and accepts regional tags); the portal uses Canadian locales. */
export function toAppLocale(tag: string | null | undefined): AppLocale {
  return tag?.toLowerCase().startsWith('en') ? 'en-CA' : 'fr-CA';
}

export function formatDateTime(iso: string, locale: AppLocale): string {
  return new Intl.DateTimeFormat(locale, {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: TIME_ZONE,
  }).format(new Date(iso));
}

/** A calendar date. Plain `YYYY-MM-DD` dates have no time zone and are shown as written. */
export function formatDate(value: string, locale: AppLocale): string {
  const plainDate = /^\d{4}-\d{2}-\d{2}$/.test(value);
  return new Intl.DateTimeFormat(locale, {
    dateStyle: 'long',
    timeZone: plainDate ? 'UTC' : TIME_ZONE,
  }).format(new Date(plainDate ? `${value}T00:00:00Z` : value));
}

/**
 * Integer cents to currency text. The amount is handed to Intl as a decimal
 * string, so no binary floating point touches it, however large.
 */
export function formatMoney(cents: number | bigint, locale: AppLocale): string {
  const value = BigInt(cents);
  const negative = value < 0n;
  const magnitude = negative ? -value : value;
  const decimal = `${negative ? '-' : ''}${magnitude / 100n}.${String(magnitude % 100n).padStart(2, '0')}`;
  return new Intl.NumberFormat(locale, { style: 'currency', currency: 'CAD' }).format(
    decimal as unknown as number, // Intl.NumberFormat accepts exact decimal strings (ES2023).
  );
}

export interface Fraction {
  numerator: number;
  denominator: number;
}

/** "2/3 (66,7 %)": the exact fraction a rule states, with its percentage to help reading. */
export function formatFraction({ numerator, denominator }: Fraction, locale: AppLocale): string {
  const percent = new Intl.NumberFormat(locale, {
    style: 'percent',
    maximumFractionDigits: 1,
  }).format(numerator / denominator);
  return `${numerator}/${denominator} (${percent})`;
}
