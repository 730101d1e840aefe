import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

/**
 * Starts the API from its sources in a process of its own (as in production, so the bench measures the API and not
 * the client sharing its event loop) and resolves once it listens. `API_NODE_ARGS` passes flags to that process,
 * e.g. `--cpu-prof` to profile it; `nodeArgs` are the caller's own flags (a heap snapshot signal).
 */
export async function startApiProcess(
  env: Record<string, string>,
  nodeArgs: string[] = [],
): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    [
      ...(process.env.API_NODE_ARGS?.split(' ').filter(Boolean) ?? []),
      ...nodeArgs,
      '-r',
      '@swc-node/register',
      join(__dirname, '../../apps/api/src/main.ts'),
    ],
    { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let out = '';
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('Delibera is running')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`API exited with ${code}: ${out}`)));
  });
  return child;
}
