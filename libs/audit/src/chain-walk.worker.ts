import { parentPort, workerData } from 'node:worker_threads';
import { Client } from 'pg';
import { walkChain, WalkRange } from './chain-walk';

/** A worker thread walking one range of the chain on its own connection (see AuditService.verify). */
async function main(): Promise<void> {
  const { url, range } = workerData as { url: string; range: WalkRange };
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    parentPort!.postMessage({ ok: true, result: await walkChain(client, range) });
  } finally {
    await client.end();
  }
}

main().catch((error: unknown) =>
  parentPort!.postMessage({
    ok: false,
    error: error instanceof Error ? error.message : String(error),
  }),
);
