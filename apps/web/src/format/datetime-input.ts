import { TIME_ZONE } from './format';

/**
 * `<input type="datetime-local">` holds a wall-clock time with no zone. The
 * trust meets in Montréal time whatever the reader's device says, so these
 * convert between that wall clock in Montréal and an instant.
 */

const PARTS = new Intl.DateTimeFormat('en-CA', {
  timeZone: TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

/** The Montréal wall clock of an instant, as a datetime-local value ("2026-12-01T19:00"). */
export function toMontrealInput(instant: Date | string): string {
  const parts = Object.fromEntries(
    PARTS.formatToParts(new Date(instant)).map((part) => [part.type, part.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

/** Minutes Montréal is ahead of UTC at this instant (negative: −300 in winter, −240 in summer). */
function offsetMinutes(utcMs: number): number {
  const wall = toMontrealInput(new Date(utcMs));
  return (Date.parse(`${wall}:00Z`) - Math.floor(utcMs / 60_000) * 60_000) / 60_000;
}

/**
 * The instant (ISO) a datetime-local value means in Montréal, or null when it
 * is not one. In the hour skipped in spring the offset before the change applies.
 */
export function fromMontrealInput(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return null;
  const asUtc = Date.parse(`${value}:00Z`);
  if (Number.isNaN(asUtc)) return null;
  const first = asUtc - offsetMinutes(asUtc) * 60_000;
  const second = asUtc - offsetMinutes(first) * 60_000;
  return new Date(toMontrealInput(new Date(second)) === value ? second : first).toISOString();
}

/** A default for a date field: `days` from now, at the hour, in Montréal. */
export function montrealInputInDays(days: number, now = new Date()): string {
  const later = new Date(now.getTime() + days * 86_400_000);
  return `${toMontrealInput(later).slice(0, 13)}:00`;
}
