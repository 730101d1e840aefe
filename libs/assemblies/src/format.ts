import { Locale } from '@delibera/kernel';

/** The trust sits in Québec: dates members read are in Eastern time. */
const TIME_ZONE = 'America/Toronto';

const formats: Record<Locale, Intl.DateTimeFormat> = {
  fr: new Intl.DateTimeFormat('fr-CA', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: TIME_ZONE,
  }),
  en: new Intl.DateTimeFormat('en-CA', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: TIME_ZONE,
  }),
};

export function formatDateTime(date: Date, locale: Locale): string {
  return formats[locale].format(date);
}

/** The title in the reader's language. */
export function localTitle(item: { titleFr: string; titleEn: string }, locale: Locale): string {
  return locale === 'fr' ? item.titleFr : item.titleEn;
}
