import { readFileSync } from 'node:fs';
import type { ConnectionOptions as TlsOptions } from 'node:tls';
import type { ConnectionOptions } from 'bullmq';
import Redis, { Cluster, ClusterNode, ClusterOptions, RedisOptions } from 'ioredis';
import { AppConfig } from '../config/app-config';

type RedisSettings = Pick<
  AppConfig,
  | 'REDIS_URL'
  | 'REDIS_USERNAME'
  | 'REDIS_PASSWORD'
  | 'REDIS_TLS'
  | 'REDIS_TLS_CA_FILE'
  | 'REDIS_TLS_REJECT_UNAUTHORIZED'
  | 'REDIS_SENTINELS'
  | 'REDIS_SENTINEL_MASTER'
  | 'REDIS_SENTINEL_PASSWORD'
  | 'REDIS_CLUSTER_NODES'
>;

/** Where Redis is and how to reach it, mapped from config once; every client is built from it. */
export type RedisTarget =
  | { mode: 'standalone'; options: RedisOptions }
  | { mode: 'sentinel'; options: RedisOptions }
  | { mode: 'cluster'; nodes: ClusterNode[]; options: ClusterOptions };

/** True when config names a Redis (URL, Sentinel or Cluster); otherwise a local one may be started. */
export function isRedisConfigured(config: RedisSettings): boolean {
  return !!(config.REDIS_URL || config.REDIS_SENTINELS || config.REDIS_CLUSTER_NODES);
}

/**
 * Maps the REDIS_* settings to ioredis options. Explicit REDIS_USERNAME /
 * REDIS_PASSWORD win over the URL's, so the secret can be injected on its own.
 */
export function redisTarget(
  config: RedisSettings,
  readFile: (path: string) => Buffer = readFileSync,
): RedisTarget {
  const url = config.REDIS_URL ? new URL(config.REDIS_URL) : undefined;
  const useTls = config.REDIS_TLS || url?.protocol === 'rediss:';
  const tls: TlsOptions | undefined = useTls
    ? {
        rejectUnauthorized: config.REDIS_TLS_REJECT_UNAUTHORIZED,
        ...(config.REDIS_TLS_CA_FILE ? { ca: readFile(config.REDIS_TLS_CA_FILE) } : {}),
      }
    : undefined;
  const auth: RedisOptions = {
    username:
      config.REDIS_USERNAME ?? (url?.username ? decodeURIComponent(url.username) : undefined),
    password:
      config.REDIS_PASSWORD ?? (url?.password ? decodeURIComponent(url.password) : undefined),
    ...(tls ? { tls } : {}),
  };
  dropUndefined(auth);

  if (config.REDIS_CLUSTER_NODES) {
    return {
      mode: 'cluster',
      nodes: hostPorts(config.REDIS_CLUSTER_NODES),
      options: {
        redisOptions: auth,
        // Managed TLS clusters announce IPs their certificates do not name: keep the host name.
        ...(tls ? { dnsLookup: (address, done) => done(null, address) } : {}),
      },
    };
  }
  if (config.REDIS_SENTINELS) {
    const sentinel: RedisOptions = {
      ...auth,
      sentinels: hostPorts(config.REDIS_SENTINELS),
      name: config.REDIS_SENTINEL_MASTER,
      sentinelPassword: config.REDIS_SENTINEL_PASSWORD,
      ...(tls ? { sentinelTLS: tls, enableTLSForSentinelMode: true } : {}),
    };
    return { mode: 'sentinel', options: dropUndefined(sentinel) };
  }
  if (!url)
    throw new Error('No Redis configured: set REDIS_URL, REDIS_SENTINELS or REDIS_CLUSTER_NODES');
  const db = Number(url.pathname.slice(1) || 0);
  return {
    mode: 'standalone',
    options: {
      host: url.hostname,
      port: Number(url.port || 6379),
      ...(db ? { db } : {}),
      ...auth,
    },
  };
}

/** A client of its own (health checks, tests), with these extra options. */
export function createRedisClient(target: RedisTarget, extra: RedisOptions = {}): Redis | Cluster {
  if (target.mode === 'cluster') {
    return new Cluster(target.nodes, {
      ...target.options,
      redisOptions: { ...target.options.redisOptions, ...extra },
    });
  }
  return new Redis({ ...target.options, ...extra });
}

/**
 * BullMQ's connection: options for a single node or Sentinel (BullMQ opens its
 * own clients from them), a shared Cluster client otherwise. Workers block on
 * Redis, hence `maxRetriesPerRequest: null`.
 */
export function bullConnection(target: RedisTarget): ConnectionOptions {
  if (target.mode === 'cluster') return createRedisClient(target, { maxRetriesPerRequest: null });
  return { ...target.options, maxRetriesPerRequest: null } as ConnectionOptions;
}

/**
 * The connection of the queues the app adds jobs to (after a request's commit,
 * the reconciler's tick). While Redis is unreachable their commands fail at
 * once instead of waiting in ioredis' offline queue for it to return: no
 * request hangs on Redis, and every caller treats the failure as "later" (the
 * outbox and the reconciler re-read PostgreSQL). Workers keep `bullConnection`
 * and wait for Redis as BullMQ expects. A Cluster client keeps its offline
 * queue: it needs it while it discovers its slots (the app runs on a real
 * Cluster in test/deadlines/redis-cluster.int-spec.ts; an unreachable Cluster
 * is not tested).
 */
export function bullProducerConnection(target: RedisTarget): ConnectionOptions {
  if (target.mode === 'cluster') return bullConnection(target);
  return {
    ...target.options,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
  } as ConnectionOptions;
}

/**
 * Closes a connection BullMQ was handed as a client (Cluster mode): BullMQ
 * leaves a shared client open when its queues and workers close, and a
 * Cluster client left open keeps refreshing its slots forever. Options
 * (single node, Sentinel) need nothing: BullMQ owns the clients it made.
 */
export async function closeSharedConnection(connection: ConnectionOptions): Promise<void> {
  if (connection instanceof Redis || connection instanceof Cluster)
    await connection.quit().catch(() => connection.disconnect());
}

function hostPorts(list: string): { host: string; port: number }[] {
  return list.split(',').map((entry) => {
    const at = entry.lastIndexOf(':');
    return { host: entry.slice(0, at), port: Number(entry.slice(at + 1)) };
  });
}

function dropUndefined<T extends object>(options: T): T {
  for (const key of Object.keys(options) as (keyof T)[])
    if (options[key] === undefined) delete options[key];
  return options;
}
