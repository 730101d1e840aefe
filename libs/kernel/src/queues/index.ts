export * from './jobs';
export * from './job-handler';
export * from './job-registry';
export * from './redis';
export * from './redis.provider';
export * from './queue-processors.module';
export * from './scheduled-job';
export * from './reconciler';
