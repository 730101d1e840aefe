import { draftProblem, emptyDraft, familyOf, toBallotInput } from './ballot-draft';

const rules = { options: ['a', 'b', 'c'] };

describe('ballot drafts', () => {
  it('groups the methods by the ballot a voter fills in', () => {
    expect(familyOf('Choice')).toBe('choice');
    expect(familyOf('Approval')).toBe('approval');
    expect(familyOf('MajorityJudgment')).toBe('grades');
    for (const ranked of [
      'InstantRunoff',
      'Schulze',
      'RankedPairs',
      'SingleTransferableVote',
    ] as const) {
      expect(familyOf(ranked)).toBe('ranking');
    }
  });

  it('asks for a choice, then sends the option or the abstention', () => {
    const draft = emptyDraft('Choice', rules.options);
    expect(draftProblem(draft, rules)).toEqual({ id: 'ballot.problem.choose' });
    expect(toBallotInput({ family: 'choice', option: 'yes', abstain: false }, rules)).toEqual({
      option: 'yes',
    });
    expect(toBallotInput({ family: 'choice', option: null, abstain: true }, rules)).toEqual({
      abstain: true,
    });
  });

  it('enforces the approval bounds and sends approvals in ballot order', () => {
    const bounded = { ...rules, minSelections: 1, maxSelections: 2 };
    expect(draftProblem({ family: 'approval', approvals: [] }, bounded)).toEqual({
      id: 'ballot.problem.minApprovals',
      values: { min: 1 },
    });
    expect(draftProblem({ family: 'approval', approvals: ['a', 'b', 'c'] }, bounded)).toEqual({
      id: 'ballot.problem.maxApprovals',
      values: { max: 2 },
    });
    expect(toBallotInput({ family: 'approval', approvals: ['c', 'a'] }, bounded)).toEqual({
      approvals: ['a', 'c'],
    });
  });

  it('accepts an empty approval ballot when no minimum is set', () => {
    expect(draftProblem({ family: 'approval', approvals: [] }, rules)).toBeNull();
  });

  it('needs at least one ranked option and sends the ranking, most preferred first', () => {
    const draft = emptyDraft('Schulze', rules.options);
    expect(draftProblem(draft, rules)).toEqual({ id: 'ballot.problem.rankOne' });
    const ranked = { family: 'ranking' as const, ranking: { ranked: ['c', 'a'], unranked: ['b'] } };
    expect(draftProblem(ranked, rules)).toBeNull();
    expect(toBallotInput(ranked, rules)).toEqual({ ranking: ['c', 'a'] });
  });

  it('needs a grade for every candidate in majority judgment', () => {
    const partial = { family: 'grades' as const, grades: { a: 'good' } };
    expect(draftProblem(partial, rules)).toEqual({
      id: 'ballot.problem.gradeAll',
      values: { missing: 2 },
    });
    const full = { family: 'grades' as const, grades: { a: 'good', b: 'poor', c: 'good' } };
    expect(toBallotInput(full, rules)).toEqual({
      grades: [
        { candidate: 'a', grade: 'good' },
        { candidate: 'b', grade: 'poor' },
        { candidate: 'c', grade: 'good' },
      ],
    });
  });
});
