export * from './health.controller';
export * from './metrics.controller';
