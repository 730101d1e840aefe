import type { AppLocale } from './format';

/** Bilingual records (councils, colleges) carry both names; show the reader's. */
export function localizedName(item: { nameFr: string; nameEn: string }, locale: AppLocale): string {
  return locale === 'en-CA' ? item.nameEn : item.nameFr;
}
