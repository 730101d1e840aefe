import { reminderDue, ReminderNotDueYet, reminderOffsetSeconds } from '../queues/reminder-job';

describe('reminder jobs', () => {
  it('reads the offset back from the transition, and nothing from other transitions', () => {
    expect(reminderOffsetSeconds('remind-172800s')).toBe(172800);
    expect(reminderOffsetSeconds('close')).toBeUndefined();
    expect(reminderOffsetSeconds('remind-12')).toBeUndefined();
  });

  it('is due from its time on; a few seconds early it retries, earlier it is stale', () => {
    const at = new Date('2026-12-01T15:00:00Z');
    const plus = (ms: number) => new Date(at.getTime() + ms);
    expect(reminderDue(at, at)).toBe(true);
    expect(reminderDue(plus(60_000), at)).toBe(true);
    expect(() => reminderDue(plus(-2000), at)).toThrow(ReminderNotDueYet);
    expect(reminderDue(plus(-60_000), at)).toBe(false);
  });
});
