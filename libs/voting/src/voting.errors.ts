import { defineErrors } from '@delibera/kernel';

export const VotingErrors = defineErrors({
  VOTE_NOT_FOUND: { fr: 'Ce vote est introuvable.', en: 'This vote was not found.' },
  VOTE_NOT_OPEN: {
    fr: "Ce vote n'est pas encore ouvert.",
    en: 'This vote is not open yet.',
  },
  VOTE_CLOSED: { fr: 'Ce vote est fermé.', en: 'This vote is closed.' },
  NOT_IN_ELECTORATE: {
    fr: 'Vous ne faites pas partie des personnes appelées à voter (ni ne détenez leur procuration).',
    en: 'You are not on the roll of this vote (nor do you hold the proxy of someone who is).',
  },
  ALREADY_VOTED: {
    fr: 'Ce vote a déjà été exprimé ; un bulletin secret est définitif.',
    en: 'This ballot has already been cast; a secret ballot is final.',
  },
  CLIENT_REQUEST_ID_REUSED: {
    fr: 'Cet identifiant de demande a déjà servi à un autre bulletin : relisez votre bulletin et confirmez-le de nouveau.',
    en: 'This request id was already used for a different ballot: review your ballot and confirm it again.',
  },
  INVALID_BALLOT: {
    fr: 'Bulletin invalide : {reason}',
    en: 'Invalid ballot: {reason}',
  },
  INVALID_VOTE_SETTINGS: {
    fr: 'Paramètres du vote invalides : {reason}',
    en: 'Invalid vote settings: {reason}',
  },
  VOTE_ALREADY_OPEN: {
    fr: 'Ce vote est déjà ouvert ou terminé : on ne peut plus le modifier.',
    en: 'This vote is already open or over: it can no longer be changed.',
  },
  VOTE_NOT_CLOSED: {
    fr: "Ce vote n'est pas encore fermé et dépouillé : ses résultats ne sont pas publiés.",
    en: 'This vote is not closed and counted yet: its results are not published.',
  },
  VOTING_PERIOD_TOO_SHORT: {
    fr: 'La charte exige au moins {required} jour(s) de vote pour cette décision : le vote ne peut fermer avant {earliestCloseAt}.',
    en: 'The charter requires at least {required} day(s) of voting for this decision: the vote cannot close before {earliestCloseAt}.',
  },
  BALLOTS_NOT_PUBLISHED: {
    fr: 'Les bulletins de ce vote secret sont publiés quelques instants après son résultat, une fois dissociés des participations : réessayez bientôt.',
    en: "This secret vote's ballots are published a few moments after its result, once unlinked from the participations: try again shortly.",
  },
  ELECTORATE_UNAVAILABLE: {
    fr: 'Aucune source ne fournit le corps électoral « {kind} ».',
    en: 'No source provides the "{kind}" electorate.',
  },
  NO_ASSEMBLY_FOR_PROPOSAL: {
    fr: "Cette proposition doit être inscrite à l'ordre du jour d'une assemblée générale convoquée avant son vote.",
    en: 'This proposal must be on the agenda of a convened general assembly before it can be put to the vote.',
  },
  COUNT_MISMATCH: {
    fr: 'Publication refusée : {participations} participations, {ballots} bulletins et {receipts} reçus ne concordent pas.',
    en: 'Publication refused: {participations} participations, {ballots} ballots and {receipts} receipts do not match.',
  },
});

/** Why a ballot is invalid, in words, for the INVALID_BALLOT message. */
export const BALLOT_PROBLEMS = {
  WRONG_SHAPE: {
    fr: 'ce mode de scrutin attend une autre forme de bulletin',
    en: 'this voting method expects another kind of ballot',
  },
  UNKNOWN_OPTION: { fr: 'option ou candidature inconnue', en: 'unknown option or candidate' },
  REPEATED_CANDIDATE: {
    fr: 'une candidature est classée deux fois',
    en: 'a candidate is ranked twice',
  },
  TOO_FEW_SELECTIONS: { fr: 'trop peu de choix', en: 'too few selections' },
  TOO_MANY_SELECTIONS: { fr: 'trop de choix', en: 'too many selections' },
  UNKNOWN_GRADE: { fr: 'mention inconnue', en: 'unknown grade' },
  MISSING_GRADE: {
    fr: 'chaque candidature doit recevoir une mention',
    en: 'every candidate must be given a grade',
  },
} as const;
export type BallotProblem = keyof typeof BALLOT_PROBLEMS;
