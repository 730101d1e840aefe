import { canonicalJson, Rational, tally } from '../index';
import { BallotTable } from '../profile/ballot-table';
import { candidateSet, encodeRanked } from '../profile/encode';
import type { RankedBallot, WeightedBallot } from '../tally.types';

const items = (...values: number[]) => Uint16Array.from(values);

/** The n-th permutation of the candidates, in lexicographic order (factorial number system). */
function permutation(n: number, names: readonly string[]): string[] {
  const left = [...names];
  const out: string[] = [];
  for (let size = left.length; size > 0; size--) {
    let factorial = 1;
    for (let k = 2; k < size; k++) factorial *= k;
    out.push(left.splice(Math.floor(n / factorial) % size, 1)[0]);
  }
  return out;
}

describe('BallotTable', () => {
  it('merges identical ballots and keeps weight groups apart', () => {
    const table = new BallotTable();
    table.add(items(0, 1), 2, 2n);
    table.add(items(0, 1), 2, 3n);
    table.add(items(0, 1), 2, Rational.parse('1/2'));
    table.add(items(1, 0), 2, 1n);
    table.add(items(0), 1, 0n); // weightless: nothing to count
    expect(table.size).toBe(3);
    expect(Array.from(table.count.subarray(0, 3))).toEqual([5, 1, 1]);
    expect(table.groups.units.map(String)).toEqual(['1', '1/2']);
    expect(table.groups.total().toString()).toBe('13/2');
  });

  it('splits a weight too large for one exact group, keeping the total exact', () => {
    const table = new BallotTable();
    table.add(items(2), 1, 10n ** 11n + 3n);
    expect(table.groups.total().toString()).toBe('100000000003');
    expect(table.size).toBeGreaterThan(1);
    const result = tally({
      method: 'irv',
      seed: 's',
      candidates: ['A', 'B'],
      ballots: [
        { ballot: ['A'], weight: 10n ** 11n },
        { ballot: ['B'], weight: 3n },
      ],
    });
    expect(result.winners).toEqual(['A']);
    expect(result.ballots.counted.toString()).toBe('100000000003');
  });

  it('stops merging when ballots barely repeat, with the same results either way', () => {
    const names = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I'];
    // 70,000 distinct rankings, then a bloc of repeated ones: merging is off by the time they come.
    const distinct: WeightedBallot<RankedBallot>[] = Array.from({ length: 70_000 }, (_, n) => ({
      ballot: permutation(n * 5, names),
      weight: 1n,
    }));
    const bloc = Array.from({ length: 30_000 }, () => ({ ballot: ['I', 'H', 'G'], weight: 1n }));
    const unaggregated = [...distinct, ...bloc];
    const aggregated = [...distinct, { ballot: ['I', 'H', 'G'], weight: 30_000n }];
    expect(encodeRanked(unaggregated, candidateSet(names)).table.size).toBe(100_000);
    for (const method of ['irv', 'schulze', 'ranked_pairs'] as const) {
      const spec = { method, seed: 'big', candidates: names };
      expect(canonicalJson(tally({ ...spec, ballots: unaggregated }))).toBe(
        canonicalJson(tally({ ...spec, ballots: aggregated })),
      );
    }
    const stv = { method: 'stv', seed: 'big', candidates: names, seats: 3 } as const;
    expect(canonicalJson(tally({ ...stv, ballots: unaggregated }))).toBe(
      canonicalJson(tally({ ...stv, ballots: aggregated })),
    );
  });
});
