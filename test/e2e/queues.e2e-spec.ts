import { getQueueToken } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type Redis from 'ioredis';
import { deadlineJob, JobName, JobScheduler, QueueName, REDIS } from '@delibera/kernel';
import { NotificationKind, NotificationsService } from '@delibera/notifications';
import { startTestApp, TestApp } from './test-app';

async function waitFor(probe: () => boolean | Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('queues: scheduling, reconciliation and metrics (real BullMQ and Redis)', () => {
  let app: TestApp;
  let queue: Queue;

  beforeAll(async () => {
    app = await startTestApp({ RECONCILE_INTERVAL_SECONDS: '1' });
    queue = app.app.get<Queue>(getQueueToken(QueueName.Deadlines));
  });
  afterAll(() => app.close());

  it('enqueues a deadline once per id; a rescheduled version is a new job', async () => {
    const scheduler = app.app.get(JobScheduler);
    const at = new Date(Date.now() + 3_600_000);
    const deadline = {
      name: JobName.ReconcileDeadlines,
      kind: 'vote',
      id: 'f0f0',
      transition: 'close',
      at,
    };
    await scheduler.schedule(deadlineJob({ ...deadline, version: 1 }));
    await scheduler.schedule(deadlineJob({ ...deadline, version: 1 }));
    await scheduler.schedule(deadlineJob({ ...deadline, version: 2 }));
    const delayed = await queue.getDelayed();
    expect(delayed.map((job) => job.id).sort()).toEqual([
      'vote.f0f0.close.v1',
      'vote.f0f0.close.v2',
    ]);
    expect(delayed[0].data).toMatchObject({ id: 'f0f0', transition: 'close' });
    await queue.remove('vote.f0f0.close.v1');
    await queue.remove('vote.f0f0.close.v2');
  });

  it('delivers an outbox message whose job was lost when Redis was flushed, within one reconcile interval', async () => {
    // Written without a delivery job, then every key of this app's queues wiped: as after a lost Redis.
    await app.dataSource.transaction((manager) =>
      app.app.get(NotificationsService).enqueue(manager, [
        {
          kind: NotificationKind.Invitation,
          dedupeKey: 'lost-kick',
          recipientEmail: 'lost@example.org',
          locale: 'fr',
          params: {
            name: 'Perdu',
            trustName: 'la fiducie',
            link: 'http://x',
            expiresOn: '2026-12-31',
          },
        },
      ]),
    );
    const redis = app.app.get<Redis>(REDIS);
    const keys = await redis.keys(`${queue.opts.prefix}:*`);
    if (keys.length > 0) await redis.del(...keys);

    const mailDir = join(app.dataDir, 'mail');
    await waitFor(async () => {
      const [row] = await app.dataSource.query(
        `SELECT sent_at FROM notification WHERE dedupe_key = 'lost-kick'`,
      );
      return row.sent_at !== null;
    });
    expect(readdirSync(mailDir).length).toBeGreaterThan(0);
  });

  it('exposes queue depth on /metrics and /ready', async () => {
    const base = app.url.replace('/graphql', '');
    const metrics = await (await fetch(`${base}/metrics`)).text();
    expect(metrics).toMatch(/delibera_queue_jobs\{queue="notifications",state="failed"\} \d+/);
    expect(metrics).toContain('delibera_process_cpu_user_seconds_total');
    const ready = (await (await fetch(`${base}/ready`)).json()) as {
      info: { queues: Record<string, unknown> };
    };
    expect(ready.info.queues).toMatchObject({
      status: 'up',
      deadlines: { failed: 0, lagSeconds: expect.any(Number) },
      notifications: { failed: 0 },
      workers: { deadlines: 'running', notifications: 'running' },
    });
  });

  it('measures how late each job started, per job name, on /metrics', async () => {
    // The reconciler ran at start (and every second here) in this in-process worker.
    const metrics = await (await fetch(app.url.replace('/graphql', '/metrics'))).text();
    const count =
      /delibera_job_start_lag_seconds_count\{queue="deadlines",job="deadlines.reconcile"\} (\d+)/.exec(
        metrics,
      );
    expect(Number(count?.[1])).toBeGreaterThan(0);
    expect(metrics).toMatch(/delibera_queue_lag_seconds\{queue="deadlines"\} [\d.]+/);
  });
});

describe('queues: /ready reports a backlog nobody processes', () => {
  let api: TestApp;

  beforeAll(async () => {
    // An API without in-process workers, whose worker is missing: due jobs pile up.
    api = await startTestApp({ RUN_WORKER_IN_PROCESS: 'false', QUEUE_LAG_READY_SECONDS: '5' });
  });
  afterAll(() => api.close());

  it('is ready while due jobs are fresh, and not ready once the oldest waited past the bound', async () => {
    const scheduler = api.app.get(JobScheduler);
    const ready = async () => {
      const response = await fetch(api.url.replace('/graphql', '/ready'));
      const body = (await response.json()) as {
        error: {
          queues: { status: string; deadlines: { lagSeconds: number }; problems: string[] };
        };
      };
      return { status: response.status, body };
    };
    await scheduler.schedule(
      deadlineJob({
        name: JobName.ReconcileDeadlines,
        kind: 'vote',
        id: 'fresh',
        transition: 'close',
        version: 1,
        at: new Date(Date.now() - 1000),
      }),
    );
    expect((await ready()).status).toBe(200);

    await scheduler.schedule(
      deadlineJob({
        name: JobName.ReconcileDeadlines,
        kind: 'vote',
        id: 'stale',
        transition: 'close',
        version: 1,
        at: new Date(Date.now() - 30_000),
      }),
    );
    const { status, body } = await ready();
    expect(status).toBe(503);
    expect(body.error.queues.status).toBe('down');
    expect(body.error.queues.deadlines.lagSeconds).toBeGreaterThanOrEqual(30);
    expect(body.error.queues.problems).toEqual([expect.stringMatching(/^deadlines lags 3\d s$/)]);
  });
});

describe('queues: a worker reconciles when it starts, even if another did in this interval', () => {
  it('runs its own start-up reconciliation instead of sharing the interval’s job id', async () => {
    const first = await startTestApp({ RECONCILE_INTERVAL_SECONDS: '3600' });
    const prefix = first.app.get<Queue>(getQueueToken(QueueName.Deadlines)).opts.prefix!;
    // A second worker on the same queues (e.g. restarted after a crash) within the same hour.
    const second = await startTestApp({ RECONCILE_INTERVAL_SECONDS: '3600', QUEUE_PREFIX: prefix });
    try {
      const queue = second.app.get<Queue>(getQueueToken(QueueName.Deadlines));
      await waitFor(async () => {
        const jobs = await queue.getJobs(['completed']);
        return jobs.filter((job) => job.name === JobName.ReconcileDeadlines).length >= 2;
      });
    } finally {
      await second.close();
      await first.close();
    }
  });
});
