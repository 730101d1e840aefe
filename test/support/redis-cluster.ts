import { ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** A real Redis Cluster of three masters on this machine, started for a test and stopped after it. */
export interface LocalRedisCluster {
  /** The seed list, as REDIS_CLUSTER_NODES takes it. */
  nodes: string;
  ports: number[];
  stop(): Promise<void>;
}

/** Is this port free to listen on (a node's port, or its cluster bus at port + 10000)? */
function free(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer()
      .once('error', () => resolve(false))
      .listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** Three ports whose cluster bus ports are free too, drawn from 16000–19999 (bus 26000–29999). */
async function freePorts(): Promise<number[]> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const first = 16000 + Math.floor(Math.random() * 3990);
    const ports = [first, first + 1, first + 2];
    const checks = await Promise.all(ports.flatMap((port) => [free(port), free(port + 10000)]));
    if (checks.every(Boolean)) return ports;
  }
  throw new Error('No free ports for a local Redis Cluster');
}

async function clusterState(port: number): Promise<string> {
  const { stdout } = await run('redis-cli', ['-p', String(port), 'cluster', 'info']);
  return /cluster_state:(\w+)/.exec(stdout)?.[1] ?? 'unknown';
}

async function waitUntil(check: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Local Redis Cluster: timed out waiting for ${what}`);
}

/**
 * Starts three redis-server processes in cluster mode (nothing kept on disk
 * but their nodes files, in a temporary directory), joins them with
 * `redis-cli --cluster create` and waits until every node says the cluster is ok.
 */
export async function startRedisCluster(): Promise<LocalRedisCluster> {
  const ports = await freePorts();
  const dir = mkdtempSync(join(tmpdir(), 'delibera-redis-cluster-'));
  const servers: ChildProcess[] = ports.map((port) =>
    spawn(
      'redis-server',
      [
        '--port',
        String(port),
        '--bind',
        '127.0.0.1',
        '--cluster-enabled',
        'yes',
        '--cluster-config-file',
        `nodes-${port}.conf`,
        '--dir',
        dir,
        '--save',
        '',
        '--appendonly',
        'no',
      ],
      { stdio: 'ignore' },
    ),
  );
  const stop = async () => {
    await Promise.all(
      servers.map(
        (server) =>
          new Promise<void>((resolve) => {
            if (server.exitCode !== null) return resolve();
            server.once('exit', () => resolve());
            server.kill('SIGTERM');
          }),
      ),
    );
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    // Every node answers PING (redis-cli fails, and the check with it, until it listens).
    await waitUntil(async () => {
      await Promise.all(ports.map((port) => run('redis-cli', ['-p', String(port), 'ping'])));
      return true;
    }, 'the nodes to answer');
    await run('redis-cli', [
      '--cluster',
      'create',
      ...ports.map((port) => `127.0.0.1:${port}`),
      '--cluster-replicas',
      '0',
      '--cluster-yes',
    ]);
    await waitUntil(
      async () => (await Promise.all(ports.map(clusterState))).every((state) => state === 'ok'),
      'cluster_state:ok',
    );
  } catch (error) {
    await stop();
    throw error;
  }
  return { nodes: ports.map((port) => `127.0.0.1:${port}`).join(','), ports, stop };
}
