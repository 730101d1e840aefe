import { defineErrors } from '@delibera/kernel';

export const AssemblyErrors = defineErrors({
  ASSEMBLY_NOT_FOUND: {
    fr: 'Cette assemblée est introuvable.',
    en: 'This assembly was not found.',
  },
  AGENDA_ITEM_NOT_FOUND: {
    fr: "Ce point de l'ordre du jour est introuvable.",
    en: 'This agenda item was not found.',
  },
  NOTICE_TOO_SHORT: {
    fr: "L'avis de convocation doit être donné au moins {required} jours avant l'assemblée (il en reste {given}).",
    en: 'Notice must be given at least {required} days before the assembly ({given} left).',
  },
  ASSEMBLY_NOT_OPEN: {
    fr: 'Cette assemblée est terminée ou annulée.',
    en: 'This assembly is over or cancelled.',
  },
  ASSEMBLY_NOT_STARTED: {
    fr: "Un vote de l'assemblée ne peut pas s'ouvrir avant le début de l'assemblée.",
    en: 'A vote of the assembly cannot open before the assembly starts.',
  },
  ASSEMBLY_INVALID_DATES: {
    fr: "L'assemblée doit commencer dans le futur et finir après son début.",
    en: 'The assembly must start in the future and end after it starts.',
  },
  ASSEMBLY_VENUE_REQUIRED: {
    fr: 'Indiquez le lieu (en personne, hybride) et le lien (hybride, asynchrone) de la rencontre.',
    en: 'Give the place (in person, hybrid) and the link (hybrid, asynchronous) of the meeting.',
  },
  COUNCIL_REQUIRED: {
    fr: 'Une réunion de conseil doit indiquer le conseil qui se réunit, et seulement elle.',
    en: 'A council meeting must name the council that meets, and only a council meeting may.',
  },
  NO_BINDING_VOTES: {
    fr: "Seule une assemblée générale peut mettre aux voix une décision : ce point ne peut qu'être discuté ici.",
    en: 'Only a general assembly takes binding votes: this item can only be discussed here.',
  },
  AGENDA_ORDER_INVALID: {
    fr: "Le nouvel ordre doit reprendre chaque point de l'ordre du jour une seule fois.",
    en: 'The new order must list every agenda item exactly once.',
  },
  NOT_AN_ACTIVE_MEMBER: {
    fr: 'Seuls les membres actifs peuvent participer à une assemblée ou y donner ou détenir une procuration.',
    en: 'Only active members may attend an assembly or give or hold a proxy there.',
  },
  SELF_CHECK_IN_REMOTE_ONLY: {
    fr: 'Vous pouvez vous inscrire vous-même à distance seulement ; la présence en salle est notée par le secrétariat à l’accueil.',
    en: 'You may check yourself in remotely only; presence in the room is recorded by the secretary at the door.',
  },
  REMOTE_NOT_OFFERED: {
    fr: 'Cette assemblée se tient en personne seulement.',
    en: 'This assembly is held in person only.',
  },
  CHECK_IN_NOT_YET_OPEN: {
    fr: "L'accueil ouvre une heure avant le début de l'assemblée.",
    en: 'Check-in opens one hour before the assembly starts.',
  },
  NOT_CHECKED_IN: {
    fr: "Ce membre n'est pas inscrit comme présent à cette assemblée.",
    en: 'This member is not checked in at this assembly.',
  },
  PROXIES_GENERAL_ASSEMBLY_ONLY: {
    fr: "Les procurations n'existent qu'en assemblée générale.",
    en: 'Proxies exist at general assemblies only.',
  },
  PROXY_SELF: {
    fr: 'On ne peut pas se donner une procuration à soi-même.',
    en: 'A member cannot give a proxy to themself.',
  },
  PROXY_ALREADY_GIVEN: {
    fr: 'Ce membre a déjà donné une procuration pour cette assemblée ; révoquez-la d’abord.',
    en: 'This member already gave a proxy for this assembly; revoke it first.',
  },
  PROXY_LIMIT_REACHED: {
    fr: 'Ce membre détient déjà le nombre maximal de procurations permis par la charte ({limit}).',
    en: 'This member already holds the most proxies the charter allows ({limit}).',
  },
  PROXY_CHAIN: {
    fr: 'Pas de procuration en chaîne : qui détient une procuration ne peut pas donner la sienne, et qui a donné la sienne ne peut pas en détenir.',
    en: 'No proxy chains: a holder cannot give their own vote away, and a member who gave theirs cannot hold one.',
  },
  PROXY_LOCKED: {
    fr: "Le premier vote de l'assemblée est ouvert : les procurations ne peuvent plus être données, révoquées ou remplacées par une présence.",
    en: "The assembly's first vote has opened: proxies can no longer be given, revoked or replaced by attending.",
  },
  PROXY_NOT_FOUND: {
    fr: 'Cette procuration est introuvable ou n’est plus en vigueur.',
    en: 'This proxy was not found or is no longer in force.',
  },
  GRANTOR_CHECKED_IN: {
    fr: 'Ce membre est présent à l’assemblée : il vote lui-même et ne peut pas donner de procuration.',
    en: 'This member is checked in at the assembly: they vote themself and cannot give a proxy.',
  },
});
