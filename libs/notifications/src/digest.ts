import { registerEnumType } from '@nestjs/graphql';
import { TRUST_TIME_ZONE } from '@delibera/kernel';
import { NotificationKind } from './templates';

/** How a member receives the emails of digestible kinds. */
export enum EmailDigest {
  /** One email per event, as soon as it happens. */
  Immediate = 'immediate',
  /** One email a day (NOTIFICATION_DIGEST_HOUR) listing the events since the last one. */
  Daily = 'daily',
}
registerEnumType(EmailDigest, { name: 'EmailDigest' });

/**
 * Whether a kind waits for the daily digest of members who chose one (true),
 * or is emailed at once whatever their choice (false): reminders before a vote
 * closes or a consultation is due, and the emails about the account itself (invitation, lockout, a
 * change of membership status). A Record, so a new kind is decided here.
 * Everything else is announced days or weeks ahead of any deadline.
 */
export const DIGESTIBLE: Record<NotificationKind, boolean> = {
  [NotificationKind.VoteOpened]: true,
  [NotificationKind.VoteResultPublished]: true,
  [NotificationKind.AssemblyNotice]: true,
  [NotificationKind.ConsultationRequested]: true,
  [NotificationKind.ContributionCall]: true,
  [NotificationKind.ContributionOverdue]: true,
  [NotificationKind.ContributionPaymentReceived]: true,
  [NotificationKind.VoteReminder]: false,
  [NotificationKind.ConsultationDueSoon]: false,
  [NotificationKind.Invitation]: false,
  [NotificationKind.AccountLocked]: false,
  [NotificationKind.MemberStatusChanged]: false,
};

/** SQL: outbox rows waiting for their member's next digest (tried 10 times at most, as single emails). */
export const WAITING = 'in_digest AND sent_at IS NULL AND attempts < 10';

const MONTREAL_PARTS = new Intl.DateTimeFormat('en-CA', {
  timeZone: TRUST_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  hourCycle: 'h23',
});

/**
 * The digest a moment belongs to: the Montréal date (YYYY-MM-DD) of the last
 * `hour` o'clock at or before it. A member gets at most one digest per such
 * day, however many times the job runs.
 */
export function digestDay(now: Date, hour: number): string {
  const parts = Object.fromEntries(
    MONTREAL_PARTS.formatToParts(now).map((part) => [part.type, part.value]),
  );
  const date = new Date(`${parts.year}-${parts.month}-${parts.day}T00:00:00Z`);
  if (Number(parts.hour) < hour) date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
}
