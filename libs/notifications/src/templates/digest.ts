import type { Locale } from '@delibera/kernel';
import { NotificationKind, render, RenderedMessage } from './index';

export interface DigestItem {
  kind: NotificationKind;
  params: Record<string, string | number>;
}

const TEXT: Record<
  Locale,
  {
    subject: (count: number) => string;
    greeting: (name: unknown) => string;
    intro: string;
    footer: (settingsUrl: string) => string;
  }
> = {
  fr: {
    subject: (n) => `Votre résumé quotidien : ${n} notification${n > 1 ? 's' : ''}`,
    greeting: (name) => (name ? `Bonjour ${name},` : 'Bonjour,'),
    intro: 'Voici les notifications reçues depuis votre dernier résumé.',
    footer: (url) =>
      `Pour recevoir plutôt un courriel par événement, modifiez vos préférences : ${url}`,
  },
  en: {
    subject: (n) => `Your daily digest: ${n} notification${n > 1 ? 's' : ''}`,
    greeting: (name) => (name ? `Hello ${name},` : 'Hello,'),
    intro: 'Here are the notifications you received since your last digest.',
    footer: (url) => `To receive one email per event instead, change your preferences: ${url}`,
  },
};

/**
 * One email listing a member's notifications, oldest first: each one's subject
 * and its link (the portal, where a message has none; every notification is
 * in the member's inbox there).
 */
export function composeDigest(
  locale: Locale,
  items: DigestItem[],
  portalUrl: string,
): RenderedMessage {
  const text = TEXT[locale];
  const sections = items.map((item, i) => {
    const { subject } = render(item.kind, locale, item.params);
    return `${i + 1}. ${subject}\n   ${item.params.link ?? `${portalUrl}/`}`;
  });
  return {
    subject: text.subject(items.length),
    text: [
      text.greeting(items.at(-1)?.params.name),
      '',
      text.intro,
      '',
      sections.join('\n\n'),
      '',
      text.footer(`${portalUrl}/settings/notifications`),
    ].join('\n'),
  };
}
