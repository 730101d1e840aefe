import { Controller, Get, Header } from '@nestjs/common';
import { collectDefaultMetrics, Gauge, Registry } from 'prom-client';
import { Public } from '../auth/auth.decorators';
import { QueueName } from '../queues/jobs';
import { JobScheduler } from '../queues/scheduled-job';

const STATES = ['waiting', 'delayed', 'active', 'failed', 'completed'] as const;

/**
 * Prometheus metrics: process defaults and, per queue, how many jobs wait, are
 * delayed, run and failed. Public like /health; expose it on an internal network only.
 */
@Controller()
@Public()
export class MetricsController {
  private readonly registry = new Registry();

  constructor(scheduler: JobScheduler) {
    collectDefaultMetrics({ register: this.registry, prefix: 'delibera_' });
    new Gauge({
      name: 'delibera_queue_jobs',
      help: 'BullMQ jobs per queue and state',
      labelNames: ['queue', 'state'],
      registers: [this.registry],
      async collect() {
        for (const queue of Object.values(QueueName)) {
          const counts = await scheduler.queue(queue).getJobCounts(...STATES);
          for (const state of STATES) this.set({ queue, state }, counts[state] ?? 0);
        }
      },
    });
  }

  @Get('metrics')
  @Header('content-type', 'text/plain; version=0.0.4')
  metrics(): Promise<string> {
    return this.registry.metrics();
  }
}
