// The charts read what the API publishes: the tally's canonical JSON. The
// tests count real profiles with the tally library and read its published form.
import { canonicalJson, Rational, tally } from '../../../../libs/tally/src';
import type { TallySpec } from '../../../../libs/tally/src';
import {
  collegeRows,
  irvTransfers,
  methodOf,
  optionChart,
  pairwiseMatrix,
  stvCount,
  subtract,
} from './result-charts';

const published = (spec: TallySpec) =>
  JSON.parse(canonicalJson({ tally: tally(spec) })) as Record<string, unknown>;

const ranked = [
  { ballot: ['a', 'b', 'c'], weight: 4n },
  { ballot: ['b', 'a'], weight: 3n },
  { ballot: ['c'], weight: 2n },
];

describe('result charts', () => {
  it('reads a motion’s votes per option', () => {
    const details = published({
      method: 'choice',
      seed: 's',
      kind: 'motion',
      options: ['yes', 'no'],
      threshold: { ratio: Rational.of(1, 2), comparison: 'more_than', base: 'cast' },
      ballots: [
        { ballot: { option: 'yes' }, weight: 5n },
        { ballot: { option: 'no' }, weight: 2n },
      ],
    });
    expect(methodOf(details)).toBe('choice');
    expect(optionChart(details)?.rows).toEqual(
      expect.arrayContaining([
        { option: 'yes', values: { votes: '5' } },
        { option: 'no', values: { votes: '2' } },
      ]),
    );
  });

  it('reads instant-runoff first preferences and where the eliminated option’s ballots went', () => {
    const details = published({
      method: 'irv',
      seed: 's',
      candidates: ['a', 'b', 'c'],
      ballots: ranked,
    });
    expect(optionChart(details)?.rows).toEqual([
      { option: 'a', values: { votes: '4' } },
      { option: 'b', values: { votes: '3' } },
      { option: 'c', values: { votes: '2' } },
    ]);
    // c is eliminated; its 2 ballots name no one else: exhausted.
    expect(irvTransfers(details)).toEqual([
      { round: 1, from: 'c', to: expect.objectContaining({ exhausted: '2' }) },
    ]);
  });

  it('reads the pairwise matrix of a Schulze count', () => {
    const details = published({
      method: 'schulze',
      seed: 's',
      candidates: ['a', 'b', 'c'],
      ballots: ranked,
    });
    const matrix = pairwiseMatrix(details);
    expect(matrix?.candidates).toEqual(['a', 'b', 'c']);
    expect(matrix?.votes.a.b).toBe('4');
    expect(matrix?.votes.b.a).toBe('3');
    expect(
      pairwiseMatrix(
        published({ method: 'irv', seed: 's', candidates: ['a', 'b'], ballots: ranked }),
      ),
    ).toBeNull();
  });

  it('reads each STV stage under Scottish rules', () => {
    const details = published({
      method: 'stv',
      seed: 's',
      seats: 2,
      candidates: ['a', 'b', 'c'],
      ballots: [
        { ballot: ['a', 'b'], weight: 6n },
        { ballot: ['b'], weight: 2n },
        { ballot: ['c'], weight: 3n },
      ],
    });
    const count = stvCount(details);
    expect(count?.seats).toBe(2);
    expect(count?.quota).toBe('4');
    expect(count?.stages[0]).toMatchObject({
      stage: 1,
      kind: 'first_preferences',
      totals: { a: '6', b: '2', c: '3' },
    });
    expect(count?.stages[1]).toMatchObject({ kind: 'surplus', candidate: 'a' });
  });

  it('stacks majority-judgment grades per option', () => {
    const details = published({
      method: 'majority_judgment',
      seed: 's',
      candidates: ['a', 'b'],
      grades: ['good', 'poor'],
      ballots: [
        { ballot: { a: 0, b: 1 }, weight: 2n },
        { ballot: { a: 1, b: 1 }, weight: 1n },
      ],
    });
    expect(optionChart(details)).toEqual({
      series: ['good', 'poor'],
      stacked: true,
      rows: [
        { option: 'a', values: { good: '2', poor: '1' } },
        { option: 'b', values: { good: '0', poor: '3' } },
      ],
    });
  });

  it('reads the per-college breakdown of a weighted count', () => {
    const details = published({
      method: 'approval',
      seed: 's',
      candidates: ['a', 'b'],
      colleges: [
        { id: 'people', weight: 60n, ballots: [{ ballot: ['a'], weight: 3n }] },
        { id: 'orgs', weight: 40n, ballots: [{ ballot: ['b'], weight: 1n }] },
      ],
    });
    expect(collegeRows(details)).toEqual([
      expect.objectContaining({
        college: 'people',
        weight: '60',
        ballots: '3',
        support: { a: '3', b: '0' },
      }),
      expect.objectContaining({
        college: 'orgs',
        weight: '40',
        ballots: '1',
        support: { a: '0', b: '1' },
      }),
    ]);
  });

  it('yields nothing from a malformed or empty result', () => {
    expect(optionChart({})).toBeNull();
    expect(irvTransfers(null)).toEqual([]);
    expect(stvCount({ tally: { method: 'stv' } })).toBeNull();
    expect(collegeRows({ tally: { colleges: 'x' } })).toEqual([]);
  });

  it('subtracts exact fractions', () => {
    expect(subtract('7/2', '1')).toBe('5/2');
    expect(subtract('3', '1/3')).toBe('8/3');
    expect(subtract('2', '2')).toBe('0');
  });
});
