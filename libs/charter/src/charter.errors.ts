import { defineErrors } from '@delibera/kernel';

export const CharterErrors = defineErrors({
  CHARTER_VERSION_NOT_FOUND: {
    fr: "La version {version} de la charte n'existe pas.",
    en: 'Charter version {version} does not exist.',
  },
  NO_RULE_FOR_DECISION: {
    fr: 'La charte en vigueur ne prévoit aucune règle pour les décisions de type « {decisionType} ».',
    en: 'The charter in force has no rule for decisions of type “{decisionType}”.',
  },
  CHARTER_CHANGE_INVALID: {
    fr: 'Cette modification de la charte est invalide : {detail}.',
    en: 'This charter change is invalid: {detail}.',
  },
});
