import { defineErrors } from '@delibera/kernel';

export const ContributionErrors = defineErrors({
  SCALE_NOT_FOUND: {
    fr: 'Ce barème de contributions est introuvable.',
    en: 'This contribution scale was not found.',
  },
  SCALE_LOCKED: {
    fr: 'Ce barème ne peut plus être modifié : le vote de sa proposition est ouvert ou terminé.',
    en: 'This scale can no longer be changed: the vote on its proposal has opened or ended.',
  },
  SCALE_ALREADY_SUBMITTED: {
    fr: 'Ce barème a déjà été soumis comme proposition.',
    en: 'This scale has already been submitted as a proposal.',
  },
  COMPETING_SCALES_NOT_ALLOWED: {
    fr: 'La charte ne permet pas de voter des barèmes concurrents comme options d’un même vote.',
    en: 'The charter does not allow competing scales to be voted as options of one vote.',
  },
  COMPETING_SCALES_INVALID: {
    fr: 'Des barèmes concurrents doivent être au moins deux brouillons distincts du même exercice ({reason}).',
    en: 'Competing scales must be at least two distinct drafts of the same fiscal year ({reason}).',
  },
  SCALE_HAS_NO_TIERS: {
    fr: 'Un barème doit compter au moins une tranche.',
    en: 'A scale needs at least one tier.',
  },
  DUPLICATE_TIER: {
    fr: 'Deux tranches visent la même catégorie et la même taille ({category}, {sizeBand}).',
    en: 'Two tiers cover the same category and size ({category}, {sizeBand}).',
  },
  NEGATIVE_AMOUNT: {
    fr: 'Le montant « {field} » doit être positif.',
    en: 'The amount “{field}” must be positive.',
  },
  CALL_NOT_FOUND: {
    fr: 'Cet appel de contribution est introuvable.',
    en: 'This contribution call was not found.',
  },
  PAYMENT_NOT_FOUND: { fr: 'Ce paiement est introuvable.', en: 'This payment was not found.' },
  PAYMENT_ALREADY_REVERSED: {
    fr: 'Ce paiement a déjà été contrepassé.',
    en: 'This payment has already been reversed.',
  },
  REVERSAL_NOT_REVERSIBLE: {
    fr: 'Une contrepassation ne peut pas elle-même être contrepassée.',
    en: 'A reversal cannot itself be reversed.',
  },
  CREDIT_ENTRY_RESERVED: {
    fr: 'Les écritures de crédit sont passées par Delibera lorsqu’un crédit est reporté sur un appel ; elles ne se saisissent ni ne se contrepassent.',
    en: 'Credit entries are written by Delibera when a credit is carried to a call; they cannot be recorded or reversed by hand.',
  },
  WAIVER_NEEDS_BOARD_DECISION: {
    fr: "Une exemption ou une réduction exige la référence d'une décision du conseil d'administration.",
    en: 'A waiver or reduction requires the reference of a board decision.',
  },
  WAIVER_EXCEEDS_OUTSTANDING: {
    fr: "L'exemption ({waived}) dépasse le solde dû ({outstanding}).",
    en: 'The waiver ({waived}) exceeds the outstanding balance ({outstanding}).',
  },
  WAIVER_EXISTS: {
    fr: 'Cet appel a déjà une exemption ou une réduction.',
    en: 'This call already has a waiver or reduction.',
  },
  BANK_FILE_MALFORMED: {
    fr: 'Le relevé bancaire est refusé en entier : {count} ligne(s) invalide(s), dont la ligne {firstRow} ({firstCode}).',
    en: 'The bank statement is refused whole: {count} invalid line(s), including line {firstRow} ({firstCode}).',
  },
  BANK_FILE_ALREADY_IMPORTED: {
    fr: 'Ce relevé bancaire a déjà été importé.',
    en: 'This bank statement has already been imported.',
  },
  BANK_ROW_NOT_FOUND: {
    fr: 'Cette ligne de relevé est introuvable.',
    en: 'This statement line was not found.',
  },
  BANK_ROW_ALREADY_MATCHED: {
    fr: 'Cette ligne de relevé est déjà rapprochée.',
    en: 'This statement line is already matched.',
  },
  IN_KIND_NOT_FOUND: {
    fr: 'Cette contribution en nature est introuvable.',
    en: 'This in-kind contribution was not found.',
  },
  IN_KIND_ALREADY_DECIDED: {
    fr: 'Cette contribution en nature a déjà été traitée.',
    en: 'This in-kind contribution has already been decided.',
  },
  IN_KIND_FIELDS: {
    fr: 'Les champs fournis ne conviennent pas à ce type de contribution en nature ({kind}).',
    en: 'The fields given do not fit this kind of in-kind contribution ({kind}).',
  },
});
