import { approximate, roundsOf } from './result-rounds';

describe('roundsOf', () => {
  it('reads instant-runoff rounds from the published count', () => {
    const details = {
      tally: {
        method: 'irv',
        rounds: [
          {
            round: 1,
            tallies: { a: '2', b: '1', c: '1' },
            exhausted: '0',
            elected: null,
            eliminated: 'c',
          },
          { round: 2, tallies: { a: '3', b: '1' }, exhausted: '0', elected: 'a', eliminated: null },
        ],
      },
    };
    expect(roundsOf(details)).toEqual([
      {
        round: 1,
        tallies: { a: '2', b: '1', c: '1' },
        exhausted: '0',
        elected: null,
        eliminated: 'c',
      },
      { round: 2, tallies: { a: '3', b: '1' }, exhausted: '0', elected: 'a', eliminated: null },
    ]);
  });

  it('finds no rounds in counts that have none', () => {
    expect(roundsOf({ tally: { method: 'schulze', pairwise: {} } })).toEqual([]);
    expect(roundsOf(null)).toEqual([]);
  });
});

describe('approximate', () => {
  it('reads whole and fractional vote counts', () => {
    expect(approximate('7')).toBe(7);
    expect(approximate('7/2')).toBe(3.5);
  });
});
