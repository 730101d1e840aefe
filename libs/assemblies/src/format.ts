import { Locale } from '@delibera/kernel';

/** The title in the reader's language. */
export function localTitle(item: { titleFr: string; titleEn: string }, locale: Locale): string {
  return locale === 'fr' ? item.titleFr : item.titleEn;
}
