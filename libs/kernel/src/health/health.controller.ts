import { Controller, Get, Inject } from '@nestjs/common';
import {
  HealthCheck,
  HealthCheckService,
  HealthIndicatorService,
  TypeOrmHealthIndicator,
} from '@nestjs/terminus';
import type Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { Public } from '../auth/auth.decorators';
import { QueueName } from '../queues/jobs';
import { REDIS } from '../queues/redis.provider';
import { JobScheduler } from '../queues/scheduled-job';

/** Liveness (`/health`: the process answers) and readiness (`/ready`: it can do its work). */
@Controller()
@Public()
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly dataSource: DataSource,
    @Inject(REDIS) private readonly redis: Redis,
    private readonly scheduler: JobScheduler,
  ) {}

  @Get('health')
  @HealthCheck()
  live() {
    return this.health.check([]);
  }

  @Get('ready')
  @HealthCheck()
  ready() {
    return this.health.check([
      () => this.database.pingCheck('database', { timeout: 2000 }),
      () => this.redisCheck(),
      () => this.migrationsCheck(),
      () => this.queuesCheck(),
    ]);
  }

  /** Depth and failures of each queue, so an operator sees a backlog from the readiness probe. */
  private async queuesCheck() {
    const indicator = this.indicators.check('queues');
    try {
      const entries = await Promise.all(
        Object.values(QueueName).map(
          async (name) =>
            [
              name,
              await this.scheduler
                .queue(name)
                .getJobCounts('waiting', 'delayed', 'active', 'failed'),
            ] as const,
        ),
      );
      return indicator.up(Object.fromEntries(entries));
    } catch (error) {
      return indicator.down((error as Error).message);
    }
  }

  private async redisCheck() {
    const indicator = this.indicators.check('redis');
    try {
      return (await this.redis.ping()) === 'PONG' ? indicator.up() : indicator.down('no PONG');
    } catch (error) {
      return indicator.down((error as Error).message);
    }
  }

  private async migrationsCheck() {
    const indicator = this.indicators.check('migrations');
    const pending = await this.dataSource.showMigrations();
    return pending ? indicator.down('migrations pending') : indicator.up();
  }
}
