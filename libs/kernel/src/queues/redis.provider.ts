import { Provider } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { createRedisClient, redisTarget } from './redis-connection';

export const REDIS = Symbol('REDIS');
/** The connection the app's queues add jobs on (closed at shutdown when it is a shared Cluster client). */
export const QUEUE_CONNECTION = Symbol('QUEUE_CONNECTION');

/** A shared ioredis client for health checks and rate limits (BullMQ keeps its own connections). */
export const redisProvider: Provider = {
  provide: REDIS,
  inject: [AppConfig],
  useFactory: (config: AppConfig) =>
    createRedisClient(redisTarget(config), { lazyConnect: false, maxRetriesPerRequest: 2 }),
};
