import { JobName } from '@delibera/kernel';
import { voteReminderJob } from '../vote-reminder-job';

describe('vote reminder jobs', () => {
  const closesAt = new Date('2026-12-01T17:00:00Z');

  it('fires offset before close, with an id per vote, offset and version', () => {
    const job = voteReminderJob({ id: 'v1', version: 3, closesAt, offsetSeconds: 7200 });
    expect(job).toEqual({
      name: JobName.RemindVote,
      jobId: 'vote.v1.remind-7200s.v3',
      at: new Date('2026-12-01T15:00:00Z'),
      data: { id: 'v1', transition: 'remind-7200s', version: 3, dueAt: '2026-12-01T15:00:00.000Z' },
    });
  });
});
