import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { ConnectionArgs, paginate } from '@delibera/kernel';
import { ChainedFields, chainHash, GENESIS_HASH } from './audit-chain';
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

/** A row as verify() reads it: seq as text, since bigint exceeds a JS number's exact range only far away. */
interface AuditRow extends Omit<ChainedFields, 'seq'> {
  seq: string;
  prevHash: string;
  hash: string;
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
   * Walks the whole chain in order and names the first broken link. Reads
   * keyset pages (`seq > last`, on the primary key) in plain SQL: memory stays
   * one page whatever the length of the log, and no entity is hydrated.
   */
  async verify(pageSize = 10_000): Promise<AuditVerification> {
    let prevHash = GENESIS_HASH;
    let checked = 0;
    let afterSeq = '0';
    for (;;) {
      const page = await this.dataSource.query<AuditRow[]>(
        `SELECT e.seq::text AS seq, occurred_at AS "occurredAt", actor_account_id AS "actorAccountId",
                action, entity_type AS "entityType", entity_id AS "entityId", data,
                prev_hash AS "prevHash", hash
           FROM audit_event e WHERE e.seq > $1 ORDER BY e.seq LIMIT $2`,
        [afterSeq, pageSize],
      );
      for (const row of page) {
        const seq = Number(row.seq);
        const expected = chainHash(prevHash, { ...row, seq });
        if (row.prevHash !== prevHash || row.hash !== expected) {
          return { valid: false, checked, headHash: prevHash, firstBrokenSeq: seq };
        }
        prevHash = row.hash;
        checked++;
      }
      if (page.length < pageSize)
        return { valid: true, checked, headHash: prevHash, firstBrokenSeq: null };
      afterSeq = page[page.length - 1].seq;
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
