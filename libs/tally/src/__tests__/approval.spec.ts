import { Rational, tally } from '../index';
import type { ApprovalResult, ApprovalSpec } from '../tally.types';
import { profile } from './ballots';

function approve(
  spec: Partial<ApprovalSpec> & Pick<ApprovalSpec, 'ballots' | 'candidates'>,
): ApprovalResult {
  return tally({ method: 'approval', seed: 'vote-2', ...spec }) as ApprovalResult;
}

describe('approval', () => {
  // The Tennessee capital profile (Wikipedia's running example: 42/26/15/17 % of voters),
  // with each voter approving their two nearest cities.
  const tennessee = profile<string[]>(
    [42, ['Memphis', 'Nashville']],
    [26, ['Nashville', 'Chattanooga']],
    [15, ['Chattanooga', 'Knoxville']],
    [17, ['Knoxville', 'Chattanooga']],
  );
  const cities = ['Memphis', 'Nashville', 'Chattanooga', 'Knoxville'];

  it('elects the most approved candidates for the seats', () => {
    const result = approve({ candidates: cities, ballots: tennessee });
    expect(
      Object.fromEntries(Object.entries(result.approvals).map(([k, v]) => [k, v.toString()])),
    ).toEqual({
      Memphis: '42',
      Nashville: '68',
      Chattanooga: '58',
      Knoxville: '32',
    });
    expect(result.winners).toEqual(['Nashville']);
    expect(approve({ candidates: cities, ballots: tennessee, seats: 2 }).winners).toEqual([
      'Nashville',
      'Chattanooga',
    ]);
    expect(result.order).toEqual(['Nashville', 'Chattanooga', 'Memphis', 'Knoxville']);
  });

  it('treats ballots outside the selection limits as invalid and empty ones as blank', () => {
    const result = approve({
      candidates: ['A', 'B', 'C'],
      minSelections: 1,
      maxSelections: 2,
      ballots: profile<string[]>(
        [3, ['A', 'B', 'C']],
        [2, ['A']],
        [1, []],
        [1, ['Z']],
        [4, ['B', 'B']],
      ),
    });
    expect(result.ballots.invalid.toString()).toBe('4');
    expect(result.ballots.blank.toString()).toBe('1');
    expect(result.approvals.B.toString()).toBe('4'); // a repeated approval counts once
    expect(result.winners).toEqual(['B']);
  });

  it('draws ties across the last seat, and never seats a candidate nobody approved', () => {
    const ballots = profile<string[]>([2, ['A', 'B']], [1, ['C']], [1, ['D']]);
    const result = approve({ candidates: ['A', 'B', 'C', 'D', 'E'], seats: 3, ballots });
    expect(result.winners.slice(0, 2)).toEqual(['A', 'B']);
    expect(['C', 'D']).toContain(result.winners[2]);
    expect(result.tieBreaks).toHaveLength(1);
    expect(result.tieBreaks[0].tied).toEqual(['C', 'D']);
    const few = approve({
      candidates: ['A', 'B', 'C'],
      seats: 3,
      ballots: profile<string[]>([1, ['A']]),
    });
    expect(few.winners).toEqual(['A']);
  });

  it('drops withdrawn candidates after checking the ballot as cast', () => {
    const result = approve({
      candidates: ['A', 'B', 'C'],
      withdrawn: ['A'],
      maxSelections: 2,
      ballots: profile<string[]>([5, ['A', 'B']], [3, ['C']]),
    });
    expect(result.candidates).toEqual(['B', 'C']);
    expect(result.approvals.B.toString()).toBe('5');
    expect(result.winners).toEqual(['B']);
  });

  it('elects nobody from no ballots', () => {
    expect(approve({ candidates: ['A'], ballots: [] }).winners).toEqual([]);
    expect(
      approve({ candidates: ['A'], ballots: profile<string[]>([1, ['A']]) }).approvals.A,
    ).toEqual(Rational.ONE);
  });
});
