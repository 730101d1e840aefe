import { Provider } from '@nestjs/common';
import Redis from 'ioredis';
import { AppConfig } from '../config/app-config';

export const REDIS = Symbol('REDIS');

/** A shared ioredis client for health checks and rate limits (BullMQ keeps its own connections). */
export const redisProvider: Provider = {
  provide: REDIS,
  inject: [AppConfig],
  useFactory: (config: AppConfig) => {
    if (!config.REDIS_URL) throw new Error('REDIS_URL must be resolved before the app starts');
    return new Redis(config.REDIS_URL, { lazyConnect: false, maxRetriesPerRequest: 2 });
  },
};
