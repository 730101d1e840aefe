import { VoteMethod } from '@delibera/charter';
import { DomainError } from '@delibera/kernel';
import { BallotRules, ballotContent } from '../ballots/ballot-content';

const rules = (method: VoteMethod, extra: Partial<BallotRules> = {}): BallotRules => ({
  method,
  optionIds: ['a', 'b', 'c'],
  gradeIds: null,
  minSelections: null,
  maxSelections: null,
  ...extra,
});

/** The problem code of the INVALID_BALLOT error thrown, or the content returned. */
function attempt(r: BallotRules, input: Parameters<typeof ballotContent>[1]) {
  try {
    return { content: ballotContent(r, input) };
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    expect(error.code).toBe('INVALID_BALLOT');
    return { problem: (error.details as { problem: string }).problem };
  }
}

describe('ballotContent', () => {
  it('reads a choice as tally does: an option, an abstention or a blank, and nothing else', () => {
    const choice = rules(VoteMethod.Choice);
    expect(attempt(choice, { option: 'b' })).toEqual({ content: { option: 'b' } });
    expect(attempt(choice, { abstain: true })).toEqual({ content: 'abstain' });
    expect(attempt(choice, { blank: true })).toEqual({ content: 'blank' });
    expect(attempt(choice, { option: 'z' })).toEqual({ problem: 'UNKNOWN_OPTION' });
    expect(attempt(choice, { option: 'a', abstain: true })).toEqual({ problem: 'WRONG_SHAPE' });
    expect(attempt(choice, { ranking: ['a'] })).toEqual({ problem: 'WRONG_SHAPE' });
    expect(attempt(choice, {})).toEqual({ problem: 'WRONG_SHAPE' });
  });

  it.each([
    VoteMethod.InstantRunoff,
    VoteMethod.Schulze,
    VoteMethod.RankedPairs,
    VoteMethod.SingleTransferableVote,
  ])('%s: a ranking without repeats of known candidates, or blank', (method) => {
    const ranked = rules(method);
    expect(attempt(ranked, { ranking: ['c', 'a'] })).toEqual({ content: ['c', 'a'] });
    expect(attempt(ranked, { blank: true })).toEqual({ content: [] });
    expect(attempt(ranked, { ranking: ['a', 'a'] })).toEqual({ problem: 'REPEATED_CANDIDATE' });
    expect(attempt(ranked, { ranking: ['a', 'x'] })).toEqual({ problem: 'UNKNOWN_OPTION' });
  });

  it('approval: a sorted set within min/max; an empty ballot is blank', () => {
    const approval = rules(VoteMethod.Approval, { minSelections: 2, maxSelections: 2 });
    expect(attempt(approval, { approvals: ['c', 'a', 'c'] })).toEqual({ content: ['a', 'c'] });
    expect(attempt(approval, { approvals: [] })).toEqual({ content: [] });
    expect(attempt(approval, { approvals: ['a'] })).toEqual({ problem: 'TOO_FEW_SELECTIONS' });
    expect(attempt(approval, { approvals: ['a', 'b', 'c'] })).toEqual({
      problem: 'TOO_MANY_SELECTIONS',
    });
  });

  it('majority judgment: one known grade per candidate, as grade indices with sorted keys', () => {
    const mj = rules(VoteMethod.MajorityJudgment, { gradeIds: ['excellent', 'good', 'poor'] });
    const grades = [
      { candidate: 'c', grade: 'poor' },
      { candidate: 'a', grade: 'excellent' },
      { candidate: 'b', grade: 'good' },
    ];
    const { content } = attempt(mj, { grades });
    expect(JSON.stringify(content)).toBe('{"a":0,"b":1,"c":2}');
    expect(attempt(mj, { grades: grades.slice(1) })).toEqual({ problem: 'MISSING_GRADE' });
    expect(
      attempt(mj, { grades: [...grades.slice(1), { candidate: 'c', grade: 'awful' }] }),
    ).toEqual({ problem: 'UNKNOWN_GRADE' });
    expect(attempt(mj, { grades: [...grades, { candidate: 'a', grade: 'poor' }] })).toEqual({
      problem: 'REPEATED_CANDIDATE',
    });
  });
});
