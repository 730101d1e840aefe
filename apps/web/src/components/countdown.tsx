import { useEffect, useRef, useState } from 'react';
import { crossedMark, formatRemaining } from '../format/countdown';
import { useLocale, useT } from '../i18n/locale';

/** The current time, re-read every `intervalMs`. */
export function useNow(intervalMs = 15_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

/**
 * Time left before a vote closes. The visible timer is not read aloud at every
 * change (role="timer" is not live); screen readers hear it at 60, 15, 5 and 1
 * minutes left, and when the vote closes.
 */
export function Countdown({ closesAt, onClosed }: { closesAt: string; onClosed?(): void }) {
  const t = useT();
  const { locale } = useLocale();
  const now = useNow();
  const left = new Date(closesAt).getTime() - now;
  const previous = useRef(left);
  const [announcement, setAnnouncement] = useState('');

  useEffect(() => {
    const mark = crossedMark(previous.current, left);
    if (previous.current > 0 && left <= 0) {
      setAnnouncement(t('vote.closedNow'));
      onClosed?.();
    } else if (mark !== null) {
      setAnnouncement(t('vote.closesIn', { remaining: formatRemaining(left, locale) }));
    }
    previous.current = left;
  }, [left, locale, onClosed, t]);

  return (
    <>
      <p className="countdown" role="timer" aria-atomic="true">
        {left > 0
          ? t('vote.closesIn', { remaining: formatRemaining(left, locale) })
          : t('vote.closedNow')}
      </p>
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
    </>
  );
}
