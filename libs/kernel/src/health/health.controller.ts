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
import { AppConfig } from '../config/app-config';
import { QueueHealth } from '../queues/queue-health';

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
    private readonly queues: QueueHealth,
    private readonly config: AppConfig,
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

  /**
   * Depth, failures and lag of each queue, and this process's workers if it
   * runs any: down when a due job has waited longer than QUEUE_LAG_READY_SECONDS
   * (no worker, or workers falling behind) or a local worker stopped.
   */
  private async queuesCheck() {
    const indicator = this.indicators.check('queues');
    try {
      const entries = await Promise.all(
        Object.values(QueueName).map(
          async (name) => [name, await this.queues.state(name)] as const,
        ),
      );
      const workers = this.queues.workerStates();
      const details = {
        ...Object.fromEntries(entries),
        ...(Object.keys(workers).length > 0 ? { workers } : {}),
      };
      const lagging = entries
        .filter(([, state]) => state.lagSeconds > this.config.QUEUE_LAG_READY_SECONDS)
        .map(([name, state]) => `${name} lags ${Math.round(state.lagSeconds)} s`);
      const stopped = Object.entries(workers)
        .filter(([, state]) => state !== 'running')
        .map(([name]) => `${name} worker stopped`);
      const problems = [...lagging, ...stopped];
      return problems.length > 0 ? indicator.down({ ...details, problems }) : indicator.up(details);
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
    try {
      const pending = await this.dataSource.showMigrations();
      return pending ? indicator.down('migrations pending') : indicator.up();
    } catch (error) {
      // Database unreachable: report it (503), do not fail the probe itself (500).
      return indicator.down((error as Error).message);
    }
  }
}
