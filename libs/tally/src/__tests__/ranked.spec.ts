import { Rational, tally } from '../index';
import type { IrvResult, Matrix, RankedPairsResult, SchulzeResult } from '../tally.types';
import { letters, profile, TENNESSEE } from './ballots';

const seed = 'vote-3';
const plain = (matrix: Matrix) =>
  Object.fromEntries(
    Object.entries(matrix).map(([row, cells]) => [
      row,
      Object.fromEntries(Object.entries(cells).map(([col, v]) => [col, Number(v.toString())])),
    ]),
  );

// Wikipedia, "Schulze method", example with 45 voters and 5 candidates
// (https://en.wikipedia.org/wiki/Schulze_method#Example), expected d and p copied from the article.
const SCHULZE_45 = letters(
  [5, 'ACBED'],
  [5, 'ADECB'],
  [8, 'BEDAC'],
  [3, 'CABED'],
  [7, 'CAEBD'],
  [2, 'CBADE'],
  [7, 'DCEBA'],
  [8, 'EBADC'],
);

describe('schulze', () => {
  it('reproduces Wikipedia’s 45-voter example: pairwise matrix, strongest paths, winner E', () => {
    const result = tally({
      method: 'schulze',
      seed,
      candidates: ['A', 'B', 'C', 'D', 'E'],
      ballots: SCHULZE_45,
    }) as SchulzeResult;
    expect(plain(result.pairwise)).toEqual({
      A: { B: 20, C: 26, D: 30, E: 22 },
      B: { A: 25, C: 16, D: 33, E: 18 },
      C: { A: 19, B: 29, D: 17, E: 24 },
      D: { A: 15, B: 12, C: 28, E: 14 },
      E: { A: 23, B: 27, C: 21, D: 31 },
    });
    expect(plain(result.strongestPaths)).toEqual({
      A: { B: 28, C: 28, D: 30, E: 24 },
      B: { A: 25, C: 28, D: 33, E: 24 },
      C: { A: 25, B: 29, D: 29, E: 24 },
      D: { A: 25, B: 28, C: 28, E: 24 },
      E: { A: 25, B: 28, C: 28, D: 31 },
    });
    // The article's ranking: E > A > C > B > D.
    expect(result.ranking).toEqual([['E'], ['A'], ['C'], ['B'], ['D']]);
    expect(result.winners).toEqual(['E']);
    expect(result.tieBreak).toBeNull();
  });

  it('elects Nashville in the Tennessee example (the Condorcet winner)', () => {
    const result = tally({ method: 'schulze', seed, ...TENNESSEE }) as SchulzeResult;
    expect(result.winners).toEqual(['Nashville']);
    expect(result.ranking).toEqual([['Nashville'], ['Chattanooga'], ['Knoxville'], ['Memphis']]);
    expect(result.pairwise.Nashville.Memphis.toString()).toBe('58');
    expect(result.pairwise.Chattanooga.Knoxville.toString()).toBe('83');
  });

  it('ranks unranked candidates below ranked ones (partial rankings)', () => {
    const result = tally({
      method: 'schulze',
      seed,
      candidates: ['A', 'B', 'C'],
      ballots: letters([3, 'A'], [2, 'BC']),
    }) as SchulzeResult;
    expect(plain(result.pairwise)).toEqual({
      A: { B: 3, C: 3 },
      B: { A: 2, C: 2 },
      C: { A: 2, B: 0 },
    });
    expect(result.winners).toEqual(['A']);
  });

  it('settles a perfect tie by lot, and elects nobody without ballots', () => {
    const tie = tally({
      method: 'schulze',
      seed,
      candidates: ['A', 'B'],
      ballots: letters([1, 'AB'], [1, 'BA']),
    }) as SchulzeResult;
    expect(tie.ranking).toEqual([['A', 'B']]);
    expect(tie.tieBreak?.lot?.among).toEqual(['A', 'B']);
    expect(tie.winners).toEqual([tie.tieBreak?.chosen]);
    expect(
      (tally({ method: 'schulze', seed, candidates: ['A', 'B'], ballots: [] }) as SchulzeResult)
        .winners,
    ).toEqual([]);
    expect(
      (
        tally({
          method: 'schulze',
          seed,
          candidates: ['A'],
          ballots: letters([2, 'A']),
        }) as SchulzeResult
      ).winners,
    ).toEqual(['A']);
  });
});

