import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { ConnectionArgs, paginate } from '@delibera/kernel';
import type { PoolClient, QueryArrayResult } from 'pg';
import { chainHash, GENESIS_HASH, storedEventHash } from './audit-chain';
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

/**
 * One event as verify() reads it, in array mode: text only (the time already
 * in the ISO form chainHash hashed, jsonb as text), so the driver parses nothing.
 */
type StoredRow = [
  seq: string,
  occurredAtIso: string,
  actorAccountId: string | null,
  action: string,
  entityType: string,
  entityId: string | null,
  data: string,
  prevHash: string,
  hash: string,
];

const VERIFY_PAGE = `
  SELECT e.seq::text, to_char(e.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
         e.actor_account_id::text, e.action, e.entity_type, e.entity_id, e.data::text, e.prev_hash, e.hash
    FROM audit_event e WHERE e.seq > $1 ORDER BY e.seq LIMIT $2`;

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
   * Walks the whole chain in order and names the first broken link. Reads
   * keyset pages (`seq > last`, on the primary key) on one connection, asking
   * for the next page before checking the current one, so PostgreSQL reads
   * while Node hashes; memory stays two pages whatever the log's length.
   */
  async verify(pageSize = 10_000): Promise<AuditVerification> {
    const runner = this.dataSource.createQueryRunner('slave');
    const client = (await runner.connect()) as PoolClient;
    const fetch = (afterSeq: string) =>
      client.query<StoredRow>({
        text: VERIFY_PAGE,
        values: [afterSeq, pageSize],
        rowMode: 'array',
      });
    let pending: Promise<QueryArrayResult<StoredRow>> | null = null;
    try {
      let prevHash = GENESIS_HASH;
      let checked = 0;
      let page = await fetch('0');
      for (;;) {
        const rows = page.rows;
        pending = rows.length === pageSize ? fetch(rows[rows.length - 1][0]) : null;
        for (const [
          seqText,
          occurredAtIso,
          actorAccountId,
          action,
          entityType,
          entityId,
          data,
          storedPrev,
          hash,
        ] of rows) {
          const seq = Number(seqText);
          const expected = storedEventHash(prevHash, {
            seq,
            occurredAtIso,
            actorAccountId,
            action,
            entityType,
            entityId,
            data: JSON.parse(data) as unknown,
          });
          if (storedPrev !== prevHash || hash !== expected) {
            return { valid: false, checked, headHash: prevHash, firstBrokenSeq: seq };
          }
          prevHash = hash;
          checked++;
        }
        if (!pending) return { valid: true, checked, headHash: prevHash, firstBrokenSeq: null };
        page = await pending;
      }
    } finally {
      // A page asked for ahead must come back before the connection goes back to the pool.
      await pending?.catch(() => undefined);
      await runner.release();
    }
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
