import { JobName, reminderJob, ScheduledJob } from '@delibera/kernel';

/** The reminder `offsetSeconds` before close of a vote's current version. */
export function voteReminderJob(vote: {
  id: string;
  version: number;
  closesAt: Date;
  offsetSeconds: number;
}): ScheduledJob {
  return reminderJob({
    name: JobName.RemindVote,
    kind: 'vote',
    id: vote.id,
    version: vote.version,
    dueAt: vote.closesAt,
    offsetSeconds: vote.offsetSeconds,
  });
}
