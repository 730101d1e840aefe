import { defineErrors } from './domain-error';

/** Errors any domain may raise; domain-specific codes live in each lib's `*.errors.ts`. */
export const CommonErrors = defineErrors({
  UNAUTHENTICATED: {
    fr: 'Vous devez vous connecter pour faire cette action.',
    en: 'You must sign in to do this.',
  },
  FORBIDDEN: {
    fr: "Vous n'avez pas le droit de faire cette action.",
    en: 'You are not allowed to do this.',
  },
  NOT_FOUND: {
    fr: 'Introuvable : {entity}.',
    en: 'Not found: {entity}.',
  },
  BAD_USER_INPUT: {
    fr: 'Requête invalide : {detail}',
    en: 'Invalid request: {detail}',
  },
  QUERY_TOO_COMPLEX: {
    fr: 'Cette requête est trop volumineuse ou trop complexe : {detail}',
    en: 'This request is too large or too complex: {detail}',
  },
  // Apollo's code, kept as is: automatic persisted query clients resend the text on it.
  PERSISTED_QUERY_NOT_FOUND: {
    fr: 'Cette requête persistée est inconnue du serveur : envoyez-en le texte.',
    en: 'The server does not know this persisted query: send its text.',
  },
  VALIDATION_FAILED: {
    fr: 'Certaines données sont invalides.',
    en: 'Some data is invalid.',
  },
  INVALID_EMAIL: {
    fr: "L'adresse courriel « {value} » n'est pas valide.",
    en: 'The email address “{value}” is not valid.',
  },
  REQUIRED: { fr: 'Le champ {field} est requis.', en: 'The field {field} is required.' },
  TOO_LONG: { fr: 'Le champ {field} est trop long.', en: 'The field {field} is too long.' },
  INVALID_VALUE: {
    fr: "La valeur du champ {field} n'est pas valide.",
    en: 'The value of field {field} is not valid.',
  },
  INVALID_CURSOR: {
    fr: 'Le curseur de pagination est invalide.',
    en: 'The pagination cursor is invalid.',
  },
  CONFLICT: {
    fr: "Cette donnée a été modifiée par quelqu'un d'autre; veuillez réessayer.",
    en: 'This data was changed by someone else; please try again.',
  },
  // Not "nothing was saved": the connection may drop after the commit, before the reply
  // (a retried ballot then answers ALREADY_VOTED; see test/faults/postgres-restart-casting).
  TEMPORARILY_UNAVAILABLE: {
    fr: 'Le service est momentanément indisponible. Réessayez dans un instant.',
    en: 'The service is briefly unavailable. Try again in a moment.',
  },
  RATE_LIMITED: {
    fr: 'Trop de tentatives; réessayez dans quelques minutes.',
    en: 'Too many attempts; try again in a few minutes.',
  },
  INTERNAL: {
    fr: "Une erreur interne est survenue. L'équipe a été avertie.",
    en: 'An internal error occurred. The team has been notified.',
  },
});
