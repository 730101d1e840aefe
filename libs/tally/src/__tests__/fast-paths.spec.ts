import fc from 'fast-check';
import { canonicalJson, Rational, tally } from '../index';
import { strongestPaths } from '../methods/schulze';
import { candidateSet, IdLookup } from '../profile/encode';
import type {
  GradeBallot,
  MajorityJudgmentSpec,
  Profile,
  RankedBallot,
  RankedPairsResult,
  SchulzeResult,
  WeightedBallot,
} from '../tally.types';
import { profile } from './ballots';

const seed = 'fast-paths';
const GRADES = ['Excellent', 'Good', 'Fair', 'Poor'];

/** The same weights, each given as a whole Rational instead of a bigint: the exact general path. */
const asRationals = <B>(ballots: readonly WeightedBallot<B>[], which: readonly boolean[]) =>
  ballots.map((entry, i) => ({
    ...entry,
    weight: which[i % which.length] ? Rational.of(entry.weight as bigint) : entry.weight,
  }));

describe('fast paths give the exact path’s results, byte for byte', () => {
  it('majority judgment: plain counts added while reading equal weights added after validation', () => {
    // Keys in any order (several ballot shapes), unknown and withdrawn ids, grades out of range,
    // fractional or not numbers, missing grades and blank ballots: every branch of the grade pass.
    const key = fc.constantFrom('A', 'B', 'C', 'D', 'W', 'Z', '');
    const grade = fc.oneof(
      { weight: 8, arbitrary: fc.integer({ min: 0, max: GRADES.length - 1 }) },
      { weight: 1, arbitrary: fc.constantFrom<unknown>(-1, GRADES.length, 1.5, '1', null, NaN) },
    );
    const ballots = fc.array(
      fc.record({
        ballot: fc.dictionary(key, grade, { maxKeys: 6 }) as fc.Arbitrary<GradeBallot>,
        weight: fc.bigInt({ min: 0n, max: 50n }),
      }),
      { minLength: 1, maxLength: 30 },
    );
    fc.assert(
      fc.property(ballots, fc.array(fc.boolean(), { minLength: 1 }), (entries, which) => {
        const spec: MajorityJudgmentSpec = {
          method: 'majority_judgment',
          seed,
          candidates: ['A', 'B', 'C', 'D', 'W'],
          withdrawn: ['W'],
          grades: GRADES,
          ballots: entries,
        };
        const exact = tally({ ...spec, ballots: asRationals(entries, which) });
        expect(canonicalJson(tally(spec))).toBe(canonicalJson(exact));
      }),
      { numRuns: 400 },
    );
  });

  it('a plain count reserved for a ballot that turns out invalid is given back', () => {
    const ballots = profile<GradeBallot>(
      [3, { A: 0, B: 1 }],
      [5, { A: 0, B: 9 }], // B's grade is out of range after A's was read
      [4, { B: 0, A: 2 }], // another shape
      [2, { A: 1, Z: 0 }], // unknown candidate after a good grade
    );
    const result = tally({
      method: 'majority_judgment',
      seed,
      candidates: ['A', 'B'],
      grades: GRADES,
      ballots,
    });
    expect(result.ballots.counted.toString()).toBe('7');
    expect(result.ballots.invalid.toString()).toBe('7');
    if (result.method !== 'majority_judgment') throw new Error(result.method);
    expect(GRADES.map((g) => result.distributions.A[g].toString())).toEqual(['3', '0', '4', '0']);
  });

  // From 256 entries, pairs are counted through each candidate's set of candidates ranked below it.
  it.each([
    ['pair by pair', 1, 25, 300],
    ['by sets', 256, 300, 25],
  ])(
    'Schulze and ranked pairs, %s: the pairs equal the pairs counted by hand',
    (_, minLength, maxLength, numRuns) => {
      const names = ['A', 'B', 'C', 'D', 'W'];
      const ranking = fc.oneof(
        { weight: 9, arbitrary: fc.shuffledSubarray(names) },
        { weight: 1, arbitrary: fc.constantFrom<unknown[]>(['A', 'A'], ['Z'], [7], [null]) },
      ) as fc.Arbitrary<RankedBallot>;
      const entries = fc.array(
        fc.record({ ballot: ranking, weight: fc.bigInt({ min: 0n, max: 2n ** 40n }) }),
        { minLength, maxLength },
      );
      fc.assert(
        fc.property(entries, fc.array(fc.boolean(), { minLength: 1 }), (ballots, which) => {
          const counted = ['A', 'B', 'C', 'D'];
          for (const method of ['schulze', 'ranked_pairs'] as const) {
            const spec = { method, seed, candidates: names, withdrawn: ['W'], ballots };
            const result = tally(spec) as SchulzeResult | RankedPairsResult;
            for (const a of counted)
              for (const b of counted)
                if (a !== b) expect(result.pairwise[a][b].toString()).toBe(prefers(ballots, a, b));
            const exact = tally({ ...spec, ballots: asRationals(ballots, which) });
            expect(canonicalJson(result)).toBe(canonicalJson(exact));
          }
        }),
        { numRuns },
      );
    },
  );

  // Sets split into low and high bits differently for odd and even counts; past 64 weight groups
  // (distinct fractional weights), counting goes on pair by pair from the sets expanded so far.
  it.each([1, 5, 9, 10])(
    'by sets with %i candidates, whole and many distinct fractional weights: the pairs counted by hand',
    (n) => {
      const names = Array.from({ length: n }, (_, i) => `c${i}`);
      const entries = fc.array(
        fc.record({ ranking: fc.shuffledSubarray(names), whole: fc.bigInt({ min: 1n, max: 9n }) }),
        { minLength: 256, maxLength: 300 },
      );
      fc.assert(
        fc.property(entries, fc.boolean(), (drawn, fractional) => {
          const ballots = drawn.map(({ ranking, whole }, i) => ({
            ballot: ranking,
            // Odd over powers of two: 70 distinct denominators whose common one stays small.
            weight: fractional ? Rational.of(2n * whole + 1n, 2n ** BigInt((i % 70) + 1)) : whole,
          }));
          const result = tally({ method: 'schulze', seed, candidates: names, ballots });
          if (result.method !== 'schulze') throw new Error(result.method);
          for (const a of names)
            for (const b of names) {
              if (a === b) continue;
              let votes = Rational.ZERO;
              for (const { ballot, weight } of ballots) {
                const [ia, ib] = [ballot.indexOf(a), ballot.indexOf(b)];
                if (ia >= 0 && (ib < 0 || ia < ib)) {
                  votes = votes.add(weight instanceof Rational ? weight : Rational.of(weight));
                }
              }
              expect(result.pairwise[a][b].toString()).toBe(votes.toString());
            }
        }),
        { numRuns: 6 },
      );
    },
  );

  it('Schulze: strongest paths computed on ranks equal Floyd–Warshall on the Rationals', () => {
    const strength = fc
      .tuple(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 1, max: 3 }))
      .map(([num, den]) => Rational.of(num, den));
    const matrix = fc.integer({ min: 1, max: 7 }).chain((n) =>
      fc.array(fc.array(strength, { minLength: n, maxLength: n }), {
        minLength: n,
        maxLength: n,
      }),
    );
    fc.assert(
      fc.property(matrix, (d) => {
        const expected = widestPaths(d).map((row) => row.map(String));
        expect(strongestPaths(d).map((row) => row.map(String))).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('ids sharing a lookup slot are told apart, and a mark that is not an id makes the ballot invalid', () => {
    // Same length and same last two characters: the same slot of the id cache.
    const candidates = candidateSet(['north-x1', 'south-x1', 'east-x1']);
    const ids = new IdLookup(candidates.position);
    for (const id of ['north-x1', 'south-x1', 'north-x1', 'east-x1', 'south-x1'])
      expect(ids.find(id)).toBe(candidates.position.get(id));
    for (const id of [7, null, undefined, 'west-x1', 'x1', ''] as unknown[])
      expect(ids.find(id)).toBe(-1);
    const result = tally({
      method: 'irv',
      seed,
      candidates: ['north-x1', 'south-x1'],
      ballots: [
        ...profile<RankedBallot>([3, ['north-x1']], [2, ['south-x1', 'north-x1']]),
        { ballot: [5] as unknown as RankedBallot, weight: 4n },
      ] as Profile<RankedBallot>,
    });
    expect(result.winners).toEqual(['north-x1']);
    expect(result.ballots.invalid.toString()).toBe('4');
  });
});

/** The textbook widest paths, on Rationals. */
function widestPaths(d: readonly (readonly Rational[])[]): Rational[][] {
  const n = d.length;
  const p = d.map((row, a) =>
    row.map((votes, b) => (a !== b && votes.gt(d[b][a]) ? votes : Rational.ZERO)),
  );
  for (let via = 0; via < n; via++)
    for (let a = 0; a < n; a++)
      for (let b = 0; b < n; b++)
        if (a !== b && a !== via && b !== via) {
          const through = Rational.min(p[a][via], p[via][b]);
          if (through.gt(p[a][b])) p[a][b] = through;
        }
  return p;
}

/** Votes ranking a above b (b unranked counts as below), over the valid ballots, by brute force. */
function prefers(ballots: readonly WeightedBallot<RankedBallot>[], a: string, b: string): string {
  let votes = 0n;
  for (const { ballot, weight } of ballots) {
    const marks = ballot.filter((id) => id !== 'W');
    const valid =
      ballot.every((id) => typeof id === 'string' && ['A', 'B', 'C', 'D', 'W'].includes(id)) &&
      new Set(ballot).size === ballot.length;
    if (!valid) continue;
    const ia = marks.indexOf(a);
    const ib = marks.indexOf(b);
    if (ia >= 0 && (ib < 0 || ia < ib)) votes += weight as bigint;
  }
  return votes.toString();
}
