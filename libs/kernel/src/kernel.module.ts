import { createSecretKey } from 'node:crypto';
import { BullModule } from '@nestjs/bullmq';
import {
  DynamicModule,
  Global,
  Inject,
  OnApplicationShutdown,
  MiddlewareConsumer,
  Module,
  NestModule,
  Type,
  ValidationPipe,
} from '@nestjs/common';
import { APP_GUARD, APP_PIPE } from '@nestjs/core';
import { EventEmitterModule } from '@nestjs/event-emitter';
import { JwtModule } from '@nestjs/jwt';
import { TerminusModule } from '@nestjs/terminus';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import type { ConnectionOptions } from 'bullmq';
import type Redis from 'ioredis';
import { MigrationInterface } from 'typeorm';
import { AuthGuard } from './auth/auth.guard';
import { TokenService } from './auth/token.service';
import { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { RequestContextMiddleware } from './context/request-context.middleware';
import { dataSourceOptions } from './database/data-source-options';
import { validationError } from './errors/validation';
import { cacheValidationMetadata } from './errors/validation-metadata-cache';
import { HealthController } from './health/health.controller';
import { MetricsController } from './health/metrics.controller';
import { JobScheduler } from './queues/scheduled-job';
import { QueueHealth } from './queues/queue-health';
import { QueueMetrics } from './queues/queue-metrics';
import { loggerOptions } from './logging/logger.options';
import { QueueName } from './queues/jobs';
import {
  bullProducerConnection,
  closeSharedConnection,
  isRedisConfigured,
  redisTarget,
} from './queues/redis-connection';
import { QUEUE_CONNECTION, REDIS, redisProvider } from './queues/redis.provider';
import { RateLimits } from './security/rate-limits';
import { SessionRevocations } from './security/session-revocations';

export interface KernelOptions {
  config: AppConfig;
  /** Migration classes, in order (see migrations/index.ts). */
  migrations: Type<MigrationInterface>[];
}

/** The global pipe: class-validator on every input, errors in the caller's language. */
function validationPipe(): ValidationPipe {
  cacheValidationMetadata();
  return new ValidationPipe({
    transform: true,
    whitelist: true,
    forbidUnknownValues: true,
    exceptionFactory: validationError,
  });
}

/**
 * Everything a Delibera process needs before any domain: config, logs,
 * database, queues, auth context with a deny-by-default guard, validation
 * that speaks the caller's language, and health endpoints.
 */
@Global()
@Module({})
export class KernelModule implements NestModule, OnApplicationShutdown {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(QUEUE_CONNECTION) private readonly queueConnection: ConnectionOptions,
  ) {}

  static forRoot({ config, migrations }: KernelOptions): DynamicModule {
    if (!config.DATABASE_URL || !isRedisConfigured(config) || !config.JWT_SECRET) {
      throw new Error(
        'DATABASE_URL, Redis and JWT_SECRET must be resolved before the kernel starts',
      );
    }
    // Queues fail fast without Redis; the workers' own connection waits (QueueProcessorsModule).
    const queueConnection = bullProducerConnection(redisTarget(config));
    return {
      module: KernelModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot(loggerOptions(config)),
        TypeOrmModule.forRoot({
          ...dataSourceOptions({
            url: config.DATABASE_URL,
            entities: [],
            migrations,
            poolSize: config.DB_POOL_SIZE,
          }),
          autoLoadEntities: true,
        }),
        JwtModule.register({
          // A KeyObject, not the string: given a string, jsonwebtoken first tries
          // (and fails) to parse it as a public/private key on every sign and
          // verify, which cost ~1 ms of CPU per request on the ballot hot path.
          secret: config.JWT_SECRET ? createSecretKey(Buffer.from(config.JWT_SECRET)) : undefined,
          signOptions: { expiresIn: config.ACCESS_TOKEN_TTL_SECONDS },
        }),
        BullModule.forRoot({
          connection: queueConnection,
          prefix: config.QUEUE_PREFIX,
        }),
        BullModule.registerQueue(...Object.values(QueueName).map((name) => ({ name }))),
        EventEmitterModule.forRoot(),
        TerminusModule,
      ],
      controllers: [HealthController, MetricsController],
      providers: [
        TokenService,
        SessionRevocations,
        RateLimits,
        JobScheduler,
        QueueHealth,
        QueueMetrics,
        redisProvider,
        { provide: QUEUE_CONNECTION, useValue: queueConnection },
        { provide: APP_GUARD, useClass: AuthGuard },
        {
          provide: APP_PIPE,
          useValue: validationPipe(),
        },
      ],
      exports: [
        TokenService,
        SessionRevocations,
        RateLimits,
        JobScheduler,
        QueueHealth,
        QueueMetrics,
        REDIS,
        BullModule,
        JwtModule,
      ],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(RequestContextMiddleware).forRoutes('*path');
  }

  /** After the queues closed (BullModule, imported here, shuts down first). */
  async onApplicationShutdown(): Promise<void> {
    await Promise.all([
      this.redis.quit().catch(() => undefined),
      closeSharedConnection(this.queueConnection),
    ]);
  }
}
