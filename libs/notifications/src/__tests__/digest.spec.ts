import { digestDay, DIGESTIBLE } from '../digest';
import { NotificationKind } from '../templates';
import { composeDigest, DigestItem } from '../templates/digest';

const PORTAL = 'https://portail.example.org';

const voteOpened: DigestItem = {
  kind: NotificationKind.VoteOpened,
  params: {
    name: 'Alice Tremblay',
    title: 'Budget 2027',
    closesAt: '2026-11-24T19:05:00Z',
    link: `${PORTAL}/votes/v1`,
  },
};
const receipt: DigestItem = {
  kind: NotificationKind.ContributionPaymentReceived,
  params: {
    name: 'Alice Tremblay',
    amount: '25,00 $',
    paidOn: '2026-11-20',
    reference: 'C-2027-001',
    outstanding: '0,00 $',
  },
};

describe('composeDigest', () => {
  it('lists each notification with its subject and link, in French', () => {
    expect(composeDigest('fr', [voteOpened, receipt], PORTAL)).toEqual({
      subject: 'Votre résumé quotidien : 2 notifications',
      text: [
        'Bonjour Alice Tremblay,',
        '',
        'Voici les notifications reçues depuis votre dernier résumé.',
        '',
        '1. Vote ouvert : « Budget 2027 »',
        `   ${PORTAL}/votes/v1`,
        '',
        '2. Reçu : paiement de 25,00 $ (C-2027-001)',
        // A message without a link of its own points to the portal, where the inbox is.
        `   ${PORTAL}/`,
        '',
        `Pour recevoir plutôt un courriel par événement, modifiez vos préférences : ${PORTAL}/settings/notifications`,
      ].join('\n'),
    });
  });

  it('speaks English to an English-speaking member, singular for one', () => {
    const { subject, text } = composeDigest('en', [voteOpened], PORTAL);
    expect(subject).toBe('Your daily digest: 1 notification');
    expect(text).toContain('Hello Alice Tremblay,');
    expect(text).toContain(`1. Vote open: “Budget 2027”\n   ${PORTAL}/votes/v1`);
    expect(text).toContain(`change your preferences: ${PORTAL}/settings/notifications`);
  });
});

describe('digestDay', () => {
  it('is the Montréal date of the last digest hour at or before the moment', () => {
    // 7:00 in Montréal is 12:00 UTC in winter (EST) and 11:00 UTC in summer (EDT).
    expect(digestDay(new Date('2026-01-15T11:59:59Z'), 7)).toBe('2026-01-14');
    expect(digestDay(new Date('2026-01-15T12:00:00Z'), 7)).toBe('2026-01-15');
    expect(digestDay(new Date('2026-07-15T11:00:00Z'), 7)).toBe('2026-07-15');
    // Late evening in Montréal is already the next day in UTC.
    expect(digestDay(new Date('2026-03-01T03:30:00Z'), 7)).toBe('2026-02-28');
    expect(digestDay(new Date('2026-01-01T04:59:00Z'), 0)).toBe('2025-12-31');
    expect(digestDay(new Date('2026-01-01T05:00:00Z'), 0)).toBe('2026-01-01');
  });
});

describe('DIGESTIBLE', () => {
  it('sends reminders before a close or a due date and account emails at once', () => {
    expect(Object.entries(DIGESTIBLE).filter(([, digestible]) => !digestible)).toEqual([
      [NotificationKind.VoteReminder, false],
      [NotificationKind.ConsultationDueSoon, false],
      [NotificationKind.Invitation, false],
      [NotificationKind.AccountLocked, false],
      [NotificationKind.MemberStatusChanged, false],
    ]);
  });
});
