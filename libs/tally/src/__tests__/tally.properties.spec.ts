import fc from 'fast-check';
import { canonicalJson, Rational, tally } from '../index';
import type {
  ApprovalBallot,
  ChoiceBallot,
  GradeBallot,
  MajorityJudgmentResult,
  Profile,
  RankedBallot,
  ScottishStvResult,
  TallySpec,
  WeightedBallot,
} from '../tally.types';

const CANDIDATES = ['A', 'B', 'C', 'D', 'E'];
const GRADES = ['Excellent', 'Good', 'Fair', 'Poor', 'Reject'];
const seed = 'property';

const weight = fc.integer({ min: 1, max: 12 }).map(BigInt);
const entries = <B>(ballot: fc.Arbitrary<B>, maxLength = 20) =>
  fc.array(fc.record({ ballot, weight }), { minLength: 1, maxLength }) as fc.Arbitrary<
    WeightedBallot<B>[]
  >;

const candidates = fc.integer({ min: 2, max: 5 }).map((n) => CANDIDATES.slice(0, n));
/** Partial rankings (possibly empty) over the candidates. */
const rankedProfile = candidates.chain((names) =>
  entries(fc.shuffledSubarray(names, { minLength: 0 })).map((ballots) => ({
    names,
    ballots: ballots as Profile<RankedBallot>,
  })),
);

/** Every method's spec for one set of random inputs, so each property runs over all of them. */
const anySpec: fc.Arbitrary<TallySpec> = fc.oneof(
  rankedProfile.map(({ names, ballots }): TallySpec => ({
    method: 'irv',
    seed,
    candidates: names,
    ballots,
  })),
  rankedProfile.map(({ names, ballots }): TallySpec => ({
    method: 'schulze',
    seed,
    candidates: names,
    ballots,
  })),
  rankedProfile.map(({ names, ballots }): TallySpec => ({
    method: 'ranked_pairs',
    seed,
    candidates: names,
    ballots,
  })),
  rankedProfile.map(({ names, ballots }): TallySpec => ({
    method: 'stv',
    seed,
    candidates: names,
    ballots,
    seats: 2,
  })),
  rankedProfile.map(({ names, ballots }): TallySpec => ({
    method: 'stv',
    rules: 'meek',
    seed,
    candidates: names,
    ballots,
    seats: 2,
  })),
  candidates.chain((names) =>
    entries(fc.subarray(names)).map((ballots): TallySpec => ({
      method: 'approval',
      seed,
      candidates: names,
      seats: 2,
      ballots: ballots as Profile<ApprovalBallot>,
    })),
  ),
  candidates.chain((names) =>
    entries(
      fc.dictionary(fc.constantFrom(...names), fc.integer({ min: 0, max: GRADES.length - 1 }), {
        minKeys: 1,
      }),
    ).map((ballots): TallySpec => ({
      method: 'majority_judgment',
      seed,
      candidates: names,
      grades: GRADES,
      ballots: ballots as Profile<GradeBallot>,
    })),
  ),
  entries(
    fc.constantFrom<ChoiceBallot>({ option: 'yes' }, { option: 'no' }, 'abstain', 'blank'),
  ).map((ballots): TallySpec => ({
    method: 'choice',
    kind: 'motion',
    options: ['yes', 'no'],
    seed,
    threshold: { ratio: Rational.parse('2/3'), comparison: 'at_least', base: 'cast' },
    ballots,
  })),
);

const withBallots = (spec: TallySpec, ballots: readonly WeightedBallot<unknown>[]) =>
  ({ ...spec, ballots }) as TallySpec;
const ballotsOf = (spec: TallySpec) => spec.ballots as readonly WeightedBallot<unknown>[];

/** d[a][b] by brute force: a ranked, and b unranked or ranked below a. */
function prefers(ballots: Profile<RankedBallot>, a: string, b: string): bigint {
  let votes = 0n;
  for (const { ballot, weight } of ballots) {
    const ia = ballot.indexOf(a);
    const ib = ballot.indexOf(b);
    if (ia >= 0 && (ib < 0 || ia < ib)) votes += weight as bigint;
  }
  return votes;
}

