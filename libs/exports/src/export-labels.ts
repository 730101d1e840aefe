import { Localized } from '@delibera/kernel';

/**
 * What the codes in staff exports mean, one row at a time (hence singular:
 * « Active », not the reports' « Actifs »), French first. Each coded column
 * is exported twice: the code, for scripts and filters, and its label.
 */
export type Labels = Record<string, Localized>;

export const MEMBER_KIND_LABELS: Labels = {
  person: { fr: 'Personne', en: 'Person' },
  organisation: { fr: 'Organisation', en: 'Organisation' },
};

export const MEMBER_STATUS_LABELS: Labels = {
  applicant: { fr: 'Candidature', en: 'Applicant' },
  active: { fr: 'Actif', en: 'Active' },
  suspended: { fr: 'Suspendu', en: 'Suspended' },
  resigned: { fr: 'Démissionnaire', en: 'Resigned' },
};

export const LOCALE_LABELS: Labels = {
  fr: { fr: 'Français', en: 'French' },
  en: { fr: 'Anglais', en: 'English' },
};

export const ORGANISATION_CATEGORY_LABELS: Labels = {
  municipality: { fr: 'Municipalité', en: 'Municipality' },
  mrc: { fr: 'MRC', en: 'Regional county municipality (MRC)' },
  university: { fr: 'Université', en: 'University' },
  college: { fr: 'Cégep ou collège', en: 'College (CEGEP)' },
  social_economy: { fr: 'Entreprise d’économie sociale', en: 'Social economy enterprise' },
  community: { fr: 'Organisme communautaire', en: 'Community organisation' },
  union: { fr: 'Syndicat', en: 'Union' },
  other: { fr: 'Autre organisation', en: 'Other organisation' },
};

export const SIZE_BAND_LABELS: Labels = {
  micro: { fr: 'Très petite', en: 'Micro' },
  small: { fr: 'Petite', en: 'Small' },
  medium: { fr: 'Moyenne', en: 'Medium' },
  large: { fr: 'Grande', en: 'Large' },
  very_large: { fr: 'Très grande', en: 'Very large' },
};

export const CALL_STATUS_LABELS: Labels = {
  due: { fr: 'À payer', en: 'Due' },
  partially_paid: { fr: 'Payé en partie', en: 'Partially paid' },
  paid: { fr: 'Payé', en: 'Paid' },
  waived: { fr: 'Exonéré', en: 'Waived' },
  overdue: { fr: 'En retard', en: 'Overdue' },
};

export const PAYMENT_METHOD_LABELS: Labels = {
  transfer: { fr: 'Virement', en: 'Transfer' },
  cheque: { fr: 'Chèque', en: 'Cheque' },
  card: { fr: 'Carte', en: 'Card' },
  cash: { fr: 'Comptant', en: 'Cash' },
  direct_debit: { fr: 'Prélèvement automatique', en: 'Direct debit' },
  other: { fr: 'Autre', en: 'Other' },
  credit: { fr: 'Crédit reporté', en: 'Credit carried' },
};

export const VOTE_SUBJECT_LABELS: Labels = {
  proposal: { fr: 'Proposition', en: 'Proposal' },
  council_opinion: { fr: 'Avis d’un conseil', en: 'Council opinion' },
  election: { fr: 'Élection', en: 'Election' },
  referendum: { fr: 'Référendum', en: 'Referendum' },
  survey_question: { fr: 'Question de sondage', en: 'Survey question' },
  assembly_item: { fr: 'Point de l’ordre du jour', en: 'Agenda item' },
  amendment: { fr: 'Amendement', en: 'Amendment' },
};

export const ELECTORATE_LABELS: Labels = {
  all_members: { fr: 'L’ensemble des membres', en: 'All members' },
  council: { fr: 'Conseil consultatif', en: 'Advisory council' },
  board: { fr: 'Conseil des fiduciaires', en: 'Board of trustees' },
  assembly: { fr: 'Assemblée générale', en: 'General assembly' },
};

export const SECRECY_LABELS: Labels = {
  secret: { fr: 'Secret', en: 'Secret' },
  named: { fr: 'Nominal', en: 'Named' },
};

export const OUTCOME_LABELS: Labels = {
  adopted: { fr: 'Adoptée', en: 'Adopted' },
  rejected: { fr: 'Rejetée', en: 'Rejected' },
  quorum_not_met: { fr: 'Quorum non atteint', en: 'Quorum not met' },
  elected: { fr: 'Élection terminée', en: 'Election completed' },
  completed: { fr: 'Terminé', en: 'Completed' },
};

export const BREAKDOWN_LABELS: Labels = {
  total: { fr: 'Total', en: 'Total' },
  college: { fr: 'Collège', en: 'College' },
  region: { fr: 'Région', en: 'Region' },
};

/** Yes/no columns (pg gives booleans, the cursor gives them as true/false). */
export const BOOLEAN_LABELS: Labels = {
  true: { fr: 'Oui', en: 'Yes' },
  false: { fr: 'Non', en: 'No' },
};
