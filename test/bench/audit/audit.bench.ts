/**
 * The audit chain at a million events: `auditVerify` walks it all.
 *
 *   npm run bench:audit
 *
 * Builds 1,000,000 real audit events in a throw-away database (TEST_DATABASE_URL,
 * default postgres://postgres@127.0.0.1:5432/postgres): each hash is computed in
 * Node exactly as AuditService.append does (sha256 of the previous hash and the
 * canonical event), and the rows are written in batches of unnest() arrays, so
 * the verification that follows checks a genuine chain. Then it times
 * AuditService.verify() (keyset pages in plain SQL) against two baselines
 * measured in the same run: hashing the same canonical bytes in Node with no
 * database at all, and reading the same pages without checking anything.
 * Finally it edits one row (trigger disabled, as a superuser could) and checks
 * that verify() names it.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { Client, PoolClient } from 'pg';
import { DataSource } from 'typeorm';
import { AuditService, chainHash, ChainedFields, GENESIS_HASH } from '@delibera/audit';
import { canonicalJson } from '@delibera/kernel';
import { createDataSource } from '@delibera/platform';
import type { BenchRow } from '../tally/tally.bench';
import { writeResults } from '../results-file';

const EVENTS = Number(process.env.AUDIT_BENCH_EVENTS ?? 1_000_000);
const BATCH = 10_000;
const PAGE = 10_000;
/** What verify() uses by default: one thread per core, at most 4. */
const THREADS = Math.min(availableParallelism(), 4);
const SERVER = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const ACTIONS = ['member.invited', 'ballot.cast', 'proposal.submitted', 'payment.recorded'];
const actors = Array.from({ length: 50 }, () => randomUUID());
const start = Date.parse('2026-01-01T05:00:00Z');

/** Event i of the synthetic log: the shapes real appends write (actor, entity, before/after). */
function event(seq: number): ChainedFields {
  const action = ACTIONS[seq % ACTIONS.length];
  return {
    seq,
    occurredAt: new Date(start + seq * 1_000),
    actorAccountId: seq % 7 === 0 ? null : actors[seq % actors.length],
    action,
    entityType: action.split('.')[0],
    entityId: `${seq % 100_000}`,
    data: {
      before: { status: 'submitted', note: 'Réunion du conseil à Québec' },
      after: { status: 'consultation', amountCents: seq * 3 },
      version: seq % 5,
    },
  };
}

const seconds = (from: bigint) => Number(process.hrtime.bigint() - from) / 1e9;

async function build(dataSource: DataSource): Promise<{ seconds: number; bytes: Buffer[] }> {
  const started = process.hrtime.bigint();
  // The canonical bytes of every event, kept for the hashing baseline (≈ 200 MB off-heap).
  const bytes: Buffer[] = [];
  let prevHash = GENESIS_HASH;
  for (let first = 1; first <= EVENTS; first += BATCH) {
    const columns = {
      seq: [] as number[],
      at: [] as string[],
      actor: [] as (string | null)[],
      action: [] as string[],
      type: [] as string[],
      id: [] as string[],
      data: [] as string[],
      prev: [] as string[],
      hash: [] as string[],
    };
    for (let seq = first; seq < first + BATCH && seq <= EVENTS; seq++) {
      const e = event(seq);
      const hash = chainHash(prevHash, e);
      bytes.push(Buffer.from(canonicalOf(e)));
      columns.seq.push(seq);
      columns.at.push(e.occurredAt.toISOString());
      columns.actor.push(e.actorAccountId);
      columns.action.push(e.action);
      columns.type.push(e.entityType);
      columns.id.push(e.entityId!);
      columns.data.push(JSON.stringify(e.data));
      columns.prev.push(prevHash);
      columns.hash.push(hash);
      prevHash = hash;
    }
    await dataSource.query(
      `INSERT INTO audit_event (seq, occurred_at, actor_account_id, action, entity_type, entity_id, data, prev_hash, hash)
       SELECT * FROM unnest($1::bigint[], $2::timestamptz[], $3::uuid[], $4::text[], $5::text[], $6::text[],
                            $7::jsonb[], $8::text[], $9::text[])`,
      Object.values(columns),
    );
  }
  await dataSource.query('ANALYZE audit_event');
  return { seconds: seconds(started), bytes };
}

/** What chainHash hashes after the previous hash and a newline (see libs/audit/src/audit-chain.ts). */
function canonicalOf(e: ChainedFields): string {
  const { seq, occurredAt, actorAccountId, action, entityType, entityId, data } = e;
  return canonicalJson({ seq, occurredAt, actorAccountId, action, entityType, entityId, data });
}

/** Baseline 1: the chain's sha256 over the same bytes, in Node, no database. */
function hashOnly(bytes: Buffer[]): { seconds: number; head: string } {
  const started = process.hrtime.bigint();
  let prev = GENESIS_HASH;
  for (const canonical of bytes)
    prev = createHash('sha256').update(prev).update('\n').update(canonical).digest('hex');
  return { seconds: seconds(started), head: prev };
}

