import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from '../net';

export interface EmbeddedPostgres {
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts PGlite (PostgreSQL compiled to WebAssembly) behind the PostgreSQL wire
 * protocol, so `pg` and TypeORM talk to it exactly as to a real server. Used
 * when no DATABASE_URL is given: a newcomer needs nothing installed.
 *
 * PGlite runs one query at a time and queues other connections while one is
 * inside a transaction; the app's pool must not exceed `maxConnections`.
 */
export async function startEmbeddedPostgres(options: {
  dataDir?: string;
  maxConnections: number;
  port?: number;
}): Promise<EmbeddedPostgres> {
  // PGlite ships as ESM-first packages; load them lazily so production never pays for them.
  const { PGlite } = await import('@electric-sql/pglite');
  const { PGLiteSocketServer } = await import('@electric-sql/pglite-socket');
  let db: InstanceType<typeof PGlite>;
  if (options.dataDir) {
    const dir = join(options.dataDir, 'pglite');
    mkdirSync(dir, { recursive: true });
    db = await PGlite.create(dir);
  } else {
    db = await PGlite.create(); // in memory
  }
  const port = options.port ?? (await freePort());
  const server = new PGLiteSocketServer({
    db,
    host: '127.0.0.1',
    port,
    maxConnections: options.maxConnections,
  });
  await server.start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}
