import { spawn, spawnSync } from 'node:child_process';
import { freePort, waitForPort } from '../net';

export class RedisUnavailableError extends Error {}

const HOW_TO_GET_REDIS = [
  'Delibera needs Redis for its deadlines and notifications queues.',
  'Either set REDIS_URL (e.g. REDIS_URL=redis://127.0.0.1:6379), or install Redis so it can be started for you:',
  '  Debian/Ubuntu: sudo apt-get install redis-server',
  '  macOS:         brew install redis',
  '  Docker:        docker run -p 6379:6379 redis:7',
].join('\n');

export interface LocalRedis {
  url: string;
  stop(): void;
}

/**
 * Starts a throw-away `redis-server` as a child process for local use when no
 * REDIS_URL is configured. It keeps nothing on disk: the reconciler rebuilds
 * pending deadlines from PostgreSQL, the source of truth.
 */
export async function startLocalRedis(): Promise<LocalRedis> {
  const probe = spawnSync('redis-server', ['--version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) throw new RedisUnavailableError(HOW_TO_GET_REDIS);
  const port = await freePort();
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: 'ignore' },
  );
  const url = `redis://127.0.0.1:${port}`;
  if (!(await waitForPort(port, 5000))) {
    child.kill('SIGKILL');
    throw new RedisUnavailableError(
      `redis-server did not start on port ${port}.\n${HOW_TO_GET_REDIS}`,
    );
  }
  const stop = () => child.kill('SIGTERM');
  process.once('exit', stop);
  return { url, stop };
}
