import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import { loadConfig } from '../../config/app-config';
import { DomainError } from '../../errors/domain-error';
import { RateLimit, RateLimits } from '../rate-limits';

const limits = (redisUrl: string) =>
  new RateLimits(
    loadConfig({
      REDIS_URL: redisUrl,
      QUEUE_PREFIX: `{rl-test-${randomBytes(4).toString('hex')}}`,
      BALLOTS_PER_ACCOUNT_PER_MINUTE: '3',
      LOGIN_FAILURES_BEFORE_LOCKOUT: '2',
    }),
  );

/**
 * Waits until each limiter's Redis client is connected: before that, consume()
 * answers from the in-memory fallback, whose counts no other replica shares.
 */
async function connected(...rateLimits: RateLimits[]): Promise<void> {
  const status = (limits: RateLimits) => (limits as unknown as { redis: Redis }).redis.status;
  for (let waited = 0; !rateLimits.every((limits) => status(limits) === 'ready'); waited += 20) {
    if (waited > 10_000) throw new Error('Redis did not connect within 10 s');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function attempts(rateLimits: RateLimits, n: number): Promise<string[]> {
  const outcomes: string[] = [];
  for (let i = 0; i < n; i++) {
    outcomes.push(
      await rateLimits.consume(RateLimit.BallotPerAccount, 'account-1').then(
        () => 'ok',
        (error: DomainError) => error.code,
      ),
    );
  }
  return outcomes;
}

describe('rate limits', () => {
  it('count in Redis, shared by every replica', async () => {
    const url = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
    const config = `{rl-test-${randomBytes(4).toString('hex')}}`;
    const make = () =>
      new RateLimits(
        loadConfig({ REDIS_URL: url, QUEUE_PREFIX: config, BALLOTS_PER_ACCOUNT_PER_MINUTE: '3' }),
      );
    const [a, b] = [make(), make()];
    await connected(a, b);
    await a.consume(RateLimit.BallotPerAccount, 'voter');
    await b.consume(RateLimit.BallotPerAccount, 'voter');
    await a.consume(RateLimit.BallotPerAccount, 'voter');
    await expect(b.consume(RateLimit.BallotPerAccount, 'voter')).rejects.toMatchObject({
      code: 'RATE_LIMITED',
    });
    await Promise.all([a.onApplicationShutdown(), b.onApplicationShutdown()]);
  });

  it('keep limiting in memory, without waiting, when Redis is unreachable', async () => {
    const rateLimits = limits('redis://127.0.0.1:1');
    const started = Date.now();
    expect(await attempts(rateLimits, 4)).toEqual(['ok', 'ok', 'ok', 'RATE_LIMITED']);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(await rateLimits.lockedUntil('someone@example.org')).toBeNull();
    await rateLimits.onApplicationShutdown();
  });

  it('lock an account on its second failure when the allowance is 2, and say so only once', async () => {
    const rateLimits = limits(process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379');
    await connected(rateLimits);
    const key = 'membre@example.org';
    const failures = [];
    for (let i = 0; i < 4; i++) failures.push((await rateLimits.recordFailure(key)).lockedNow);
    expect(failures).toEqual([false, true, false, false]);
    expect(await rateLimits.lockedUntil(key)).toBeInstanceOf(Date);
    await rateLimits.clearFailures(key);
    expect(await rateLimits.lockedUntil(key)).toBeNull();
    await rateLimits.onApplicationShutdown();
  });
});
