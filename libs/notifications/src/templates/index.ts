import { registerEnumType } from '@nestjs/graphql';
import { formatDateTime, Locale } from '@delibera/kernel';
import { CONSULTATION_DUE_SOON, CONSULTATION_REQUESTED } from './proposals';
import {
  CONTRIBUTION_CALL,
  CONTRIBUTION_OVERDUE,
  CONTRIBUTION_PAYMENT_RECEIVED,
} from './contributions';
import { VOTE_OPENED, VOTE_RESULT_PUBLISHED } from './votes';

export enum NotificationKind {
  Invitation = 'invitation',
  MemberStatusChanged = 'member_status_changed',
  VoteOpened = 'vote_opened',
  VoteResultPublished = 'vote_result_published',
  VoteReminder = 'vote_reminder',
  AccountLocked = 'account_locked',
  AssemblyNotice = 'assembly_notice',
  ConsultationRequested = 'consultation_requested',
  ConsultationDueSoon = 'consultation_due_soon',
  ContributionCall = 'contribution_call',
  ContributionOverdue = 'contribution_overdue',
  ContributionPaymentReceived = 'contribution_payment_received',
}
registerEnumType(NotificationKind, { name: 'NotificationKind' });

/** Kinds a member cannot turn off by email: without them they could not act at all. */
export const MANDATORY_EMAIL_KINDS: readonly NotificationKind[] = [
  NotificationKind.Invitation,
  NotificationKind.AccountLocked,
  // A formal request for money: the organisation must receive it whatever its settings.
  NotificationKind.ContributionCall,
];

export interface RenderedMessage {
  subject: string;
  text: string;
}

type Template = Record<Locale, (params: Record<string, string | number>) => RenderedMessage>;

