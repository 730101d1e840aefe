import {
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
  SetMetadata,
} from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { DiscoveryService, Reflector } from '@nestjs/core';
import { AppConfig } from '../config/app-config';
import { HandlesJob, JobHandler } from './job-handler';
import { JobName } from './jobs';
import { JobScheduler, ScheduledJob } from './scheduled-job';

const OVERDUE_SOURCE = 'delibera:overdue-source';

/**
 * A domain's answer to "what should already have happened and has not?",
 * read from PostgreSQL, the source of truth. Jobs it returns carry
 * deterministic ids, so re-enqueueing work that is still queued is a no-op.
 */
export interface OverdueSource {
  overdue(now: Date): Promise<ScheduledJob[]>;
}

/** Marks a provider as an OverdueSource the reconciler asks every interval. */
export const ReconcilesOverdueWork = () => SetMetadata(OVERDUE_SOURCE, true);

/**
 * Re-enqueues overdue work of every domain. Runs at worker start and every
 * RECONCILE_INTERVAL_SECONDS, so a lost Redis, a flushed queue or a dead worker
 * delays a transition by at most one interval.
 *
 * The tick is a timer in each worker that enqueues one job per interval (the
 * job id names the interval, so several workers still run it once) plus one
 * at each worker's start, rather
 * than a BullMQ job scheduler: a scheduler lives in Redis and would vanish
 * with the very flush it is meant to repair.
 */
@Injectable()
@HandlesJob(JobName.ReconcileDeadlines)
export class ReconcileHandler implements JobHandler, OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ReconcileHandler.name);
  private sources: OverdueSource[] = [];
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly reflector: Reflector,
    private readonly scheduler: JobScheduler,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.sources = this.discovery
      .getProviders()
      .filter(
        (w) => w.metatype && w.instance && this.reflector.get(OVERDUE_SOURCE, w.metatype as never),
      )
      .map((w) => w.instance as OverdueSource);
    const intervalMs = this.config.RECONCILE_INTERVAL_SECONDS * 1000;
    // At start, always: a worker restarted after a crash must not wait for the next interval
    // because its predecessor already reconciled in this one.
    await this.tick(intervalMs, `reconcile.start.${randomBytes(6).toString('hex')}`);
    this.timer = setInterval(() => void this.tick(intervalMs), intervalMs);
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  private async tick(intervalMs: number, jobId?: string): Promise<void> {
    try {
      const bucket = Math.floor(Date.now() / intervalMs);
      await this.scheduler.schedule({
        name: JobName.ReconcileDeadlines,
        data: {},
        jobId: jobId ?? `reconcile.${bucket}`,
      });
    } catch (error) {
      this.logger.warn(`Could not enqueue the reconciler: ${(error as Error).message}`);
    }
  }

  async handle(): Promise<{ enqueued: number }> {
    const now = new Date();
    const jobs = (await Promise.all(this.sources.map((source) => source.overdue(now)))).flat();
    // One retry tag per interval: several workers reconciling at once still add one copy.
    const attempt = String(
      Math.floor(now.getTime() / (this.config.RECONCILE_INTERVAL_SECONDS * 1000)),
    );
    for (const job of jobs) await this.scheduler.scheduleOverdue(job, attempt);
    if (jobs.length > 0) this.logger.log(`Re-enqueued ${jobs.length} overdue job(s)`);
    return { enqueued: jobs.length };
  }
}
