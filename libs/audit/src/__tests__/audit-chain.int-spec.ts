import { DataSource } from 'typeorm';
import { createDataSource } from '@delibera/platform';
import { createTestDatabase } from '../../../../test/setup/test-database';
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

  it('names the first edited row when someone bypasses the trigger', async () => {
    // Only a superuser can do this; the chain still tells.
    await dataSource.query('ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only');
    await dataSource.query(`UPDATE audit_event SET data = '{"i": 999}' WHERE seq = 42`);
    await dataSource.query('ALTER TABLE audit_event ENABLE TRIGGER audit_event_append_only');
    const result = await audit.verify(10); // small pages also exercise paging
    expect(result).toMatchObject({ valid: false, firstBrokenSeq: 42, checked: 41 });
  });
});
