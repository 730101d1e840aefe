import { defineErrors } from '@delibera/kernel';

export const CouncilErrors = defineErrors({
  COUNCIL_NOT_FOUND: { fr: 'Ce conseil est introuvable.', en: 'This council was not found.' },
  COUNCIL_CODE_TAKEN: {
    fr: 'Un conseil porte déjà le code « {code} ».',
    en: 'A council already has the code “{code}”.',
  },
  AGE_BAND_INVALID: {
    fr: "L'âge minimal doit être inférieur ou égal à l'âge maximal.",
    en: 'The minimum age must not exceed the maximum age.',
  },
  SEAT_NOT_FOUND: {
    fr: 'Cette candidature est introuvable.',
    en: 'This application was not found.',
  },
  NOT_ELIGIBLE: {
    fr: "Vous n'êtes pas admissible à ce conseil : {reasons}.",
    en: 'You are not eligible for this council: {reasons}.',
  },
  COUNCIL_FULL: {
    fr: 'Tous les sièges de ce conseil ({seats}) sont occupés.',
    en: 'All seats of this council ({seats}) are taken.',
  },
  ALREADY_APPLIED: {
    fr: 'Vous avez déjà une candidature ou un siège à ce conseil.',
    en: 'You already have an application or a seat on this council.',
  },
  MEMBER_NOT_ACTIVE: {
    fr: 'Seuls les membres actifs peuvent siéger à un conseil.',
    en: 'Only active members may sit on a council.',
  },
  COUNCIL_DISSOLVED: {
    fr: 'Ce conseil a été dissous.',
    en: 'This council has been dissolved.',
  },
  COUNCIL_NAMED_BY_CHARTER: {
    fr: 'La charte en vigueur consulte ce conseil ({decisionTypes}) : il faut d’abord la modifier.',
    en: 'The charter in force consults this council ({decisionTypes}): it must be amended first.',
  },
  COUNCIL_HAS_PENDING_WORK: {
    fr: 'Ce conseil a des travaux en cours : {consultations} consultation(s) en attente de son avis, {amendments} modification(s) de l’acte en cours qui le feraient consulter, {votes} vote(s) non dépouillé(s), {meetings} rencontre(s) convoquée(s).',
    en: 'This council has work under way: {consultations} consultation(s) awaiting its opinion, {amendments} deed amendment(s) under way that would have it consulted, {votes} vote(s) not yet counted, {meetings} meeting(s) convened.',
  },
  SEATS_BELOW_MEMBERS: {
    fr: 'Ce conseil compte {taken} membres : il ne peut pas avoir moins de sièges.',
    en: 'This council has {taken} members: it cannot have fewer seats.',
  },
  SEAT_ALREADY_DECIDED: {
    fr: 'Cette candidature a déjà été traitée.',
    en: 'This application has already been decided.',
  },
});

/** Why someone is not eligible, in words, for the NOT_ELIGIBLE message. */
export const ELIGIBILITY_REASONS = {
  AGE_OUT_OF_BAND: {
    fr: "l'âge au début du mandat est hors de la tranche prévue",
    en: 'the age at the start of the term is outside the band',
  },
  BIRTH_DATE_UNKNOWN: { fr: 'la date de naissance est inconnue', en: 'the birth date is unknown' },
  REGION_NOT_SERVED: {
    fr: "la région n'est pas desservie par ce conseil",
    en: 'the region is not served by this council',
  },
  PRACTICE_NOT_DECLARED: { fr: 'aucune pratique déclarée', en: 'no practice declared' },
  PEOPLE_ONLY: {
    fr: 'ce conseil est réservé aux personnes',
    en: 'this council is for people only',
  },
} as const;
