import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Module, OnApplicationBootstrap, Type } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { Job } from 'bullmq';
import { JobRegistry } from './job-registry';
import { JobData, QueueName } from './jobs';
import { QueueHealth } from './queue-health';
import { QueueMetrics } from './queue-metrics';
import { ReconcileHandler } from './reconciler';

/** One BullMQ worker per queue, dispatching each job to the handler registered for its name. */
function processorFor(queue: QueueName): Type<WorkerHost> {
  @Processor(queue, { concurrency: 4 })
  class QueueProcessor extends WorkerHost implements OnApplicationBootstrap {
    constructor(
      private readonly registry: JobRegistry,
      private readonly metrics: QueueMetrics,
      private readonly health: QueueHealth,
    ) {
      super();
    }

    onApplicationBootstrap(): void {
      this.health.attach(queue, this.worker);
    }

    async process(job: Job<JobData>): Promise<unknown> {
      this.metrics.jobStarted(queue, job);
      try {
        return await this.registry
          .handlerFor(job.name)
          .handle(job.data, { jobId: job.id, attemptsMade: job.attemptsMade });
      } catch (error) {
        this.metrics.jobFailed(queue, job);
        throw error;
      }
    }
  }
  Object.defineProperty(QueueProcessor, 'name', { value: `${queue}-processor` });
  return QueueProcessor;
}

/**
 * The consuming side of every queue. Imported by apps/worker, and by apps/api
 * when RUN_WORKER_IN_PROCESS is on (local use). Handlers live in the domain libs.
 */
@Module({
  imports: [DiscoveryModule],
  providers: [JobRegistry, ReconcileHandler, ...Object.values(QueueName).map(processorFor)],
  exports: [JobRegistry],
})
export class QueueProcessorsModule {}
