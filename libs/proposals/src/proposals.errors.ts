import { defineErrors } from '@delibera/kernel';

export const ProposalErrors = defineErrors({
  CHARTER_CHANGE_NOT_ALLOWED: {
    fr: 'Seule une modification de l’acte (CharterAmendment) peut changer la charte.',
    en: 'Only a deed amendment (CharterAmendment) may change the charter.',
  },
  PROPOSAL_NOT_FOUND: {
    fr: 'Cette proposition est introuvable.',
    en: 'This proposal was not found.',
  },
  INVALID_TRANSITION: {
    fr: "Cette proposition ne peut pas passer de l'état « {from} » à l'état « {to} ».",
    en: 'This proposal cannot go from "{from}" to "{to}".',
  },
  NOT_IN_PHASE: {
    fr: "Cette action n'est possible que lorsque la proposition est à l'état « {expected} » (elle est à l'état « {status} »).",
    en: 'This is only possible while the proposal is "{expected}" (it is "{status}").',
  },
  DEADLINE_TOO_SOON: {
    fr: 'La date demandée pour « {field} » est trop tôt : la charte exige au plus tôt le {earliest}.',
    en: 'The date requested for "{field}" is too soon: the charter requires {earliest} at the earliest.',
  },
  PHASE_NOT_OVER: {
    fr: 'Cette phase dure au moins jusqu’au {endsAt}.',
    en: 'This phase lasts at least until {endsAt}.',
  },
  CONSULTATION_PENDING: {
    fr: "Des conseils consultés n'ont pas encore donné leur avis ({councils}); la consultation dure jusqu’au {endsAt}.",
    en: 'Consulted councils have not yet given their opinion ({councils}); consultation lasts until {endsAt}.',
  },
  MEMBER_REQUIRED: {
    fr: 'Cette action est réservée aux membres.',
    en: 'Only members can do this.',
  },
  SUPPORT_CLOSED: {
    fr: "La période d'appui de cette initiative s'est terminée le {endsAt}.",
    en: 'The support period of this initiative ended on {endsAt}.',
  },
  ALREADY_COSIGNED: {
    fr: 'Vous appuyez déjà cette initiative.',
    en: 'You already support this initiative.',
  },
  OWN_INITIATIVE: {
    fr: "L'auteur d'une initiative ne peut pas l'appuyer lui-même.",
    en: 'The author of an initiative cannot co-sign it.',
  },
  VERSION_NOT_FOUND: {
    fr: "La version {version} de cette proposition n'existe pas.",
    en: 'Version {version} of this proposal does not exist.',
  },
  CONSULTATION_NOT_FOUND: {
    fr: 'Cette demande de consultation est introuvable.',
    en: 'This consultation request was not found.',
  },
  CONSULTATION_CLOSED: {
    fr: 'Cette consultation est close : le conseil ne peut plus y répondre.',
    en: 'This consultation is closed: the council can no longer answer it.',
  },
  NOT_ON_COUNCIL: {
    fr: 'Seuls les membres siégeant à ce conseil peuvent faire cette action.',
    en: 'Only members sitting on this council can do this.',
  },
  OPINION_NOT_FOUND: { fr: 'Cet avis est introuvable.', en: 'This opinion was not found.' },
  OPINION_ALREADY_DECIDED: {
    fr: 'Cet avis n’est plus un projet : le conseil en a déjà décidé.',
    en: 'This opinion is no longer a draft: the council has already decided on it.',
  },
  OPINION_VOTE_PENDING: {
    fr: 'Un vote du conseil sur cet avis est déjà en cours.',
    en: 'A council vote on this opinion is already under way.',
  },
  OPINION_VOTE_AFTER_DUE_DATE: {
    fr: 'Le vote du conseil doit se terminer avant l’échéance de la consultation, le {dueAt}.',
    en: "The council's vote must close before the consultation is due, on {dueAt}.",
  },
  VOTE_WINDOW_INVALID: {
    fr: 'Le vote doit se terminer dans le futur, après son ouverture.',
    en: 'The vote must close in the future, after it opens.',
  },
  AMENDMENT_NOT_FOUND: {
    fr: 'Cet amendement est introuvable.',
    en: 'This amendment was not found.',
  },
  AMENDMENT_ALREADY_DECIDED: {
    fr: 'Cet amendement a déjà été traité.',
    en: 'This amendment has already been decided.',
  },
  AMENDMENT_VOTE_PENDING: {
    fr: 'La proposition ne peut pas être mise aux voix tant que le vote sur un de ses amendements est en cours.',
    en: 'The proposal cannot go to the vote while a vote on one of its amendments is under way.',
  },
  AMENDMENT_OUTDATED: {
    fr: 'Cet amendement porte sur la version {base}, mais le texte est maintenant à la version {current}.',
    en: 'This amendment was written against version {base}, but the text is now at version {current}.',
  },
});
