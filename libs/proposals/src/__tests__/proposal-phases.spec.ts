import { DomainError } from '@delibera/kernel';
import { phaseDates } from '../proposal-phases';

// The founding charter's contribution-scale rule: notice 30, consultation 21, deliberation 14, voting 7 days.
const scale = {
  minNoticeDays: 30,
  minConsultationDays: 21,
  minDeliberationDays: 14,
  minVotingDays: 7,
};
const start = new Date('2027-01-01T12:00:00Z');
const day = (n: number) => new Date(start.getTime() + n * 86_400_000);

describe('phase dates from the charter minimums', () => {
  it('chains the minimum durations, each phase counting from the end of the one before', () => {
    expect(phaseDates(scale, start, true)).toEqual({
      consultationEndsAt: day(21),
      deliberationEndsAt: day(35),
      votingOpensAt: day(35),
      votingClosesAt: day(42),
    });
  });

  it('opens the vote no earlier than the notice period, even without consultation', () => {
    expect(phaseDates(scale, start, false)).toEqual({
      consultationEndsAt: null,
      deliberationEndsAt: day(14),
      votingOpensAt: day(30),
      votingClosesAt: day(37),
    });
  });

  it('keeps later requested dates and shifts the following minimums', () => {
    const dates = phaseDates(scale, start, true, { consultationEndsAt: day(28) });
    expect(dates.deliberationEndsAt).toEqual(day(42));
    expect(dates.votingClosesAt).toEqual(day(49));
  });

  it('refuses an earlier requested date with DEADLINE_TOO_SOON naming the field and the earliest date', () => {
    let error: unknown;
    try {
      phaseDates(scale, start, true, { votingClosesAt: day(40) });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({
      code: 'DEADLINE_TOO_SOON',
      params: { field: 'votingClosesAt', earliest: day(42).toISOString() },
    });
  });

  it('defers a date that became too soon when recomputing later', () => {
    const dates = phaseDates(scale, start, true, { consultationEndsAt: day(10) }, 'defer');
    expect(dates.consultationEndsAt).toEqual(day(21));
  });
});
