import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import type { Cluster, Redis } from 'ioredis';
import {
  RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
} from 'rate-limiter-flexible';
import { AppConfig } from '../config/app-config';
import { CommonErrors } from '../errors/common.errors';
import { createRedisClient, redisTarget } from '../queues/redis-connection';

/** What is limited, and by which key (a client IP or an account). */
export enum RateLimit {
  LoginPerIp = 'login-ip',
  InvitationPerIp = 'invitation-ip',
  BallotPerAccount = 'ballot-account',
  BallotPerIp = 'ballot-ip',
}

const MINUTE = 60;

/**
 * Redis-backed limits shared by every API replica. When Redis is unreachable
 * each process falls back to an in-memory limiter of the same size, so a Redis
 * outage never blocks signing in or casting a ballot (its client does not queue
 * commands while disconnected: they fail at once and the fallback answers).
 */
@Injectable()
export class RateLimits implements OnApplicationShutdown {
  private readonly redis: Redis | Cluster;
  private readonly limiters: Record<RateLimit, RateLimiterAbstract>;
  private readonly lockouts: RateLimiterAbstract;

  constructor(private readonly config: AppConfig) {
    // Same Redis settings as everything else (password, TLS, Sentinel, Cluster).
    this.redis = createRedisClient(redisTarget(config), {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      lazyConnect: false,
      // A cast counts two limits, and concurrent requests count theirs in the same
      // tick: sent as one pipeline, they take one socket write instead of one each.
      enableAutoPipelining: true,
    });
    this.redis.on('error', () => undefined); // reported by /ready; the fallback limiter takes over
    const limiter = (name: string, points: number, duration: number, blockDuration = 0) =>
      new RateLimiterRedis({
        storeClient: this.redis,
        keyPrefix: `${config.QUEUE_PREFIX}:rl:${name}`,
        points,
        duration,
        blockDuration,
        insuranceLimiter: new RateLimiterMemory({ points, duration, blockDuration }),
      });
    this.limiters = {
      [RateLimit.LoginPerIp]: limiter('login-ip', config.LOGIN_ATTEMPTS_PER_IP_PER_MINUTE, MINUTE),
      [RateLimit.InvitationPerIp]: limiter(
        'invitation-ip',
        config.INVITATION_ATTEMPTS_PER_IP_PER_MINUTE,
        MINUTE,
      ),
      [RateLimit.BallotPerAccount]: limiter(
        'ballot-account',
        config.BALLOTS_PER_ACCOUNT_PER_MINUTE,
        MINUTE,
      ),
      [RateLimit.BallotPerIp]: limiter('ballot-ip', config.BALLOTS_PER_IP_PER_MINUTE, MINUTE),
    };
    // The failure that reaches LOGIN_FAILURES_BEFORE_LOCKOUT is the first one refused, and locks.
    const lockoutSeconds = config.LOCKOUT_MINUTES * MINUTE;
    this.lockouts = limiter(
      'lockout',
      config.LOGIN_FAILURES_BEFORE_LOCKOUT - 1,
      lockoutSeconds,
      lockoutSeconds,
    );
  }

  /** Counts one attempt; refuses with RATE_LIMITED once the key has used its allowance. */
  async consume(limit: RateLimit, key: string): Promise<void> {
    if (!this.config.RATE_LIMITS_ENABLED) return;
    try {
      await this.limiters[limit].consume(key);
    } catch (rejection) {
      throw tooMany(rejection);
    }
  }

  /** Whether an account (by normalised email) is locked out after repeated failed sign-ins, and until when. */
  async lockedUntil(key: string): Promise<Date | null> {
    if (!this.config.RATE_LIMITS_ENABLED) return null;
    // Fails open when Redis is unreachable: the per-IP limit still applies in memory.
    const state = await this.lockouts.get(key).catch(() => null);
    const locked = state && state.consumedPoints >= this.config.LOGIN_FAILURES_BEFORE_LOCKOUT;
    return locked ? new Date(Date.now() + state.msBeforeNext) : null;
  }

  /** Records a failed sign-in; says whether this failure is the one that locked the account. */
  async recordFailure(key: string): Promise<{ lockedNow: boolean; until: Date | null }> {
    if (!this.config.RATE_LIMITS_ENABLED) return { lockedNow: false, until: null };
    try {
      await this.lockouts.consume(key);
      return { lockedNow: false, until: null };
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      const lockedNow = rejection.consumedPoints === this.config.LOGIN_FAILURES_BEFORE_LOCKOUT;
      return { lockedNow, until: new Date(Date.now() + rejection.msBeforeNext) };
    }
  }

  /** A successful sign-in forgets earlier failures. */
  async clearFailures(key: string): Promise<void> {
    if (this.config.RATE_LIMITS_ENABLED) await this.lockouts.delete(key);
  }

  async onApplicationShutdown(): Promise<void> {
    this.redis.disconnect();
  }
}

function tooMany(rejection: unknown): Error {
  if (!(rejection instanceof RateLimiterRes)) return rejection as Error;
  return CommonErrors.RATE_LIMITED({
    retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)),
  });
}
