import { formatDateTime, type Locale } from '@delibera/kernel';
import type { RenderedMessage } from './index';

type Params = Record<string, string | number>;
type Template = Record<Locale, (params: Params) => RenderedMessage>;

/** A council is asked for its opinion on a proposal; each member of the council is told. */
export const CONSULTATION_REQUESTED: Template = {
  fr: (p) => ({
    subject: `Avis demandé au ${p.councilFr} : ${p.title}`,
    text: [
      `Bonjour ${p.name},`,
      '',
      `Le ${p.councilFr} est consulté sur la proposition « ${p.title} ».`,
      `Son avis est attendu au plus tard le ${p.dueOn} ; tout membre du conseil peut en rédiger un projet.`,
      String(p.link),
    ].join('\n'),
  }),
  en: (p) => ({
    subject: `Opinion requested from the ${p.councilEn}: ${p.title}`,
    text: [
      `Hello ${p.name},`,
      '',
      `The ${p.councilEn} is consulted on the proposal “${p.title}”.`,
      `Its opinion is due by ${p.dueOn}; any member of the council may draft it.`,
      String(p.link),
    ].join('\n'),
  }),
};

/** A consultation is due soon and the council has not adopted its opinion; each member of the council is reminded. */
export const CONSULTATION_DUE_SOON: Template = {
  fr: (p) => {
    const due = formatDateTime(new Date(p.dueAt), 'fr');
    return {
      subject: `Rappel : l'avis du ${p.councilFr} sur « ${p.title} » est attendu le ${due}`,
      text: [
        `Bonjour ${p.name},`,
        '',
        `Le ${p.councilFr} n'a pas encore adopté son avis sur la proposition « ${p.title} ».`,
        `Il est attendu au plus tard le ${due} (heure de l'Est).`,
        String(p.link),
      ].join('\n'),
    };
  },
  en: (p) => {
    const due = formatDateTime(new Date(p.dueAt), 'en');
    return {
      subject: `Reminder: the ${p.councilEn}'s opinion on “${p.title}” is due on ${due}`,
      text: [
        `Hello ${p.name},`,
        '',
        `The ${p.councilEn} has not adopted its opinion on the proposal “${p.title}” yet.`,
        `It is due by ${due} (Eastern time).`,
        String(p.link),
      ].join('\n'),
    };
  },
};
