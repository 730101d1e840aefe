import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { JobsOptions, Queue, RepeatOptions } from 'bullmq';
import { JobData, JobName, QUEUE_OF_JOB, QueueName } from './jobs';

/** A job to run at a given time (now if absent), with an id that makes enqueueing it idempotent. */
export interface ScheduledJob {
  name: JobName;
  data: JobData;
  jobId: string;
  at?: Date;
}

/**
 * A dated transition of a domain object: `<kind>.<id>.<transition>.v<version>`.
 * Rescheduling bumps the version, so the stale job's handler sees a version
 * that is no longer current and does nothing. (DESIGN.md writes the id with
 * colons; BullMQ refuses colons in custom job ids, hence the dots.)
 */
export function deadlineJob(deadline: {
  name: JobName;
  kind: string;
  id: string;
  transition: string;
  version: number;
  at: Date;
}): ScheduledJob {
  const { name, id, transition, version, at } = deadline;
  return {
    name,
    at,
    jobId: deadlineJobId(deadline),
    // dueAt is not state the handler acts on: it only lets metrics measure lag from the real deadline.
    data: { id, transition, version, dueAt: at.toISOString() },
  };
}

/** The job id of a dated transition: `<kind>.<id>.<transition>.v<version>`. */
export function deadlineJobId(deadline: {
  kind: string;
  id: string;
  transition: string;
  version: number;
}): string {
  const { kind, id, transition, version } = deadline;
  return `${kind}.${id}.${transition}.v${version}`;
}

/** Transient failures (database restarting, Redis blip) are retried with backoff; failures are kept for inspection. */
const DEFAULT_JOB_OPTIONS: JobsOptions = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: { age: 24 * 3600, count: 10_000 },
  removeOnFail: false,
};

/** BullMQ options of a scheduled job: its id, its delay until `at`, retries and retention. */
export function jobOptions(job: ScheduledJob, now = Date.now()): JobsOptions {
  const delay = job.at ? Math.max(0, job.at.getTime() - now) : 0;
  return { ...DEFAULT_JOB_OPTIONS, jobId: job.jobId, delay };
}

@Injectable()
export class JobScheduler {
  private readonly logger = new Logger(JobScheduler.name);
  private readonly queues: Record<QueueName, Queue>;

  constructor(
    @InjectQueue(QueueName.Deadlines) deadlines: Queue,
    @InjectQueue(QueueName.Notifications) notifications: Queue,
    @InjectQueue(QueueName.Reports) reports: Queue,
  ) {
    this.queues = {
      [QueueName.Deadlines]: deadlines,
      [QueueName.Notifications]: notifications,
      [QueueName.Reports]: reports,
    };
  }

  queue(name: QueueName): Queue {
    return this.queues[name];
  }

  /**
   * For work PostgreSQL says is overdue. If its job already ran (completed as a
   * no-op because it fired a few ms early by the database's clock, or failed
   * after every retry), adding the same id again would be silently ignored and
   * the work lost; a copy with the attempt's tag runs instead (the handler is
   * idempotent), and the finished job stays for inspection.
   */
  async scheduleOverdue(job: ScheduledJob, attempt: string): Promise<void> {
    const state = await this.queue(QUEUE_OF_JOB[job.name]).getJobState(job.jobId);
    const finished = state === 'completed' || state === 'failed';
    await this.schedule(finished ? { ...job, jobId: `${job.jobId}.r${attempt}` } : job);
  }

  /**
   * A BullMQ job scheduler running `name` on `repeat`, or none when `repeat` is
   * null. Called at each start of the API and the worker: the id keeps one
   * schedule per deployment, and one lost with Redis comes back at the next
   * start. Best effort: without Redis the start goes on, with a warning.
   */
  async keepRepeating(
    name: JobName,
    schedulerId: string,
    repeat: Omit<RepeatOptions, 'key'> | null,
  ): Promise<void> {
    const queue = this.queue(QUEUE_OF_JOB[name]);
    try {
      if (!repeat) {
        await queue.removeJobScheduler(schedulerId);
        return;
      }
      await queue.upsertJobScheduler(schedulerId, repeat, {
        name,
        data: {},
        opts: { removeOnComplete: { count: 100 }, removeOnFail: { count: 100 } },
      });
    } catch (error) {
      this.logger.warn(`Could not schedule ${schedulerId}: ${(error as Error).message}`);
    }
  }

  /** Enqueues once per job id: scheduling the same deadline twice leaves one job. */
  async schedule(job: ScheduledJob): Promise<void> {
    await this.queue(QUEUE_OF_JOB[job.name]).add(job.name, job.data, jobOptions(job));
  }

  /**
   * Removes jobs that would find nothing to do (another job did their work),
   * so the work queued behind them starts sooner. Best effort: a job already
   * running or gone stays as it is, and would do nothing anyway.
   */
  async withdraw(name: JobName, jobIds: string[]): Promise<void> {
    const queue = this.queue(QUEUE_OF_JOB[name]);
    await Promise.all(jobIds.map((jobId) => queue.remove(jobId).catch(() => 0)));
  }

  /** Several jobs of one queue in one round trip to Redis (a closing sweep's tallies). */
  async scheduleMany(jobs: ScheduledJob[]): Promise<void> {
    if (jobs.length === 0) return;
    const queues = new Set(jobs.map((job) => QUEUE_OF_JOB[job.name]));
    if (queues.size > 1) throw new Error('scheduleMany takes the jobs of one queue');
    const now = Date.now();
    await this.queue(QUEUE_OF_JOB[jobs[0].name]).addBulk(
      jobs.map((job) => ({ name: job.name, data: job.data, opts: jobOptions(job, now) })),
    );
  }
}
