/** Locales a member can use. French (Québec) is the trust's default. */
export const LOCALES = ['fr', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'fr';

/** A text in every supported locale: nothing a member sees exists in one language only. */
export type Localized<T = string> = Record<Locale, T>;

/** Picks the first supported language of an `Accept-Language` header (`en-CA,en;q=0.8`). */
export function localeFromAcceptLanguage(header: string | undefined | null): Locale {
  if (!header) return DEFAULT_LOCALE;
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag, ...params] = part.trim().toLowerCase().split(';');
      const q = params.find((p) => p.trim().startsWith('q='));
      return { lang: tag.split('-')[0], q: q ? Number(q.trim().slice(2)) : 1 };
    })
    .filter((entry) => !Number.isNaN(entry.q))
    .sort((a, b) => b.q - a.q);
  const match = ranked.find((entry) => (LOCALES as readonly string[]).includes(entry.lang));
  return (match?.lang as Locale | undefined) ?? DEFAULT_LOCALE;
}

/**
 * The caller's language for an HTTP request: an explicit `?lang=fr|en` (a
 * download link opened in a browser cannot set headers) wins over
 * `Accept-Language`; anything else falls back to the header.
 */
export function localeOfRequest(query: unknown, acceptLanguage: string | undefined | null): Locale {
  const lang = (query as { lang?: unknown } | undefined)?.lang;
  if (typeof lang === 'string' && (LOCALES as readonly string[]).includes(lang.toLowerCase()))
    return lang.toLowerCase() as Locale;
  return localeFromAcceptLanguage(acceptLanguage);
}

/** Replaces `{name}` placeholders; unknown placeholders are left visible rather than hidden. */
export function interpolate(template: string, params: Record<string, unknown> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    key in params ? String(params[key]) : whole,
  );
}

/** The trust's time zone: every date a member reads is in Montréal time. */
export const TRUST_TIME_ZONE = 'America/Montreal';

const QUEBEC_DATE = new Intl.DateTimeFormat('en-CA', {
  timeZone: TRUST_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/**
 * The date (YYYY-MM-DD) of an instant in Québec, today's by default, not
 * UTC's: from 19:00 or 20:00 in Montréal, UTC is already tomorrow. A call due
 * on the 31st is overdue from the 1st, a seat approved in the evening starts
 * that day, a consultation due at 23:59 is due that day, local time.
 */
export function quebecDate(at: Date = new Date()): string {
  return QUEBEC_DATE.format(at);
}

/** Built once: formatting runs for every notice of a mailing to thousands of members. */
const DATE_TIME_FORMATS: Record<Locale, Intl.DateTimeFormat> = {
  fr: new Intl.DateTimeFormat('fr-CA', {
    timeZone: TRUST_TIME_ZONE,
    dateStyle: 'long',
    timeStyle: 'short',
  }),
  en: new Intl.DateTimeFormat('en-CA', {
    timeZone: TRUST_TIME_ZONE,
    dateStyle: 'long',
    timeStyle: 'short',
  }),
};

/** A date and time as a member reads it, e.g. « 24 novembre 2026 à 14 h 05 » or "November 24, 2026 at 2:05 p.m.". */
export function formatDateTime(date: Date, locale: Locale): string {
  return DATE_TIME_FORMATS[locale].format(date);
}
