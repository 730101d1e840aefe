import type { Locale } from '@delibera/kernel';
import type { RenderedMessage } from './index';

type Params = Record<string, string | number>;
type Template = Record<Locale, (params: Params) => RenderedMessage>;

/**
 * Messages of the contribution campaign. Amounts arrive already formatted for
 * the recipient's locale (the contributions lib formats cents exactly).
 */
export const CONTRIBUTION_CALL: Template = {
  fr: (p) => ({
    subject: `Appel de contribution ${p.fiscalYear} — ${p.amount}`,
    text: [
      `Bonjour ${p.name},`,
      '',
      `L'assemblée générale a adopté le barème des contributions de l'exercice ${p.fiscalYear}.`,
      p.individual
        ? `Votre cotisation de membre : ${p.amount}, payable au plus tard le ${p.dueOn}.`
        : `Contribution de votre organisation : ${p.amount}, payable au plus tard le ${p.dueOn}.`,
      ...(p.credit
        ? [`Votre crédit de ${p.credit} y a été appliqué ; reste à payer : ${p.outstanding}.`]
        : []),
      `Indiquez la référence ${p.reference} avec votre paiement.`,
    ].join('\n'),
  }),
  en: (p) => ({
    subject: `Contribution call ${p.fiscalYear} — ${p.amount}`,
    text: [
      `Hello ${p.name},`,
      '',
      `The general assembly adopted the contribution scale for fiscal year ${p.fiscalYear}.`,
      p.individual
        ? `Your membership dues: ${p.amount}, due by ${p.dueOn}.`
        : `Your organisation's contribution: ${p.amount}, due by ${p.dueOn}.`,
      ...(p.credit
        ? [`Your credit of ${p.credit} was applied; left to pay: ${p.outstanding}.`]
        : []),
      `Please quote reference ${p.reference} with your payment.`,
    ].join('\n'),
  }),
};

export const CONTRIBUTION_OVERDUE: Template = {
  fr: (p) => ({
    subject: `Rappel : contribution ${p.reference} en souffrance`,
    text: [
      `Bonjour ${p.name},`,
      '',
      `Votre contribution ${p.reference} était payable le ${p.dueOn}.`,
      `Solde dû : ${p.outstanding}. Merci de régulariser votre paiement.`,
    ].join('\n'),
  }),
  en: (p) => ({
    subject: `Reminder: contribution ${p.reference} is overdue`,
    text: [
      `Hello ${p.name},`,
      '',
      `Your contribution ${p.reference} was due on ${p.dueOn}.`,
      `Outstanding balance: ${p.outstanding}. Please settle your payment.`,
    ].join('\n'),
  }),
};

export const CONTRIBUTION_PAYMENT_RECEIVED: Template = {
  fr: (p) => ({
    subject: `Reçu : paiement de ${p.amount} (${p.reference})`,
    text: [
      `Bonjour ${p.name},`,
      '',
      `Nous avons reçu votre paiement de ${p.amount} le ${p.paidOn} pour la contribution ${p.reference}.`,
      `Solde dû : ${p.outstanding}.`,
    ].join('\n'),
  }),
  en: (p) => ({
    subject: `Receipt: payment of ${p.amount} (${p.reference})`,
    text: [
      `Hello ${p.name},`,
      '',
      `We received your payment of ${p.amount} on ${p.paidOn} for contribution ${p.reference}.`,
      `Outstanding balance: ${p.outstanding}.`,
    ].join('\n'),
  }),
};
