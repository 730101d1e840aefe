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

/** A vote's result is published: each member of its roll is told where to read it (and check a receipt). */
export const VOTE_RESULT_PUBLISHED: Template = {
  fr: (p) => ({
    subject: `Résultat publié : « ${p.title} »`,
    text: [
      `Bonjour ${p.name},`,
      '',
      `Le résultat du vote « ${p.title} » est publié, avec son explication.`,
      `Si vous avez voté, vous pouvez y vérifier votre reçu.`,
      `Pour le consulter : ${p.link}`,
    ].join('\n'),
  }),
  en: (p) => ({
    subject: `Result published: “${p.title}”`,
    text: [
      `Hello ${p.name},`,
      '',
      `The result of the vote “${p.title}” is published, with its explanation.`,
      `If you voted, you can check your receipt there.`,
      `To read it: ${p.link}`,
    ].join('\n'),
  }),
};