/** Baseline 2: the same keyset pages as verify() reads (same SQL, array mode), nothing checked. */
async function readOnly(dataSource: DataSource): Promise<{ seconds: number; rows: number }> {
  const runner = dataSource.createQueryRunner();
  const client = (await runner.connect()) as PoolClient;
  const started = process.hrtime.bigint();
  let after = '0';
  let rows = 0;
  try {
    for (;;) {
      const page = await client.query<string[]>({
        text: `SELECT e.seq::text, to_char(e.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                      e.actor_account_id::text, e.action, e.entity_type, e.entity_id, e.data::text, e.prev_hash, e.hash
                 FROM audit_event e WHERE e.seq > $1 ORDER BY e.seq LIMIT $2`,
        values: [after, PAGE],
        rowMode: 'array',
      });
      rows += page.rows.length;
      if (page.rows.length < PAGE) return { seconds: seconds(started), rows };
      after = page.rows[page.rows.length - 1][0];
    }
  } finally {
    await runner.release();
  }
}

async function main(): Promise<void> {
  const name = `delibera_bench_${randomBytes(4).toString('hex')}`;
  const server = new Client({ connectionString: SERVER });
  await server.connect();
  await server.query(`CREATE DATABASE ${name}`);
  const url = new URL(SERVER);
  url.pathname = `/${name}`;
  const dataSource = createDataSource(url.toString(), 2);
  const rows: BenchRow[] = [];
  try {
    await dataSource.initialize();
    await dataSource.runMigrations();
    const audit = new AuditService(dataSource);
    const load = () =>
      loadavg()
        .map((l) => l.toFixed(2))
        .join(' ');
    console.log(
      `audit bench — ${EVENTS.toLocaleString('en')} events, node ${process.version}, ${cpus().length} CPUs, load average ${load()}`,
    );

    const built = await build(dataSource);
    console.log(
      `  built ${EVENTS.toLocaleString('en')} chained events in ${built.seconds.toFixed(1)} s`,
    );
    const hashed = hashOnly(built.bytes);
    const totalBytes = built.bytes.reduce((sum, b) => sum + b.length, 0);
    built.bytes.length = 0;
    console.log(
      `  baseline, sha256 chain over the same ${(totalBytes / 1e6).toFixed(0)} MB in Node: ${hashed.seconds.toFixed(2)} s`,
    );
    const read = await readOnly(dataSource);
    console.log(
      `  baseline, read the ${read.rows.toLocaleString('en')} rows in the same keyset pages, unchecked: ${read.seconds.toFixed(2)} s`,
    );

    // The walk runs in worker threads (their own heaps): the process's resident memory tells.
    const rssBefore = process.memoryUsage().rss;
    let rssPeak = rssBefore;
    const sampler = setInterval(() => {
      rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
    }, 50);
    const started = process.hrtime.bigint();
    const verified = await audit.verify({ pageSize: PAGE });
    const verifySeconds = seconds(started);
    clearInterval(sampler);
    console.log(
      `  auditVerify: ${verifySeconds.toFixed(2)} s → ${JSON.stringify({ ...verified, headHash: verified.headHash.slice(0, 12) })}; resident memory grew at most ${((rssPeak - rssBefore) / 1e6).toFixed(0)} MB`,
    );
    if (!verified.valid || verified.checked !== EVENTS || verified.headHash !== hashed.head)
      throw new Error('The built chain did not verify: the benchmark is not honest');

    // The chain tells an edit: one row changed in SQL, as a superuser bypassing the trigger could.
    const edited = Math.floor(EVENTS * 0.9);
    await dataSource.query('ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only');
    await dataSource.query(
      `UPDATE audit_event SET data = jsonb_set(data, '{version}', '99') WHERE seq = $1`,
      [edited],
    );
    await dataSource.query('ALTER TABLE audit_event ENABLE TRIGGER audit_event_append_only');
    const broken = await audit.verify({ pageSize: PAGE });
    console.log(
      `  after editing seq ${edited}: ${JSON.stringify({ ...broken, headHash: undefined })}`,
    );
    if (broken.firstBrokenSeq !== edited) throw new Error('verify() did not name the edited row');

    const note = `${cpus().length} CPUs, load average ${load()}`;
    rows.push(
      {
        suite: 'audit',
        name: `auditVerify · ${EVENTS.toLocaleString('en')} events (${THREADS} worker threads, keyset pages of ${PAGE.toLocaleString('en')}, canonical JSON + sha256 per event)`,
        figure: Math.round(verifySeconds * 1000),
        unit: 'ms',
        target: '< 10000 ms',
        baseline: Math.round(hashed.seconds * 1000),
        ratio: Number((verifySeconds / hashed.seconds).toFixed(2)),
        note: `valid, ${verified.checked} checked; baseline: the sha256 chain over the same ${(totalBytes / 1e6).toFixed(0)} MB of canonical events in Node, no database; reading the same pages unchecked took ${Math.round(read.seconds * 1000)} ms; resident memory grew at most ${((rssPeak - rssBefore) / 1e6).toFixed(0)} MB; an edit of seq ${edited} was named; ${note}`,
      },
      {
        suite: 'audit',
        name: `build ${EVENTS.toLocaleString('en')} chained events (hashes in Node, batches of ${BATCH.toLocaleString('en')} through unnest)`,
        figure: Math.round(built.seconds * 1000),
        unit: 'ms',
        note,
      },
    );
    writeResults('audit.json', rows);
    console.table(
      rows.map(({ name, figure, baseline, ratio, target }) => ({
        name,
        ms: figure,
        baseline,
        ratio,
        target,
      })),
    );
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await server.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await server.end();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
