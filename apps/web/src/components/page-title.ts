import { useEffect } from 'react';

/** Each page names itself in the tab title, the first thing a screen reader says after navigation. */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} · Delibera`;
  }, [title]);
}
