import { Injectable, Logger } from '@nestjs/common';
import { Worker } from 'bullmq';
import { QueueName } from './jobs';
import { lagSeconds } from './job-timing';
import { JobScheduler } from './scheduled-job';

const LAG_WINDOW = 100;
/** While Redis is away each client fails every reconnect attempt: one line a minute is enough. */
const ERROR_LOG_INTERVAL_MS = 60_000;

/**
 * A BullMQ queue or worker without an `error` listener prints every Redis
 * connection failure to stderr; this logs them as warnings, at most one a
 * minute per client (/ready already says Redis is down).
 */
function redisErrorLog(logger: Logger, source: string): (error: Error) => void {
  let last = -Infinity;
  return (error) => {
    const now = Date.now();
    if (now - last < ERROR_LOG_INTERVAL_MS) return;
    last = now;
    logger.warn(`${source}: ${error.message}`);
  };
}

export interface QueueState {
  waiting: number;
  delayed: number;
  active: number;
  failed: number;
  /** Age in seconds of the oldest job that is due and not started. */
  lagSeconds: number;
}

/**
 * What /ready, /metrics and operators need to know about the queues, read from
 * Redis (so the API sees a dead worker's backlog too), plus the state of the
 * BullMQ workers running in this process, if any.
 */
@Injectable()
export class QueueHealth {
  private readonly logger = new Logger('Queues');
  private readonly workers = new Map<QueueName, Worker>();

  constructor(private readonly scheduler: JobScheduler) {
    for (const name of Object.values(QueueName)) {
      scheduler.queue(name).on('error', redisErrorLog(this.logger, `queue ${name}`));
    }
  }

  /** Called by this process's processors once their BullMQ worker exists. */
  attach(queue: QueueName, worker: Worker): void {
    this.workers.set(queue, worker);
    worker.on('error', redisErrorLog(this.logger, `worker ${queue}`));
  }

  /** `running` or `stopped` per queue processed in this process; empty in an API without processors. */
  workerStates(): Partial<Record<QueueName, 'running' | 'stopped'>> {
    return Object.fromEntries(
      [...this.workers].map(([queue, worker]) => [
        queue,
        worker.isRunning() ? 'running' : 'stopped',
      ]),
    );
  }

  async state(name: QueueName, now = Date.now()): Promise<QueueState> {
    const queue = this.scheduler.queue(name);
    const [counts, nextWaiting, [soonestDelayed]] = await Promise.all([
      queue.getJobCounts('waiting', 'delayed', 'active', 'failed'),
      // The next jobs a worker takes (a reconciled job can be due earlier than the one before
      // it, hence a window, bounded so a scrape stays cheap), and the soonest delayed one.
      queue.getJobs(['waiting'], 0, LAG_WINDOW - 1, true),
      queue.getJobs(['delayed'], 0, 0, true),
    ]);
    return {
      waiting: counts.waiting ?? 0,
      delayed: counts.delayed ?? 0,
      active: counts.active ?? 0,
      failed: counts.failed ?? 0,
      // A delayed job past its time means no worker is promoting jobs: that is lag too.
      lagSeconds: lagSeconds([...nextWaiting, soonestDelayed], now),
    };
  }
}
