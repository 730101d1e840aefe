import type { AppLocale } from './format';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * Time left as words ("2 jours et 3 heures", "45 minutes"): the two largest
 * units, rounded down to the minute, so the text changes at most once a minute.
 */
export function formatRemaining(ms: number, locale: AppLocale): string {
  const left = Math.max(0, ms);
  const parts: [number, 'day' | 'hour' | 'minute'][] = [
    [Math.floor(left / DAY), 'day'],
    [Math.floor((left % DAY) / HOUR), 'hour'],
    [Math.floor((left % HOUR) / MINUTE), 'minute'],
  ];
  const first = parts.findIndex(([value]) => value > 0);
  if (first < 0) return unit(0, 'minute', locale);
  const shown = parts.slice(first, first + 2).filter(([value]) => value > 0);
  return new Intl.ListFormat(locale, { type: 'conjunction' }).format(
    shown.map(([value, name]) => unit(value, name, locale)),
  );
}

function unit(value: number, name: 'day' | 'hour' | 'minute', locale: AppLocale): string {
  return new Intl.NumberFormat(locale, { style: 'unit', unit: name, unitDisplay: 'long' }).format(
    value,
  );
}

/** Minutes-left marks at which screen readers are told the vote is closing; not every minute. */
export const ANNOUNCED_MINUTES = [60, 15, 5, 1] as const;

/** The mark just crossed between two readings of the time left, if any. */
export function crossedMark(previousMs: number, currentMs: number): number | null {
  for (const mark of ANNOUNCED_MINUTES) {
    const at = mark * MINUTE;
    if (previousMs > at && currentMs <= at) return mark;
  }
  return null;
}
