import { JobScheduler, QueueName } from '@delibera/kernel';
import { MemberStatus } from '@delibera/membership';
import { REPORTS_REFRESH_SCHEDULER } from '@delibera/reports';
import { createMember } from '../factories';
import { startTestApp, TestApp } from '../e2e/test-app';
import { waitFor } from './vote-fixtures';

/** The reports' refresh job on real BullMQ: its scheduler, its processor, the summaries it writes. */
describe('the reports’ refresh job (BullMQ job scheduler)', () => {
  let app: TestApp;
  const latest = async () =>
    (
      await app.dataSource.query(
        `SELECT taken_at, groups FROM membership_snapshot WHERE kind = 'latest'`,
      )
    )[0] as { taken_at: Date; groups: { dimension: string; key: string; n: number }[] } | undefined;

  beforeAll(async () => {
    app = await startTestApp({ REPORTS_REFRESH_SECONDS: '2' });
  });
  afterAll(() => app.close());

  it('is scheduled every REPORTS_REFRESH_SECONDS and keeps counting the membership as it changes', async () => {
    const queue = app.app.get(JobScheduler).queue(QueueName.Reports);
    expect((await queue.getJobScheduler(REPORTS_REFRESH_SCHEDULER))?.every).toBe(2000);
    const member = await createMember(app.dataSource, { region: '09' });
    const activeIn09 = async () =>
      (await latest())?.groups.find((g) => g.dimension === 'region' && g.key === '09')?.n ?? 0;
    await waitFor(async () => (await activeIn09()) === 1, 20_000, 'a snapshot counting the member');
    await app.dataSource.query(`UPDATE member SET status = $1 WHERE id = $2`, [
      MemberStatus.Resigned,
      member.id,
    ]);
    await waitFor(async () => (await activeIn09()) === 0, 20_000, 'a later snapshot without them');
  });
});
