/** The parts of a BullMQ job its timing depends on. */
export interface TimedJob {
  timestamp: number;
  delay?: number;
  data?: unknown;
}

/**
 * When a job was meant to run: the deadline's own `dueAt` (kept in the data by
 * deadlineJob(), so a job re-enqueued late by the reconciler still counts from
 * the real deadline), else when it was added plus its delay.
 */
export function jobDueAt(job: TimedJob): number {
  const dueAt = (job.data as { dueAt?: unknown } | undefined)?.dueAt;
  if (typeof dueAt === 'string') {
    const parsed = Date.parse(dueAt);
    if (!Number.isNaN(parsed)) return parsed;
  }
  return job.timestamp + (job.delay ?? 0);
}

/** Seconds a due job has waited; 0 when it is not due yet or there is none. */
export function lagSeconds(jobs: readonly (TimedJob | undefined)[], now: number): number {
  const due = jobs.filter((job): job is TimedJob => !!job).map(jobDueAt);
  if (due.length === 0) return 0;
  return Math.max(0, (now - Math.min(...due)) / 1000);
}
