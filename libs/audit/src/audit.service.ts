import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { PoolClient } from 'pg';
import { DataSource, EntityManager } from 'typeorm';
import { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { ConnectionArgs, paginate } from '@delibera/kernel';
import { chainHash, GENESIS_HASH } from './audit-chain';
import { walkChain, WalkRange, WalkResult } from './chain-walk';
import { AuditEvent } from './audit-event.entity';

/** Arbitrary but fixed: all appends take this transaction-scoped lock, so the chain never forks. */
const AUDIT_APPEND_LOCK = 7_314_220_102;

export interface AuditEntry {
  actorAccountId: string | null;
  action: string;
  entityType: string;
  entityId?: string | null;
  data?: Record<string, unknown>;
  /**
   * Publishes the chain head this event follows: its `data.chainHead` gets
   * the `{ seq, hash }` of the event before it (seq 0 and the genesis hash
   * for the first). Whoever keeps that value can later check that nothing
   * before it was rewritten.
   */
  recordsChainHead?: boolean;
}

/** The last event of the chain at some moment: what a vote publishes when it opens and closes. */
export interface ChainHead {
  seq: number;
  hash: string;
}

/** From this many events, verify() walks the chain in worker threads. */
const PARALLEL_VERIFY_FROM = 200_000;
const MAX_VERIFY_THREADS = 4;

export interface VerifyOptions {
  /** Events read per round trip. */
  pageSize?: number;
  /** Threads walking ranges of the chain (default: the machine's cores, at most 4). */
  threads?: number;
  /** From this many events the walk is parallel (default 200,000). */
  parallelFrom?: number;
}

export interface AuditVerification {
  valid: boolean;
  checked: number;
  headHash: string;
  /** The first row whose stored hash does not match its recomputed one. */
  firstBrokenSeq: number | null;
}

@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Appends inside the caller's transaction, so the event exists exactly when
   * the change it records does. The lock is released at commit or rollback:
   * call it as late as possible in the transaction, it serialises all appends.
   */
  async append(manager: EntityManager, entry: AuditEntry): Promise<AuditEvent> {
    const [event] = await this.appendMany(manager, [entry]);
    return event;
  }

  /**
   * Appends several events, in order, under ONE acquisition of the chain lock
   * and one INSERT: a batch of changes costs one lock hold, not one per event.
   */
  async appendMany(manager: EntityManager, entries: AuditEntry[]): Promise<AuditEvent[]> {
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error(
        'AuditService.append must run inside the transaction of the change it records',
      );
    }
    if (entries.length === 0) return [];
    await manager.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_APPEND_LOCK]);
    let { seq, hash: prevHash } = await this.head(manager);
    const occurredAt = new Date();
    const events = entries.map((entry) => {
      const head: ChainHead = { seq, hash: prevHash };
      const fields = {
        seq: ++seq,
        occurredAt,
        actorAccountId: entry.actorAccountId,
        action: entry.action,
        entityType: entry.entityType,
        entityId: entry.entityId ?? null,
        data: entry.recordsChainHead ? { ...entry.data, chainHead: head } : (entry.data ?? {}),
      };
      const event = manager.create(AuditEvent, {
        ...fields,
        prevHash,
        hash: chainHash(prevHash, fields),
      });
      prevHash = event.hash;
      return event;
    });
    // One INSERT for the batch (save() would first SELECT each row by its key).
    await manager.insert(AuditEvent, events as QueryDeepPartialEntity<AuditEvent>[]);
    return events;
  }

  /**
   * Walks the chain, from the first event to the last one at the start of the
   * call, and names the first broken link. Short logs are walked on one pooled
   * connection; from `parallelFrom` events the chain is cut into `threads`
   * ranges, each walked by a worker thread on its own connection (hashing is
   * CPU-bound), and the ranges' ends are stitched here: range k's first event
   * must follow range k-1's last hash.
   */
  async verify(options: VerifyOptions = {}): Promise<AuditVerification> {
    const pageSize = options.pageSize ?? 10_000;
    const [{ max }] = await this.dataSource.query<{ max: string }[]>(
      'SELECT coalesce(max(seq), 0)::text AS max FROM audit_event',
    );
    const lastSeq = Number(max);
    const threads = Math.min(options.threads ?? availableParallelism(), MAX_VERIFY_THREADS);
    const url = (this.dataSource.options as { url?: string }).url;
    if (threads < 2 || lastSeq < (options.parallelFrom ?? PARALLEL_VERIFY_FROM) || !url) {
      const runner = this.dataSource.createQueryRunner('slave');
      const client = (await runner.connect()) as PoolClient;
      try {
        const walked = await walkChain(client, {
          afterSeq: 0,
          toSeq: lastSeq,
          pageSize,
          prevHash: GENESIS_HASH,
        });
        return stitch([walked]);
      } finally {
        await runner.release();
      }
    }
    const bounds = Array.from({ length: threads + 1 }, (_, i) =>
      Math.floor((lastSeq * i) / threads),
    );
    const walked = await Promise.all(
      bounds.slice(1).map((toSeq, i) =>
        walkInWorker(url, {
          afterSeq: bounds[i],
          toSeq,
          pageSize,
          prevHash: i === 0 ? GENESIS_HASH : null,
        }),
      ),
    );
    return stitch(walked);
  }

  /** The last event of the chain now (seq 0 and the genesis hash when the log is empty). */
  async head(manager: EntityManager = this.dataSource.manager): Promise<ChainHead> {
    const [last] = await manager.query<{ seq: string; hash: string }[]>(
      'SELECT seq, hash FROM audit_event ORDER BY seq DESC LIMIT 1',
    );
    return last ? { seq: Number(last.seq), hash: last.hash } : { seq: 0, hash: GENESIS_HASH };
  }

  /** The log, newest first, optionally about one entity. */
  list(args: ConnectionArgs & { entityType?: string; entityId?: string }) {
    const query = this.dataSource.getRepository(AuditEvent).createQueryBuilder('e');
    if (args.entityType)
      query.andWhere('e.entityType = :entityType', { entityType: args.entityType });
    if (args.entityId) query.andWhere('e.entityId = :entityId', { entityId: args.entityId });
    return paginate(
      query,
      args,
      { column: 'e.seq', id: 'e.seq', direction: 'DESC', key: (e) => [e.seq, String(e.seq)] },
      (e) => e,
    );
  }
}

