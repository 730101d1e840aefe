import type { Locale } from '@delibera/kernel';
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
