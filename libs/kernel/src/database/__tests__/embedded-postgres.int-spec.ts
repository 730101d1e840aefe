import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { createDataSource } from '@delibera/platform';
import { createTestDatabase } from '../../../../../test/setup/test-database';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { resolve } from 'node:path';

/**
 * PGlite loads its WebAssembly through dynamic import(), which Jest's sandbox
 * refuses; run it as the standalone CLI in a child process instead.
 */
async function startEmbeddedInChild(): Promise<{ url: string; stop(): Promise<void> }> {
  const root = resolve(__dirname, '../../../../..');
  const child = spawn(
    process.execPath,
    ['-r', '@swc-node/register', 'apps/api/src/cli/embedded-postgres.ts', '--memory'],
    {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const url = await new Promise<string>((resolveUrl, reject) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /ready (\S+)/.exec(output);
      if (match) resolveUrl(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`embedded PostgreSQL exited with ${code}`)));
  });
  return {
    url,
    async stop() {
      child.kill('SIGTERM');
      await once(child, 'exit');
    },
  };
}

/**
 * The embedded database must behave like PostgreSQL for what Delibera relies
 * on: transactions, rollbacks, concurrent connections, constraint errors, and
 * the real migrations through TypeORM. The same assertions run on both.
 */
describe.each([
  ['embedded PostgreSQL (PGlite over the wire protocol)', startEmbeddedInChild],
  [
    'PostgreSQL server',
    async () => {
      const db = await createTestDatabase();
      return { url: db.url, stop: () => db.drop() };
    },
  ],
])('%s', (_name, start) => {
  let server: { url: string; stop(): Promise<void> };
  let pool: Pool;

  beforeAll(async () => {
    server = await start();
    pool = new Pool({ connectionString: server.url, max: 4 });
    // The database is dropped WITH (FORCE) right after `pool.end()`: a client still closing
    // may then hear "terminating connection", which is teardown, not a failure of the test.
    pool.on('error', () => undefined);
    await pool.query(
      'CREATE TABLE IF NOT EXISTS parity_counter (id int PRIMARY KEY, n int NOT NULL CHECK (n >= 0))',
    );
    await pool.query('INSERT INTO parity_counter VALUES (1, 0) ON CONFLICT DO NOTHING');
  });
  afterAll(async () => {
    await pool.end();
    await server.stop();
  });

  it('discards a rolled-back transaction', async () => {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('UPDATE parity_counter SET n = n + 100 WHERE id = 1');
      await client.query('ROLLBACK');
    } finally {
      client.release();
    }
    const { rows } = await pool.query('SELECT n FROM parity_counter WHERE id = 1');
    expect(rows[0].n).toBe(0);
  });

  it('serialises concurrent read-modify-write transactions on several connections', async () => {
    const increment = async () => {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const { rows } = await client.query('SELECT n FROM parity_counter WHERE id = 1 FOR UPDATE');
        await client.query('UPDATE parity_counter SET n = $1 WHERE id = 1', [rows[0].n + 1]);
        await client.query('COMMIT');
      } finally {
        client.release();
      }
    };
    await Promise.all(Array.from({ length: 40 }, increment));
    const { rows } = await pool.query('SELECT n FROM parity_counter WHERE id = 1');
    expect(rows[0].n).toBe(40);
  });

  it('reports constraint violations with PostgreSQL error codes and keeps nothing of the failed transaction', async () => {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('UPDATE parity_counter SET n = n + 1 WHERE id = 1');
      await expect(
        client.query('UPDATE parity_counter SET n = -1 WHERE id = 1'),
      ).rejects.toMatchObject({ code: '23514' });
      await client.query('ROLLBACK');
      await expect(pool.query('INSERT INTO parity_counter VALUES (1, 5)')).rejects.toMatchObject({
        code: '23505',
      });
    } finally {
      client.release();
    }
    const { rows } = await pool.query('SELECT n FROM parity_counter WHERE id = 1');
    expect(rows[0].n).toBe(40);
  });

  it('runs the real migrations and rolls back a TypeORM transaction that throws', async () => {
    const dataSource: DataSource = createDataSource(server.url, 4);
    await dataSource.initialize();
    try {
      await dataSource.runMigrations({ transaction: 'each' });
      const before = await dataSource.query('SELECT count(*)::int AS n FROM college');
      await expect(
        dataSource.transaction(async (manager) => {
          await manager.query(
            `INSERT INTO college (code, name_fr, name_en, weight) VALUES ('tmp', 'T', 'T', 1)`,
          );
          throw new Error('abort');
        }),
      ).rejects.toThrow('abort');
      const after = await dataSource.query('SELECT count(*)::int AS n FROM college');
      expect(after[0].n).toBe(before[0].n);
      const [{ version }] = await dataSource.query(
        'SELECT max(version) AS version FROM charter_version',
      );
      expect(version).toBe(1);
    } finally {
      await dataSource.destroy();
    }
  });
});
