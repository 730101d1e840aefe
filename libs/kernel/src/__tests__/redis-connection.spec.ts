import { ConfigError, loadConfig } from '../config/app-config';
import {
  bullConnection,
  bullProducerConnection,
  isRedisConfigured,
  redisTarget,
} from '../queues/redis-connection';

const fakeCa = (path: string) => Buffer.from(`pem of ${path}`);

describe('Redis connection settings', () => {
  it('maps a URL with user, password and database to single-node options', () => {
    const target = redisTarget(
      loadConfig({ REDIS_URL: 'redis://app:s%40cret@cache.internal:6380/2' }),
    );
    expect(target).toEqual({
      mode: 'standalone',
      options: { host: 'cache.internal', port: 6380, db: 2, username: 'app', password: 's@cret' },
    });
  });

  it('lets REDIS_PASSWORD override the URL and turns TLS on for rediss:// with a private CA', () => {
    const target = redisTarget(
      loadConfig({
        REDIS_URL: 'rediss://cache.internal',
        REDIS_PASSWORD: 'from-secret-store',
        REDIS_TLS_CA_FILE: '/etc/ssl/redis-ca.pem',
      }),
      fakeCa,
    );
    expect(target).toEqual({
      mode: 'standalone',
      options: {
        host: 'cache.internal',
        port: 6379,
        password: 'from-secret-store',
        tls: { rejectUnauthorized: true, ca: Buffer.from('pem of /etc/ssl/redis-ca.pem') },
      },
    });
  });

  it('maps Sentinel: the sentinels, the master name and both passwords, TLS to sentinels too', () => {
    const config = loadConfig({
      REDIS_SENTINELS: 's1.internal:26379,10.0.0.7:26380',
      REDIS_SENTINEL_MASTER: 'delibera',
      REDIS_SENTINEL_PASSWORD: 'sentinel-pw',
      REDIS_PASSWORD: 'data-pw',
      REDIS_TLS: 'true',
    });
    expect(isRedisConfigured(config)).toBe(true);
    expect(redisTarget(config)).toEqual({
      mode: 'sentinel',
      options: {
        sentinels: [
          { host: 's1.internal', port: 26379 },
          { host: '10.0.0.7', port: 26380 },
        ],
        name: 'delibera',
        password: 'data-pw',
        sentinelPassword: 'sentinel-pw',
        tls: { rejectUnauthorized: true },
        sentinelTLS: { rejectUnauthorized: true },
        enableTLSForSentinelMode: true,
      },
    });
  });

  it('maps Cluster: seed nodes, auth and TLS for every node, host names kept for certificates', () => {
    const target = redisTarget(
      loadConfig({
        REDIS_CLUSTER_NODES: 'n1.internal:7000,n2.internal:7001',
        REDIS_PASSWORD: 'pw',
        REDIS_TLS: 'on',
      }),
    );
    if (target.mode !== 'cluster') throw new Error(`expected cluster, got ${target.mode}`);
    expect(target.nodes).toEqual([
      { host: 'n1.internal', port: 7000 },
      { host: 'n2.internal', port: 7001 },
    ]);
    expect(target.options.redisOptions).toEqual({
      password: 'pw',
      tls: { rejectUnauthorized: true },
    });
    const resolved = jest.fn();
    target.options.dnsLookup?.('n1.internal', resolved);
    expect(resolved).toHaveBeenCalledWith(null, 'n1.internal');
  });

  it('refuses contradictory or malformed Redis settings at start, without echoing secrets', () => {
    const attempt = (env: Record<string, string>) => {
      try {
        loadConfig(env);
      } catch (error) {
        return (error as ConfigError).problems.join('\n');
      }
      return 'accepted';
    };
    expect(
      attempt({ REDIS_SENTINELS: 'a:1', REDIS_CLUSTER_NODES: 'b:2', REDIS_SENTINEL_MASTER: 'm' }),
    ).toContain('choose one Redis topology');
    expect(attempt({ REDIS_SENTINELS: 'a:1' })).toContain('REDIS_SENTINEL_MASTER');
    expect(attempt({ REDIS_CLUSTER_NODES: 'just-a-host' })).toContain('REDIS_CLUSTER_NODES');
    expect(attempt({ QUEUE_PREFIX: 'delibera' })).toContain('hash tag');
    expect(attempt({ REDIS_PASSWORD: '' })).toBe('accepted');
    expect(isRedisConfigured(loadConfig({}))).toBe(false);
  });

  it('lets the queues the app adds to fail fast without Redis, while workers wait for it', () => {
    const target = redisTarget(loadConfig({ REDIS_URL: 'redis://cache.internal:6380' }));
    expect(bullProducerConnection(target)).toEqual({
      host: 'cache.internal',
      port: 6380,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
    });
    expect(bullConnection(target)).toEqual({
      host: 'cache.internal',
      port: 6380,
      maxRetriesPerRequest: null,
    });
  });

  it('reads reminder offsets, earliest first', () => {
    expect(loadConfig({}).voteReminderOffsetsMs).toEqual([48 * 3_600_000, 2 * 3_600_000]);
    expect(loadConfig({ VOTE_REMINDERS: '2s,90m,2s' }).voteReminderOffsetsMs).toEqual([
      5_400_000, 2000,
    ]);
    expect(() => loadConfig({ VOTE_REMINDERS: '2 hours' })).toThrow(ConfigError);
    expect(loadConfig({}).consultationReminderOffsetsMs).toEqual([48 * 3_600_000]);
    expect(loadConfig({ CONSULTATION_REMINDERS: '2s,3d' }).consultationReminderOffsetsMs).toEqual([
      3 * 86_400_000,
      2000,
    ]);
    expect(loadConfig({ CONSULTATION_REMINDERS: '' }).consultationReminderOffsetsMs).toEqual([]);
    expect(() => loadConfig({ CONSULTATION_REMINDERS: '48' })).toThrow(ConfigError);
  });
});