/** French and English text of every message; the recipient's locale picks one. */
export const TEMPLATES: Record<NotificationKind, Template> = {
  [NotificationKind.Invitation]: {
    fr: (p) => ({
      subject: `Invitation à rejoindre ${p.trustName}`,
      text: [
        `Bonjour ${p.name},`,
        '',
        `Vous êtes invité·e à devenir membre de ${p.trustName}.`,
        `Pour créer votre compte, ouvrez ce lien avant le ${p.expiresOn} :`,
        String(p.link),
        '',
        "Si vous n'attendiez pas ce message, ignorez-le.",
      ].join('\n'),
    }),
    en: (p) => ({
      subject: `Invitation to join ${p.trustName}`,
      text: [
        `Hello ${p.name},`,
        '',
        `You are invited to become a member of ${p.trustName}.`,
        `To create your account, open this link before ${p.expiresOn}:`,
        String(p.link),
        '',
        'If you were not expecting this message, please ignore it.',
      ].join('\n'),
    }),
  },
  [NotificationKind.ContributionCall]: CONTRIBUTION_CALL,
  [NotificationKind.ContributionOverdue]: CONTRIBUTION_OVERDUE,
  [NotificationKind.ContributionPaymentReceived]: CONTRIBUTION_PAYMENT_RECEIVED,
  [NotificationKind.MemberStatusChanged]: {
    fr: (p) => ({
      subject: `Votre adhésion est maintenant ${STATUS_LABELS.fr[String(p.status)]}`,
      text: [
        `Bonjour ${p.name},`,
        '',
        `Le secrétariat a changé le statut de votre adhésion : elle est maintenant ${STATUS_LABELS.fr[String(p.status)]}.`,
        p.reason ? `Motif : ${p.reason}` : '',
      ]
        .join('\n')
        .trim(),
    }),
    en: (p) => ({
      subject: `Your membership is now ${STATUS_LABELS.en[String(p.status)]}`,
      text: [
        `Hello ${p.name},`,
        '',
        `The secretary changed the status of your membership: it is now ${STATUS_LABELS.en[String(p.status)]}.`,
        p.reason ? `Reason: ${p.reason}` : '',
      ]
        .join('\n')
        .trim(),
    }),
  },
  [NotificationKind.VoteOpened]: VOTE_OPENED,
  [NotificationKind.VoteResultPublished]: VOTE_RESULT_PUBLISHED,
  [NotificationKind.VoteReminder]: {
    fr: (p) => ({
      subject: `Rappel : le vote « ${p.title} » se termine le ${closingTime('fr', p.closesAt)}`,
      text: [
        `Bonjour ${p.name},`,
        '',
        `Vous n'avez pas encore voté sur « ${p.title} ».`,
        `Le scrutin se termine le ${closingTime('fr', p.closesAt)} (heure de l'Est).`,
        `Pour voter : ${p.link}`,
      ].join('\n'),
    }),
    en: (p) => ({
      subject: `Reminder: the vote “${p.title}” closes on ${closingTime('en', p.closesAt)}`,
      text: [
        `Hello ${p.name},`,
        '',
        `You have not voted yet on “${p.title}”.`,
        `Voting closes on ${closingTime('en', p.closesAt)} (Eastern time).`,
        `To vote: ${p.link}`,
      ].join('\n'),
    }),
  },
  [NotificationKind.AccountLocked]: {
    fr: (p) => ({
      subject: 'Votre compte Delibera est verrouillé temporairement',
      text: [
        `Bonjour ${p.name},`,
        '',
        `Après ${p.failures} tentatives de connexion échouées, votre compte est verrouillé jusqu’à ${p.until}.`,
        "Si c'était vous, attendez puis réessayez. Sinon, quelqu'un tente d'utiliser votre compte :",
        'changez votre mot de passe dès que possible et prévenez le secrétariat.',
      ].join('\n'),
    }),
    en: (p) => ({
      subject: 'Your Delibera account is temporarily locked',
      text: [
        `Hello ${p.name},`,
        '',
        `After ${p.failures} failed sign-in attempts, your account is locked until ${p.until}.`,
        'If this was you, wait and try again. If not, someone is trying to use your account:',
        'change your password as soon as possible and tell the secretary.',
      ].join('\n'),
    }),
  },
  [NotificationKind.AssemblyNotice]: {
    fr: (p) => ({
      subject: `Avis de convocation : ${p.title}`,
      text: [
        `Bonjour ${p.name},`,
        '',
        `Vous êtes convoqué·e à : ${p.title}.`,
        `Date : du ${p.startsAt} au ${p.endsAt} (heure de l'Est).`,
        p.place ? `Lieu : ${p.place}` : '',
        p.url ? `En ligne : ${p.url}` : '',
        '',
        'Ordre du jour :',
        String(p.agenda),
        '',
        "Vous ne pouvez pas y assister ? Vous pouvez donner votre procuration à un autre membre jusqu'à l'ouverture du premier vote.",
        String(p.link),
      ]
        .filter((line, i, lines) => line !== '' || lines[i - 1] !== '')
        .join('\n'),
    }),
    en: (p) => ({
      subject: `Notice of meeting: ${p.title}`,
      text: [
        `Hello ${p.name},`,
        '',
        `You are called to: ${p.title}.`,
        `When: from ${p.startsAt} to ${p.endsAt} (Eastern time).`,
        p.place ? `Place: ${p.place}` : '',
        p.url ? `Online: ${p.url}` : '',
        '',
        'Agenda:',
        String(p.agenda),
        '',
        'Cannot attend? You may give your proxy to another member until the first vote opens.',
        String(p.link),
      ]
        .filter((line, i, lines) => line !== '' || lines[i - 1] !== '')
        .join('\n'),
    }),
  },
  [NotificationKind.ConsultationRequested]: CONSULTATION_REQUESTED,
  [NotificationKind.ConsultationDueSoon]: CONSULTATION_DUE_SOON,
};

/** A closing time as members read it: their language, Québec's time zone. */
function closingTime(locale: Locale, iso: string | number): string {
  return formatDateTime(new Date(iso), locale);
}

const STATUS_LABELS: Record<Locale, Record<string, string>> = {
  fr: {
    applicant: 'en demande',
    active: 'active',
    suspended: 'suspendue',
    resigned: 'terminée (démission)',
  },
  en: {
    applicant: 'applicant',
    active: 'active',
    suspended: 'suspended',
    resigned: 'ended (resigned)',
  },
};

export function render(
  kind: NotificationKind,
  locale: Locale,
  params: Record<string, string | number>,
): RenderedMessage {
  return TEMPLATES[kind][locale](params);
}
