import { jobDueAt, lagSeconds } from '../queues/job-timing';

describe('job timing', () => {
  const now = Date.parse('2026-11-24T12:00:00Z');

  it('counts from the deadline carried in the data, even for a job re-enqueued late', () => {
    const reconciled = { timestamp: now - 1000, delay: 0, data: { dueAt: '2026-11-24T11:58:00Z' } };
    expect(jobDueAt(reconciled)).toBe(Date.parse('2026-11-24T11:58:00Z'));
    expect(lagSeconds([reconciled], now)).toBe(120);
  });

  it('falls back to when the job was added plus its delay', () => {
    expect(jobDueAt({ timestamp: now - 5000, delay: 2000, data: {} })).toBe(now - 3000);
    expect(jobDueAt({ timestamp: now, data: { dueAt: 'not a date' } })).toBe(now);
  });

  it('reports the oldest due job, and no lag for jobs not due yet or no job', () => {
    const jobs = [
      { timestamp: now - 4000 },
      { timestamp: now - 9000 },
      undefined,
      { timestamp: now, delay: 60_000 },
    ];
    expect(lagSeconds(jobs, now)).toBe(9);
    expect(lagSeconds([{ timestamp: now, delay: 60_000 }], now)).toBe(0);
    expect(lagSeconds([], now)).toBe(0);
  });
});
