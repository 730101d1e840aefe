import { Locale } from '@delibera/kernel';

export enum NotificationKind {
  Invitation = 'invitation',
}

export interface RenderedMessage {
  subject: string;
  text: string;
}

type Template = Record<Locale, (params: Record<string, string | number>) => RenderedMessage>;

/** French and English text of every message; the recipient's locale picks one. */
export const TEMPLATES: Record<NotificationKind, Template> = {
  [NotificationKind.Invitation]: {
    fr: (p) => ({
      subject: `Invitation à rejoindre ${p.trustName}`,
      text: [
        `Bonjour ${p.name},`,
        '',
        `Vous êtes invité·e à devenir membre de ${p.trustName}.`,
        `Pour créer votre compte, ouvrez ce lien avant le ${p.expiresOn} :`,
        String(p.link),
        '',
        "Si vous n'attendiez pas ce message, ignorez-le.",
      ].join('\n'),
    }),
    en: (p) => ({
      subject: `Invitation to join ${p.trustName}`,
      text: [
        `Hello ${p.name},`,
        '',
        `You are invited to become a member of ${p.trustName}.`,
        `To create your account, open this link before ${p.expiresOn}:`,
        String(p.link),
        '',
        'If you were not expecting this message, please ignore it.',
      ].join('\n'),
    }),
  },
};

export function render(
  kind: NotificationKind,
  locale: Locale,
  params: Record<string, string | number>,
): RenderedMessage {
  return TEMPLATES[kind][locale](params);
}