/** Joins the walks of consecutive ranges into one verdict on the whole chain. */
function stitch(walks: WalkResult[]): AuditVerification {
  let headHash = GENESIS_HASH;
  let checked = 0;
  for (const walk of walks) {
    if (walk.firstSeq !== null && walk.firstPrevHash !== headHash)
      return { valid: false, checked, headHash, firstBrokenSeq: walk.firstSeq };
    checked += walk.checked;
    if (walk.checked > 0) headHash = walk.lastHash!;
    if (walk.firstBrokenSeq !== null)
      return { valid: false, checked, headHash, firstBrokenSeq: walk.firstBrokenSeq };
  }
  return { valid: true, checked, headHash, firstBrokenSeq: null };
}

/**
 * Walks a range in a worker thread. From the sources (tests, benchmarks) the
 * worker is TypeScript, loaded through @swc-node/register as they are; built,
 * it is the compiled .js beside this file.
 */
function walkInWorker(url: string, range: WalkRange): Promise<WalkResult> {
  const fromSources = __filename.endsWith('.ts');
  const worker = new Worker(join(__dirname, `chain-walk.worker.${fromSources ? 'ts' : 'js'}`), {
    workerData: { url, range },
    execArgv: fromSources ? ['-r', '@swc-node/register'] : [],
  });
  return new Promise((resolve, reject) => {
    worker.once('message', (message: { ok: boolean; result?: WalkResult; error?: string }) =>
      message.ok ? resolve(message.result!) : reject(new Error(message.error)),
    );
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`audit chain walker exited with code ${code}`));
    });
  });
}
