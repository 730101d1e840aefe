import { JobName } from './jobs';
import { deadlineJob, ScheduledJob } from './scheduled-job';

const TRANSITION = /^remind-(\d+)s$/;

/** A job a little early by the database's clock (clocks differ by milliseconds) retries instead of giving up. */
const CLOCK_SKEW_MS = 5000;

/** What reminderJob() puts in a reminder's job data (the handlers read these). */
export type ReminderJobData = { id: string; transition: string; version: number };

/** What a reminder's handler did: how many it told, or why it sent nothing. */
export type ReminderOutcome = { recipients: number } | { skipped: string };

/** Thrown by a reminder that runs a little early: the job is retried with backoff. */
export class ReminderNotDueYet extends Error {}

/** The reminder `offsetSeconds` before a deadline (`dueAt`), as a dated transition `remind-<offset>s`. */
export function reminderJob(reminder: {
  name: JobName;
  kind: string;
  id: string;
  version: number;
  dueAt: Date;
  offsetSeconds: number;
}): ScheduledJob {
  const { dueAt, offsetSeconds, ...rest } = reminder;
  return deadlineJob({
    ...rest,
    transition: `remind-${offsetSeconds}s`,
    at: new Date(dueAt.getTime() - offsetSeconds * 1000),
  });
}

/** The offset named by a reminder job's transition, or undefined for anything else. */
export function reminderOffsetSeconds(transition: unknown): number | undefined {
  const match = TRANSITION.exec(String(transition));
  return match ? Number(match[1]) : undefined;
}

/**
 * Whether a reminder is due at `now` (the database's clock): false when it
 * is early (a stale job), true once its time came; a job only a few seconds
 * early throws ReminderNotDueYet, to be retried.
 */
export function reminderDue(now: Date, remindAt: Date): boolean {
  const early = remindAt.getTime() - now.getTime();
  if (early > CLOCK_SKEW_MS) return false;
  if (early > 0) throw new ReminderNotDueYet(`reminder due in ${early} ms`);
  return true;
}