describe('ranked pairs', () => {
  it('locks the Tennessee majorities strongest first and elects Nashville', () => {
    // Wikipedia, "Ranked pairs", Tennessee example: C>K 83, then N>C, N>K 68, then the 58s; Nashville wins.
    const result = tally({ method: 'ranked_pairs', seed, ...TENNESSEE }) as RankedPairsResult;
    const described = result.pairs.map((p) => [p.winner, p.loser, p.votes.toString(), p.locked]);
    expect(described.slice(0, 3)).toEqual([
      ['Chattanooga', 'Knoxville', '83', true],
      ['Nashville', 'Chattanooga', '68', true],
      ['Nashville', 'Knoxville', '68', true],
    ]);
    // The three 58–42 majorities are equally strong: their order comes from the drawn ranking.
    expect(described.slice(3).sort()).toEqual([
      ['Chattanooga', 'Memphis', '58', true],
      ['Knoxville', 'Memphis', '58', true],
      ['Nashville', 'Memphis', '58', true],
    ]);
    expect(result.tieBreakRanking).not.toBeNull();
    expect(result.winners).toEqual(['Nashville']);
    expect(result.ranking).toEqual([['Nashville'], ['Chattanooga'], ['Knoxville'], ['Memphis']]);
  });

  it('skips the pairs that would close a cycle', () => {
    // On the Schulze article's 45 voters, worked by hand from its pairwise matrix: B>D 33, E>D 31,
    // A>D 30, C>B 29 lock; D>C 28 would close D>C>B>D; E>B 27, A>C 26 lock; B>A 25 closes
    // A>C>B>A; C>E 24 locks; E>A 23 closes A>C>E>A. The locked order is A>C>E>B>D: ranked pairs
    // elects A where Schulze elects E.
    const result = tally({
      method: 'ranked_pairs',
      seed,
      candidates: ['A', 'B', 'C', 'D', 'E'],
      ballots: SCHULZE_45,
    }) as RankedPairsResult;
    expect(
      result.pairs.map((p) => `${p.winner}>${p.loser} ${p.votes}${p.locked ? '' : ' skipped'}`),
    ).toEqual([
      'B>D 33',
      'E>D 31',
      'A>D 30',
      'C>B 29',
      'D>C 28 skipped',
      'E>B 27',
      'A>C 26',
      'B>A 25 skipped',
      'C>E 24',
      'E>A 23 skipped',
    ]);
    expect(result.ranking).toEqual([['A'], ['C'], ['E'], ['B'], ['D']]);
    expect(result.winners).toEqual(['A']);
    expect(result.tieBreakRanking).toBeNull();
  });

  it('orders equally strong pairs by a drawn tie-breaking ranking, recorded in the result', () => {
    const cycle = letters([1, 'ABC'], [1, 'BCA'], [1, 'CAB']);
    const result = tally({
      method: 'ranked_pairs',
      seed,
      candidates: ['A', 'B', 'C'],
      ballots: cycle,
    }) as RankedPairsResult;
    expect(result.tieBreakRanking?.order).toHaveLength(3);
    expect(result.pairs.filter((p) => p.locked)).toHaveLength(2);
    const [first] = result.tieBreakRanking?.order ?? [];
    // The first pair considered is the one whose winner ranks highest in the drawn ranking.
    expect(result.pairs[0].winner).toBe(first);
    expect(result.winners).toHaveLength(1);
  });
});

