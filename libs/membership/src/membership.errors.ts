import { defineErrors } from '@delibera/kernel';

export const MembershipErrors = defineErrors({
  EMAIL_TAKEN: {
    fr: "L'adresse courriel « {email} » est déjà utilisée par un membre.",
    en: 'The email address “{email}” is already used by a member.',
  },
  UNKNOWN_COLLEGE: {
    fr: "Le collège « {college} » n'existe pas.",
    en: 'The college “{college}” does not exist.',
  },
  UNKNOWN_REGION: {
    fr: "La région « {region} » n'est pas une région administrative du Québec (01 à 17).",
    en: 'The region “{region}” is not a Québec administrative region (01 to 17).',
  },
  ORGANISATION_FIELDS_REQUIRED: {
    fr: 'Une organisation membre doit avoir une catégorie, une taille et un ou une représentant·e.',
    en: 'A member organisation needs a category, a size band and a representative.',
  },
  PERSON_FIELDS_ONLY: {
    fr: "Une personne membre ne peut pas avoir de catégorie, de taille ni de représentant·e d'organisation.",
    en: 'A person cannot have an organisation category, size band or representative.',
  },
  MEMBER_NOT_FOUND: { fr: 'Ce membre est introuvable.', en: 'This member was not found.' },
  INVALID_STATUS_TRANSITION: {
    fr: 'Un membre au statut « {from} » ne peut pas passer au statut « {to} ».',
    en: 'A member with status “{from}” cannot move to status “{to}”.',
  },
  INVITATION_INVALID: {
    fr: "Ce lien d'invitation n'est pas valide ou a déjà servi.",
    en: 'This invitation link is not valid or has already been used.',
  },
  INVITATION_EXPIRED: {
    fr: "Ce lien d'invitation a expiré; demandez-en un nouveau au secrétariat.",
    en: 'This invitation link has expired; ask the secretary for a new one.',
  },
  WEAK_PASSWORD: {
    fr: 'Le mot de passe doit compter au moins 12 caractères.',
    en: 'The password must be at least 12 characters long.',
  },
  INVALID_CREDENTIALS: {
    fr: 'Adresse courriel ou mot de passe incorrect.',
    en: 'Incorrect email address or password.',
  },
  ACCOUNT_LOCKED: {
    fr: 'Trop de tentatives de connexion échouées : ce compte est verrouillé jusqu’à {until}.',
    en: 'Too many failed sign-in attempts: this account is locked until {until}.',
  },
  ACCOUNT_DISABLED: {
    fr: 'Ce compte est désactivé.',
    en: 'This account is disabled.',
  },
  INVALID_REFRESH_TOKEN: {
    fr: 'Votre session a expiré; veuillez vous reconnecter.',
    en: 'Your session has expired; please sign in again.',
  },
  IMPORT_INVALID: {
    fr: "Le fichier contient {count} ligne(s) invalide(s); rien n'a été importé.",
    en: 'The file has {count} invalid row(s); nothing was imported.',
  },
  IMPORT_MALFORMED: {
    fr: 'Le fichier CSV est mal formé : {detail}',
    en: 'The CSV file is malformed: {detail}',
  },
});
