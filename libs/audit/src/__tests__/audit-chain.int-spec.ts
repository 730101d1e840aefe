import { DataSource } from 'typeorm';
import { createDataSource } from '@delibera/platform';
import { createTestDatabase } from '../../../../test/setup/test-database';
import { chainHash } from '../audit-chain';
import { AuditService } from '../audit.service';

describe('audit hash chain', () => {
  let db: { url: string; drop(): Promise<void> };
  let dataSource: DataSource;
  let audit: AuditService;

  beforeAll(async () => {
    db = await createTestDatabase();
    dataSource = createDataSource(db.url, 10);
    await dataSource.initialize();
    audit = new AuditService(dataSource);
  });
  afterAll(async () => {
    await dataSource.destroy();
    await db.drop();
  });

  const append = (i: number) =>
    dataSource.transaction((manager) =>
      audit.append(manager, {
        actorAccountId: null,
        action: 'test.appended',
        entityType: 'test',
        entityId: String(i),
        data: { i },
      }),
    );

  it('stays a single valid chain under 100 concurrent appends', async () => {
    await Promise.all(Array.from({ length: 100 }, (_, i) => append(i)));
    const result = await audit.verify();
    expect(result).toMatchObject({ valid: true, checked: 100, firstBrokenSeq: null });
    const [{ n }] = await dataSource.query(
      'SELECT count(DISTINCT prev_hash)::int AS n FROM audit_event',
    );
    expect(n).toBe(100); // no fork: every event has its own predecessor
  });

  it('refuses to append outside a transaction', async () => {
    await expect(
      audit.append(dataSource.manager, { actorAccountId: null, action: 'x', entityType: 'x' }),
    ).rejects.toThrow(/inside the transaction/);
  });

  it('is refused UPDATE and DELETE by the database itself', async () => {
    await expect(
      dataSource.query(`UPDATE audit_event SET action = 'forged' WHERE seq = 1`),
    ).rejects.toThrow(/append-only/);
    await expect(dataSource.query(`DELETE FROM audit_event WHERE seq = 1`)).rejects.toThrow(
      /append-only/,
    );
  });

  it('holds no UPDATE, DELETE or TRUNCATE privilege for any role, owner and PUBLIC included', async () => {
    const grants = await dataSource.query(
      `SELECT grantee, privilege_type FROM information_schema.role_table_grants
        WHERE table_name = 'audit_event' AND privilege_type IN ('UPDATE', 'DELETE', 'TRUNCATE')`,
    );
    expect(grants).toEqual([]);
  });

  it('refuses an application role by privilege even with the trigger out of the way', async () => {
    // The role README.md describes; roles are cluster-wide, so the name is unique to this run.
    const role = `audit_app_${process.pid}_${Date.now()}`;
    await dataSource.query(`CREATE ROLE ${role} NOLOGIN`);
    const runner = dataSource.createQueryRunner();
    try {
      await dataSource.query(`GRANT SELECT, INSERT ON audit_event TO ${role}`);
      await runner.connect();
      await runner.query('ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only');
      await runner.query(`SET ROLE ${role}`);
      await expect(runner.query(`UPDATE audit_event SET action = 'forged'`)).rejects.toThrow(
        /permission denied/,
      );
      await expect(runner.query(`DELETE FROM audit_event`)).rejects.toThrow(/permission denied/);
      await expect(runner.query(`TRUNCATE audit_event`)).rejects.toThrow(/permission denied/);
      expect((await runner.query('SELECT count(*)::int AS n FROM audit_event'))[0].n).toBe(100);
    } finally {
      await runner.query('RESET ROLE').catch(() => undefined);
      await runner.query('ALTER TABLE audit_event ENABLE TRIGGER audit_event_append_only');
      await runner.release();
      await dataSource.query(`DROP OWNED BY ${role}`);
      await dataSource.query(`DROP ROLE ${role}`);
    }
  });

  it('publishes the head an event follows when asked', async () => {
    const before = await audit.head();
    const event = await dataSource.transaction((manager) =>
      audit.append(manager, {
        actorAccountId: null,
        action: 'test.published',
        entityType: 'test',
        recordsChainHead: true,
      }),
    );
    expect(event.data.chainHead).toEqual(before);
    expect(event.prevHash).toBe(before.hash);
    expect(event.seq).toBe(before.seq + 1);
    await expect(audit.verify()).resolves.toMatchObject({ valid: true, checked: 101 });
  });

  it('names the first edited row when someone bypasses the trigger', async () => {
    // Only a superuser can do this; the chain still tells.
    await dataSource.query('ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only');
    await dataSource.query(`UPDATE audit_event SET data = '{"i": 999}' WHERE seq = 42`);
    await dataSource.query('ALTER TABLE audit_event ENABLE TRIGGER audit_event_append_only');
    const result = await audit.verify({ pageSize: 10 }); // small pages also exercise paging
    expect(result).toMatchObject({ valid: false, firstBrokenSeq: 42, checked: 41 });
  });
});

describe('audit chain walked in parallel ranges', () => {
  let db: { url: string; drop(): Promise<void> };
  let dataSource: DataSource;
  let audit: AuditService;
  const parallel = { threads: 3, parallelFrom: 0, pageSize: 7 };

  beforeAll(async () => {
    db = await createTestDatabase();
    dataSource = createDataSource(db.url, 4);
    await dataSource.initialize();
    audit = new AuditService(dataSource);
    for (let i = 0; i < 10; i++)
      await dataSource.transaction((manager) =>
        audit.appendMany(
          manager,
          Array.from({ length: 10 }, (_, j) => ({
            actorAccountId: null,
            action: 'test.appended',
            entityType: 'test',
            entityId: String(i * 10 + j),
            data: { i: i * 10 + j, note: 'Évènement à Trois-Rivières' },
          })),
        ),
      );
  });
  afterAll(async () => {
    await dataSource.destroy();
    await db.drop();
  });

  it('reaches the same verdict and head as the single walk', async () => {
    const single = await audit.verify({ threads: 1 });
    expect(single).toMatchObject({ valid: true, checked: 100 });
    await expect(audit.verify(parallel)).resolves.toEqual(single);
  });

  it('catches a forged link at the start of a range, which only the stitching can see', async () => {
    // Ranges of 3 threads over 100 events: 1–33, 34–66, 67–100. Row 67 is rewritten
    // consistently with itself (its own hash recomputed over a forged predecessor).
    const [row] = await dataSource.query(
      `SELECT seq, occurred_at AS "occurredAt", actor_account_id AS "actorAccountId", action,
              entity_type AS "entityType", entity_id AS "entityId", data FROM audit_event WHERE seq = 67`,
    );
    const forgedPrev = 'f'.repeat(64);
    const forgedHash = chainHash(forgedPrev, { ...row, seq: 67 });
    await dataSource.query('ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only');
    await dataSource.query(`UPDATE audit_event SET prev_hash = $1, hash = $2 WHERE seq = 67`, [
      forgedPrev,
      forgedHash,
    ]);
    await dataSource.query('ALTER TABLE audit_event ENABLE TRIGGER audit_event_append_only');
    const expected = { valid: false, checked: 66, firstBrokenSeq: 67 };
    await expect(audit.verify(parallel)).resolves.toMatchObject(expected);
    await expect(audit.verify({ threads: 1 })).resolves.toMatchObject(expected);
  });
});
