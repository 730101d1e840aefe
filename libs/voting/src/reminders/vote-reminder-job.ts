import { deadlineJob, JobName, ScheduledJob } from '@delibera/kernel';

const TRANSITION = /^remind-(\d+)s$/;

/** The reminder `offsetSeconds` before close of a vote's current version. */
export function voteReminderJob(vote: {
  id: string;
  version: number;
  closesAt: Date;
  offsetSeconds: number;
}): ScheduledJob {
  return deadlineJob({
    name: JobName.RemindVote,
    kind: 'vote',
    id: vote.id,
    transition: `remind-${vote.offsetSeconds}s`,
    version: vote.version,
    at: new Date(vote.closesAt.getTime() - vote.offsetSeconds * 1000),
  });
}

/** The offset named by a reminder job's transition, or undefined for anything else. */
export function reminderOffsetSeconds(transition: unknown): number | undefined {
  const match = TRANSITION.exec(String(transition));
  return match ? Number(match[1]) : undefined;
}
