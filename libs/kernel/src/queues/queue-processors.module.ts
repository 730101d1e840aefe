import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Module, Type } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { Job } from 'bullmq';
import { JobRegistry } from './job-registry';
import { JobData, QueueName } from './jobs';
import { ReconcileHandler } from './reconciler';

/** One BullMQ worker per queue, dispatching each job to the handler registered for its name. */
function processorFor(queue: QueueName): Type<WorkerHost> {
  @Processor(queue, { concurrency: 4 })
  class QueueProcessor extends WorkerHost {
    constructor(private readonly registry: JobRegistry) {
      super();
    }

    process(job: Job<JobData>): Promise<unknown> {
      return this.registry
        .handlerFor(job.name)
        .handle(job.data, { jobId: job.id, attemptsMade: job.attemptsMade });
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
