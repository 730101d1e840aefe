import { Provider } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { createRedisClient, redisTarget } from './redis-connection';

export const REDIS = Symbol('REDIS');

/** A shared ioredis client for health checks and rate limits (BullMQ keeps its own connections). */
export const redisProvider: Provider = {
  provide: REDIS,
  inject: [AppConfig],
  useFactory: (config: AppConfig) =>
    createRedisClient(redisTarget(config), { lazyConnect: false, maxRetriesPerRequest: 2 }),
};
