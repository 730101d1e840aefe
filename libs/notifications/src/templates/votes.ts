import { formatDateTime, type Locale } from '@delibera/kernel';
import type { RenderedMessage } from './index';

type Params = Record<string, string | number>;
type Template = Record<Locale, (params: Params) => RenderedMessage>;

/** A vote opened: each member of its roll is told until when they can vote. */
export const VOTE_OPENED: Template = {
  fr: (p) => ({
    subject: `Vote ouvert : « ${p.title} »`,
    text: [
      `Bonjour ${p.name},`,
      '',
      `Le vote « ${p.title} » est ouvert.`,
      `Vous pouvez voter jusqu'au ${formatDateTime(new Date(p.closesAt), 'fr')} (heure de l'Est).`,
      `Pour voter : ${p.link}`,
    ].join('\n'),
  }),
  en: (p) => ({
    subject: `Vote open: “${p.title}”`,
    text: [
      `Hello ${p.name},`,
      '',
      `The vote “${p.title}” is open.`,
      `You can vote until ${formatDateTime(new Date(p.closesAt), 'en')} (Eastern time).`,
      `To vote: ${p.link}`,
    ].join('\n'),
  }),
};