describe('tally properties', () => {
  it('a Condorcet winner wins under Schulze and ranked pairs', () => {
    fc.assert(
      fc.property(rankedProfile, ({ names, ballots }) => {
        const winner = names.find((a) =>
          names.every((b) => a === b || prefers(ballots, a, b) > prefers(ballots, b, a)),
        );
        fc.pre(winner !== undefined);
        for (const method of ['schulze', 'ranked_pairs'] as const) {
          expect(tally({ method, seed, candidates: names, ballots }).winners).toEqual([winner]);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('instant-runoff between two candidates is a majority vote', () => {
    fc.assert(
      fc.property(entries(fc.shuffledSubarray(['A', 'B'], { minLength: 1 })), (ballots) => {
        const first = (name: string) =>
          ballots
            .filter((b) => b.ballot[0] === name)
            .reduce((sum, b) => sum + (b.weight as bigint), 0n);
        fc.pre(first('A') !== first('B'));
        const result = tally({ method: 'irv', seed, candidates: ['A', 'B'], ballots });
        expect(result.winners).toEqual([first('A') > first('B') ? 'A' : 'B']);
      }),
      { numRuns: 200 },
    );
  });

  it('the order of the ballots never changes a result, byte for byte', () => {
    fc.assert(
      fc.property(
        anySpec.chain((spec) =>
          fc
            .shuffledSubarray([...ballotsOf(spec)], { minLength: ballotsOf(spec).length })
            .map((shuffled) => [spec, shuffled] as const),
        ),
        ([spec, shuffled]) => {
          expect(canonicalJson(tally(withBallots(spec, shuffled)))).toBe(
            canonicalJson(tally(spec)),
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('splitting identical ballots into several entries never changes a result (they are merged)', () => {
    fc.assert(
      fc.property(anySpec, (spec) => {
        const split = ballotsOf(spec).flatMap((entry) =>
          entry.weight === 1n
            ? [entry]
            : [
                { ...entry, weight: 1n },
                { ...entry, weight: (entry.weight as bigint) - 1n },
              ],
        );
        expect(canonicalJson(tally(withBallots(spec, split)))).toBe(canonicalJson(tally(spec)));
      }),
      { numRuns: 200 },
    );
  });

  it('multiplying every weight by a constant never changes the winners', () => {
    // Not for Scottish STV: its quota, ⌊votes / (seats + 1)⌋ + 1, and its five-decimal transfer
    // values do not scale, so a small electorate can elect differently from a scaled-up one.
    const scaleFree = anySpec.filter((spec) => spec.method !== 'stv');
    fc.assert(
      fc.property(
        scaleFree,
        fc.integer({ min: 2, max: 1000 }),
        fc.boolean(),
        (spec, factor, asRational) => {
          const scaled = ballotsOf(spec).map((entry) => ({
            ...entry,
            weight: asRational
              ? Rational.of(entry.weight as bigint, 7n * BigInt(factor))
              : (entry.weight as bigint) * BigInt(factor),
          }));
          expect(tally(withBallots(spec, scaled)).winners).toEqual(tally(spec).winners);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('STV elects exactly as many candidates as seats whenever enough stand', () => {
    fc.assert(
      fc.property(
        rankedProfile,
        fc.integer({ min: 1, max: 5 }),
        fc.constantFrom('scottish', 'meek') as fc.Arbitrary<'scottish' | 'meek'>,
        ({ names, ballots }, seats, rules) => {
          const result = tally({ method: 'stv', rules, seed, candidates: names, seats, ballots });
          const voted = ballots.some((entry) => entry.ballot.length > 0);
          expect(result.winners).toHaveLength(voted ? Math.min(seats, names.length) : 0);
          expect(new Set(result.winners).size).toBe(result.winners.length);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('Scottish STV accounts for every vote at every stage', () => {
    fc.assert(
      fc.property(rankedProfile, fc.integer({ min: 1, max: 3 }), ({ names, ballots }, seats) => {
        const result = tally({
          method: 'stv',
          seed,
          candidates: names,
          seats,
          ballots,
        }) as ScottishStvResult;
        let setAside = Rational.ZERO;
        for (const stage of result.stages) {
          setAside = setAside.add(stage.nonTransferable).add(stage.lostToRounding);
          expect(Rational.sum(Object.values(stage.totals)).add(setAside)).toEqual(
            result.ballots.counted,
          );
        }
      }),
      { numRuns: 200 },
    );
  });

  it('majority judgment ranks exactly as removing one median grade at a time would', () => {
    const gradeProfile = candidates.chain((names) =>
      entries(fc.tuple(...names.map(() => fc.integer({ min: 0, max: 3 }))), 8).map((rows) => ({
        names,
        ballots: rows.map(({ ballot, weight }) => ({
          ballot: Object.fromEntries(names.map((name, i) => [name, ballot[i]])),
          weight,
        })),
      })),
    );
    fc.assert(
      fc.property(gradeProfile, ({ names, ballots }) => {
        const result = tally({
          method: 'majority_judgment',
          seed,
          candidates: names,
          grades: GRADES.slice(0, 4),
          ballots,
        }) as MajorityJudgmentResult;
        const valueOf = (name: string) =>
          majorityValue(
            ballots.flatMap(({ ballot, weight }) => Array(Number(weight)).fill(ballot[name])),
          );
        const naive = [...names].sort((a, b) => compareSequences(valueOf(a), valueOf(b)));
        // Candidates with equal sequences are ordered by lot: compare the sequences, not the names.
        expect(result.ranking.map(valueOf)).toEqual(naive.map(valueOf));
        // A tie-break for each two neighbours in the ranking with the same majority grade but not the
        // same sequence: where the sequences first differ, and the grades there.
        const expected = result.ranking.slice(1).flatMap((lower, i) => {
          const [higher, a, b] = [result.ranking[i], valueOf(result.ranking[i]), valueOf(lower)];
          const step = a.findIndex((grade, k) => grade !== b[k]);
          const grades = [GRADES[a[step]], GRADES[b[step]]];
          return step > 0 ? [{ higher, lower, removed: String(step), grades }] : [];
        });
        expect(
          result.tieBreaks.map(({ higher, lower, removed, grades }) => ({
            higher,
            lower,
            removed: removed.toString(),
            grades,
          })),
        ).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('Rational arithmetic is exact: (a + b) − b = a and a × b ÷ b = a', () => {
    const rational = fc
      .tuple(
        fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }),
        fc.bigInt({ min: 1n, max: 10n ** 12n }),
      )
      .map(([n, d]) => Rational.of(n, d));
    fc.assert(
      fc.property(rational, rational, (a, b) => {
        expect(a.add(b).sub(b)).toEqual(a);
        if (!b.isZero()) expect(a.mul(b).div(b)).toEqual(a);
        expect(a.compare(b)).toBe(-b.compare(a));
        expect(Rational.parse(a.toString())).toEqual(a);
      }),
    );
  });
});

/** The majority value by definition: medians (lower middle) taken while removing them one by one. */
function majorityValue(grades: number[]): number[] {
  const sorted = [...grades].sort((a, b) => b - a); // worst first
  const value: number[] = [];
  while (sorted.length > 0) {
    const at = Math.floor((sorted.length - 1) / 2);
    value.push(sorted[at]);
    sorted.splice(at, 1);
  }
  return value;
}

function compareSequences(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}
