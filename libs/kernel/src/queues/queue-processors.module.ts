import { Processor, WorkerHost } from '@nestjs/bullmq';
import {
  DynamicModule,
  Inject,
  Module,
  OnApplicationBootstrap,
  OnApplicationShutdown,
  Type,
} from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { ConnectionOptions, Job, WorkerOptions } from 'bullmq';
import { AppConfig } from '../config/app-config';
import { JobRegistry } from './job-registry';
import { JobData, QueueName } from './jobs';
import { QueueHealth } from './queue-health';
import { QueueMetrics } from './queue-metrics';
import { bullConnection, closeSharedConnection, redisTarget } from './redis-connection';
import { ReconcileHandler } from './reconciler';

/** The workers' connection (closed at shutdown when it is a shared Cluster client). */
const WORKER_CONNECTION = Symbol('WORKER_CONNECTION');

/** One BullMQ worker per queue, dispatching each job to the handler registered for its name. */
function processorFor(queue: QueueName, options: WorkerOptions): Type<WorkerHost> {
  @Processor(queue, options)
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
 * The consuming side of every queue. Imported (forRoot) by apps/worker, and by apps/api
 * when RUN_WORKER_IN_PROCESS is on (local use). Handlers live in the domain libs.
 */
@Module({})
export class QueueProcessorsModule implements OnApplicationShutdown {
  constructor(@Inject(WORKER_CONNECTION) private readonly connection: ConnectionOptions) {}

  static forRoot(config: AppConfig): DynamicModule {
    const lockMs = config.JOB_LOCK_SECONDS * 1000;
    const connection = bullConnection(redisTarget(config));
    // A dead worker's jobs are retried once their lock lapses and the stalled check sees it.
    const options: WorkerOptions = {
      // Workers wait for Redis to return (BullMQ's blocking connection); the queues the
      // app adds to fail fast instead (KernelModule), so they cannot share one connection.
      connection,
      concurrency: config.WORKER_CONCURRENCY,
      lockDuration: lockMs,
      stalledInterval: lockMs,
    };
    return {
      module: QueueProcessorsModule,
      imports: [DiscoveryModule],
      providers: [
        { provide: WORKER_CONNECTION, useValue: connection },
        JobRegistry,
        ReconcileHandler,
        ...Object.values(QueueName).map((queue) => processorFor(queue, options)),
      ],
      exports: [JobRegistry],
    };
  }

  /** After the workers closed (BullModule's explorer shuts them down first). */
  async onApplicationShutdown(): Promise<void> {
    await closeSharedConnection(this.connection);
  }
}
