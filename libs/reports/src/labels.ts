import { Localized } from '@delibera/kernel';
import { QUEBEC_REGIONS } from '@delibera/membership';

/** Report labels, French (Québec) first. */
export const AGE_BANDS: Record<string, Localized> = {
  under_30: { fr: 'Moins de 30 ans', en: 'Under 30' },
  '30_44': { fr: '30 à 44 ans', en: '30 to 44' },
  '45_64': { fr: '45 à 64 ans', en: '45 to 64' },
  '65_plus': { fr: '65 ans et plus', en: '65 and over' },
  unknown: { fr: 'Âge inconnu', en: 'Age unknown' },
  not_applicable: { fr: 'Organisations', en: 'Organisations' },
};

export const MEMBER_CATEGORIES: Record<string, Localized> = {
  person: { fr: 'Personnes', en: 'People' },
  municipality: { fr: 'Municipalités', en: 'Municipalities' },
  mrc: { fr: 'MRC', en: 'Regional county municipalities (MRCs)' },
  university: { fr: 'Universités', en: 'Universities' },
  college: { fr: 'Cégeps et collèges', en: 'Colleges (CEGEPs)' },
  social_economy: { fr: 'Économie sociale', en: 'Social economy' },
  community: { fr: 'Organismes communautaires', en: 'Community organisations' },
  union: { fr: 'Syndicats', en: 'Unions' },
  other: { fr: 'Autres organisations', en: 'Other organisations' },
};

export const MEMBER_STATUSES: Record<string, Localized> = {
  applicant: { fr: 'Candidats', en: 'Applicants' },
  active: { fr: 'Actifs', en: 'Active' },
  suspended: { fr: 'Suspendus', en: 'Suspended' },
  resigned: { fr: 'Démissionnaires', en: 'Resigned' },
};

export const MEMBER_KINDS: Record<string, Localized> = {
  person: { fr: 'Personnes', en: 'People' },
  organisation: { fr: 'Organisations', en: 'Organisations' },
};

export function regionLabel(code: string): Localized {
  return QUEBEC_REGIONS[code] ?? { fr: code, en: code };
}

/** A label from a table, or the key itself when the table does not know it. */
export function labelOf(table: Record<string, Localized>, key: string): Localized {
  return table[key] ?? { fr: key, en: key };
}

export const PROPOSAL_STATUSES: Record<string, Localized> = {
  draft: { fr: 'Brouillon', en: 'Draft' },
  submitted: { fr: 'Déposée', en: 'Submitted' },
  support: { fr: 'Appui (initiative)', en: 'Support (initiative)' },
  consultation: { fr: 'Consultation', en: 'Consultation' },
  deliberation: { fr: 'Délibération', en: 'Deliberation' },
  voting: { fr: 'Vote', en: 'Voting' },
  adopted: { fr: 'Adoptée', en: 'Adopted' },
  rejected: { fr: 'Rejetée', en: 'Rejected' },
  quorum_not_met: { fr: 'Quorum non atteint', en: 'Quorum not met' },
  implemented: { fr: 'Mise en œuvre', en: 'Implemented' },
  withdrawn: { fr: 'Retirée', en: 'Withdrawn' },
  cancelled: { fr: 'Annulée', en: 'Cancelled' },
  expired: { fr: 'Expirée', en: 'Expired' },
};
