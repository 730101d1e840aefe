import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { QueueName } from './jobs';
import { jobDueAt, TimedJob } from './job-timing';
import { QueueHealth, QueueState } from './queue-health';

const STATES = ['waiting', 'delayed', 'active', 'failed'] as const;

/**
 * This process's Prometheus registry: process defaults, and for the queues
 * depth per state, lag, how late each job started and failures. The gauges
 * read Redis at scrape time; the histogram and counter are fed by the
 * processors, so they are non-zero on whichever process runs the worker.
 */
@Injectable()
export class QueueMetrics {
  readonly registry = new Registry();

  private readonly startLag = new Histogram({
    name: 'delibera_job_start_lag_seconds',
    help: 'Time from when a job was due (a deadline’s date) to when a worker started it',
    labelNames: ['queue', 'job'],
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 900],
    registers: [this.registry],
  });

  private readonly failures = new Counter({
    name: 'delibera_job_failures_total',
    help: 'Failed job attempts (each is retried with backoff until its attempts run out)',
    labelNames: ['queue', 'job'],
    registers: [this.registry],
  });

  constructor(health: QueueHealth) {
    collectDefaultMetrics({ register: this.registry, prefix: 'delibera_' });
    // Both gauges read one snapshot per scrape (shared while it is in flight).
    let inFlight: Promise<Map<QueueName, QueueState>> | undefined;
    const snapshot = () =>
      (inFlight ??= Promise.all(
        Object.values(QueueName).map(async (queue) => [queue, await health.state(queue)] as const),
      )
        .then((entries) => new Map(entries))
        .finally(() => (inFlight = undefined)));
    new Gauge({
      name: 'delibera_queue_jobs',
      help: 'BullMQ jobs per queue and state',
      labelNames: ['queue', 'state'],
      registers: [this.registry],
      async collect() {
        for (const [queue, state] of await snapshot())
          for (const name of STATES) this.set({ queue, state: name }, state[name]);
      },
    });
    new Gauge({
      name: 'delibera_queue_lag_seconds',
      help: 'Age of the oldest job that is due and not started, per queue',
      labelNames: ['queue'],
      registers: [this.registry],
      async collect() {
        for (const [queue, state] of await snapshot()) this.set({ queue }, state.lagSeconds);
      },
    });
  }

  /** At a job's first attempt: how late it starts against its due time. Retries would count their backoff. */
  jobStarted(queue: QueueName, job: TimedJob & { name: string; attemptsMade: number }): void {
    if (job.attemptsMade > 0) return;
    this.startLag.observe({ queue, job: job.name }, Math.max(0, Date.now() - jobDueAt(job)) / 1000);
  }

  jobFailed(queue: QueueName, job: { name: string }): void {
    this.failures.inc({ queue, job: job.name });
  }
}
