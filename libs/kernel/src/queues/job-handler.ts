import { SetMetadata } from '@nestjs/common';
import { JobData, JobName } from './jobs';

export const JOB_HANDLER = 'delibera:job-handler';

/**
 * A plain service that does one kind of job. It must be idempotent: it re-reads
 * state and returns early when the work is already done, so a job delivered
 * twice, late or after a crash changes nothing more.
 */
export interface JobHandler<D extends JobData = JobData> {
  handle(data: D, meta: { jobId?: string; attemptsMade: number }): Promise<unknown>;
}

/** Marks a provider as the handler of a job name; the worker discovers it at start. */
export const HandlesJob = (name: JobName) => SetMetadata(JOB_HANDLER, name);
