import { defineErrors, Localized } from '@delibera/kernel';

export const DeliberationErrors = defineErrors({
  ARGUMENT_NOT_FOUND: { fr: 'Cet argument est introuvable.', en: 'This argument was not found.' },
  DELIBERATION_CLOSED: {
    fr: "La délibération sur cette proposition n'est pas ouverte (état : « {status} »).",
    en: 'Deliberation on this proposal is not open (status: "{status}").',
  },
  NOT_COUNCIL_MEMBER: {
    fr: 'Ce fil est réservé aux membres du conseil tant que son avis n’est pas publié.',
    en: "This thread is reserved to the council's members until its opinion is published.",
  },
  MEMBERS_ONLY: {
    fr: 'Seuls les membres actifs peuvent participer à la délibération.',
    en: 'Only active members may take part in deliberation.',
  },
  REPLY_TOO_DEEP: {
    fr: 'Les réponses ne peuvent pas être imbriquées sur plus de {max} niveaux.',
    en: 'Replies cannot be nested more than {max} levels deep.',
  },
  NOT_ARGUMENT_AUTHOR: {
    fr: "Seul l'auteur peut modifier cet argument.",
    en: 'Only the author may edit this argument.',
  },
  ARGUMENT_HIDDEN: {
    fr: 'Cet argument a été masqué par la modération.',
    en: 'This argument was hidden by moderation.',
  },
  ARGUMENT_NOT_HIDDEN: {
    fr: 'Cet argument n’est pas masqué : il n’y a rien à rétablir.',
    en: 'This argument is not hidden: there is nothing to restore.',
  },
  CANNOT_ENDORSE_OWN: {
    fr: 'Vous ne pouvez pas appuyer votre propre argument.',
    en: 'You cannot endorse your own argument.',
  },
  ALREADY_ENDORSED: {
    fr: 'Vous appuyez déjà cet argument.',
    en: 'You already endorse this argument.',
  },
  NOT_ENDORSED: {
    fr: "Vous n'appuyez pas cet argument.",
    en: 'You do not endorse this argument.',
  },
  ALREADY_FLAGGED: {
    fr: 'Vous avez déjà signalé cet argument pour ce motif.',
    en: 'You have already flagged this argument for this reason.',
  },
  FLAG_NOT_FOUND: { fr: 'Ce signalement est introuvable.', en: 'This flag was not found.' },
  FLAG_ALREADY_RESOLVED: {
    fr: 'Ce signalement a déjà été traité.',
    en: 'This flag has already been resolved.',
  },
  NOT_MODERATOR: {
    fr: 'Seuls les modérateurs et le comité éditorial peuvent traiter les signalements.',
    en: 'Only moderators and the editorial committee may resolve flags.',
  },
});

/** Shown to members in place of a hidden argument's text. */
export const HIDDEN_NOTICE: Localized = {
  fr: '*Cet argument a été masqué par la modération. Motif : {reason}*',
  en: '*This argument was hidden by moderation. Reason: {reason}*',
};