describe('instant-runoff', () => {
  it('elects Knoxville in the Tennessee example, round by round', () => {
    // Wikipedia, "Instant-runoff voting", Tennessee example: Chattanooga out (15), then Nashville (26); Knoxville 58–42.
    const result = tally({ method: 'irv', seed, ...TENNESSEE }) as IrvResult;
    const tallies = result.rounds.map((round) =>
      Object.fromEntries(Object.entries(round.tallies).map(([k, v]) => [k, v.toString()])),
    );
    expect(tallies).toEqual([
      { Memphis: '42', Nashville: '26', Chattanooga: '15', Knoxville: '17' },
      { Memphis: '42', Nashville: '26', Knoxville: '32' },
      { Memphis: '42', Knoxville: '58' },
    ]);
    expect(result.rounds.map((round) => round.eliminated)).toEqual([
      'Chattanooga',
      'Nashville',
      null,
    ]);
    expect(result.rounds[0].transfers).toEqual({
      Memphis: Rational.ZERO,
      Nashville: Rational.ZERO,
      Knoxville: Rational.of(15n),
    });
    expect(result.winners).toEqual(['Knoxville']);
  });

  it('counts exhausted ballots and needs a majority of continuing votes only', () => {
    const result = tally({
      method: 'irv',
      seed,
      candidates: ['A', 'B', 'C'],
      ballots: letters([4, 'A'], [3, 'B'], [2, 'C']),
    }) as IrvResult;
    expect(result.rounds[1].exhausted.toString()).toBe('2');
    expect(result.rounds[1].continuing.toString()).toBe('7');
    expect(result.winners).toEqual(['A']);
  });

  it('breaks a tie for last by looking back to the latest round where the tied differed', () => {
    // Round 1: A 7, B 4, C 3, D 1, E 2 — D out, its ballot to C. Round 2: A 7, B 4, C 4, E 2 — E out.
    // Round 3: B and C tie at 4; equal in round 2 too, but in round 1 C had 3: C is excluded.
    const ballots = letters([7, 'A'], [4, 'BA'], [3, 'CA'], [1, 'DC'], [2, 'E']);
    const result = tally({
      method: 'irv',
      seed,
      candidates: ['A', 'B', 'C', 'D', 'E'],
      ballots,
    }) as IrvResult;
    expect(result.rounds.map((round) => round.eliminated)).toEqual(['D', 'E', 'C', null]);
    expect(result.rounds[2].tieBreak).toEqual({
      tied: ['B', 'C'],
      lookBack: [{ round: 1, remaining: ['C'] }],
      lot: null,
      chosen: 'C',
    });
    expect(result.winners).toEqual(['A']);
  });

  it('draws by lot when the tied were equal in every round', () => {
    const result = tally({
      method: 'irv',
      seed,
      candidates: ['A', 'B', 'C'],
      ballots: letters([2, 'A'], [1, 'BA'], [1, 'CA']),
    }) as IrvResult;
    expect(result.rounds[0].tieBreak?.lot).toEqual({ among: ['B', 'C'], sample: 0 });
    expect(result.winners).toEqual(['A']);
  });

  it('skips withdrawn candidates in every ranking', () => {
    const result = tally({
      method: 'irv',
      seed,
      ...TENNESSEE,
      withdrawn: ['Chattanooga'],
    }) as IrvResult;
    expect(result.candidates).toEqual(['Memphis', 'Nashville', 'Knoxville']);
    expect(result.rounds[0].tallies.Knoxville.toString()).toBe('32');
    expect(result.withdrawn).toEqual(['Chattanooga']);
    expect(result.winners).toEqual(['Knoxville']);
  });

  it('handles one candidate, no ballots, and invalid ballots', () => {
    expect(
      (tally({ method: 'irv', seed, candidates: ['A'], ballots: letters([3, 'A']) }) as IrvResult)
        .winners,
    ).toEqual(['A']);
    expect(
      (tally({ method: 'irv', seed, candidates: ['A', 'B'], ballots: [] }) as IrvResult).winners,
    ).toEqual([]);
    const invalid = tally({
      method: 'irv',
      seed,
      candidates: ['A', 'B'],
      ballots: letters([2, 'AA'], [1, 'AZ'], [1, 'B']),
    }) as IrvResult;
    expect(invalid.ballots.invalid.toString()).toBe('3');
    expect(invalid.winners).toEqual(['B']);
  });

  it('merges duplicate ballots passed unaggregated', () => {
    const split = profile<string[]>([1, ['A', 'B']], [1, ['A', 'B']], [1, ['B']]);
    const result = tally({
      method: 'irv',
      seed,
      candidates: ['A', 'B'],
      ballots: split,
    }) as IrvResult;
    expect(result.rounds[0].tallies.A.toString()).toBe('2');
  });
});
