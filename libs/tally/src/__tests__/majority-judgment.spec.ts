import fc from 'fast-check';
import { canonicalJson, Rational, tally, TallyInputError } from '../index';
import type {
  GradeBallot,
  GradeCounts,
  MajorityJudgmentResult,
  MajorityJudgmentSpec,
  WeightedBallot,
} from '../tally.types';
import { profile } from './ballots';

const GRADES = ['Excellent', 'Good', 'Fair', 'Poor'];
const judge = (
  spec: Omit<MajorityJudgmentSpec, 'method' | 'seed' | 'grades'> & { grades?: string[] },
) =>
  tally({
    method: 'majority_judgment',
    seed: 'vote-5',
    grades: GRADES,
    ...spec,
  }) as MajorityJudgmentResult;
const E = 0;
const G = 1;
const F = 2;
const P = 3;

describe('majority judgment', () => {
  it('ranks the Tennessee example: Nashville over Chattanooga on the tie-break', () => {
    // The Tennessee example of Wikipedia's "Majority judgment" article (as kept by electowiki): each
    // voter grades their 1st–4th choices Excellent, Good, Fair, Poor. Nashville 26/42/32/0 % and
    // Chattanooga 15/43/42/0 % share the majority grade Good; Knoxville gets Fair, Memphis Poor.
    const ballots = profile<GradeBallot>(
      [42, { Memphis: E, Nashville: G, Chattanooga: F, Knoxville: P }],
      [26, { Nashville: E, Chattanooga: G, Knoxville: F, Memphis: P }],
      [15, { Chattanooga: E, Knoxville: G, Nashville: F, Memphis: P }],
      [17, { Knoxville: E, Chattanooga: G, Nashville: F, Memphis: P }],
    );
    const result = judge({
      candidates: ['Memphis', 'Nashville', 'Chattanooga', 'Knoxville'],
      ballots,
    });
    const shares = (name: string) =>
      GRADES.map((grade) => result.distributions[name][grade].toString());
    expect(shares('Nashville')).toEqual(['26', '42', '32', '0']);
    expect(shares('Chattanooga')).toEqual(['15', '43', '42', '0']);
    expect(result.majorityGrades).toEqual({
      Memphis: 'Poor',
      Nashville: 'Good',
      Chattanooga: 'Good',
      Knoxville: 'Fair',
    });
    expect(result.ranking).toEqual(['Nashville', 'Chattanooga', 'Knoxville', 'Memphis']);
    expect(result.winners).toEqual(['Nashville']);
    // 16 median grades (all Good) come off both before Chattanooga's median drops to Fair.
    expect(result.tieBreaks).toEqual([
      {
        higher: 'Nashville',
        lower: 'Chattanooga',
        majorityGrade: 'Good',
        removed: Rational.of(16n),
        grades: ['Good', 'Fair'],
      },
    ]);
  });

  it('elects the candidate with the best median even against the Condorcet winner', () => {
    // Wikipedia, "Condorcet criterion", majority judgment: 35 voters A excellent, B fair, C poor;
    // 34 C excellent, B fair, A poor; 31 B excellent, C good, A fair. B is the Condorcet winner but
    // gets the median fair; C gets good and wins.
    const ballots = profile<GradeBallot>(
      [35, { A: E, B: F, C: P }],
      [34, { C: E, B: F, A: P }],
      [31, { B: E, C: G, A: F }],
    );
    const result = judge({ candidates: ['A', 'B', 'C'], ballots });
    expect(result.majorityGrades).toEqual({ A: 'Fair', B: 'Fair', C: 'Good' });
    expect(result.winners).toEqual(['C']);
    // A and B share Fair; removing medians, A's next median above is Excellent before B's below drops.
    expect(result.ranking).toEqual(['C', 'A', 'B']);
    expect(result.tieBreaks[0]).toMatchObject({
      higher: 'A',
      lower: 'B',
      grades: ['Excellent', 'Fair'],
    });
  });

  it('takes the lower middle grade when judges split evenly', () => {
    const result = judge({
      candidates: ['A', 'B'],
      ballots: profile<GradeBallot>([1, { A: E, B: G }], [1, { A: P, B: G }]),
    });
    expect(result.majorityGrades).toEqual({ A: 'Poor', B: 'Good' });
    expect(result.winners).toEqual(['B']);
  });

  it('counts a missing grade as the worst, or as the grade the charter names', () => {
    const ballots = profile<GradeBallot>([2, { A: G }], [1, { A: G, B: E }]);
    expect(judge({ candidates: ['A', 'B'], ballots }).majorityGrades).toEqual({
      A: 'Good',
      B: 'Poor',
    });
    expect(judge({ candidates: ['A', 'B'], ballots, missingGrade: F }).majorityGrades).toEqual({
      A: 'Good',
      B: 'Fair',
    });
  });

  it('orders candidates judged identically by lot, and reports invalid and blank ballots', () => {
    const ballots = profile<GradeBallot>(
      [3, { A: G, B: G }],
      [1, { A: 9 }],
      [1, { Z: E }],
      [2, {}],
    );
    const result = judge({ candidates: ['A', 'B'], ballots });
    expect(result.lots).toHaveLength(1);
    expect(result.lots[0].lot?.among).toEqual(['A', 'B']);
    expect(result.ranking[0]).toBe(result.lots[0].chosen);
    expect(result.ballots.invalid.toString()).toBe('2');
    expect(result.ballots.blank.toString()).toBe('2');
  });

  it('weights colleges exactly and breaks ties on the weighted grades', () => {
    const result = judge({
      candidates: ['A', 'B'],
      colleges: [
        {
          id: 'members',
          weight: Rational.parse('2/3'),
          ballots: profile<GradeBallot>([2, { A: E, B: G }], [1, { A: P, B: G }]),
        },
        {
          id: 'staff',
          weight: Rational.parse('1/3'),
          ballots: profile<GradeBallot>([1, { A: P, B: F }]),
        },
      ],
    });
    expect(result.distributions.A.Excellent.toString()).toBe('4/9');
    expect(result.distributions.A.Poor.toString()).toBe('5/9');
    expect(result.majorityGrades).toEqual({ A: 'Poor', B: 'Good' });
    expect(result.colleges?.map((college) => college.support)).toEqual([
      { A: 'Excellent', B: 'Good' },
      { A: 'Poor', B: 'Fair' },
    ]);
  });

  it('keeps a candidate or grade named "__proto__" as an ordinary key of the result', () => {
    const result = judge({
      candidates: ['__proto__', 'B'],
      grades: ['__proto__', 'Poor'],
      ballots: profile<GradeBallot>([2, JSON.parse('{"__proto__": 0, "B": 1}') as GradeBallot]),
    });
    expect(Object.keys(result.distributions)).toEqual(['__proto__', 'B']);
    expect(Object.getPrototypeOf(result.distributions)).toBe(Object.prototype);
    expect(Object.keys(result.distributions.B)).toEqual(['__proto__', 'Poor']);
    expect(result.majorityGrades).toEqual(
      JSON.parse('{"__proto__": "__proto__", "B": "Poor"}') as Record<string, string>,
    );
  });

  it('elects nobody without ballots, and refuses a bad grade list', () => {
    expect(judge({ candidates: ['A'], ballots: [] }).winners).toEqual([]);
    expect(() => judge({ candidates: ['A'], ballots: [], grades: [] })).toThrow(/grades/i);
  });
});

describe('majority judgment on ballots added up (GradeCounts)', () => {
  const candidates = ['A', 'B', 'C', 'D', 'W'];
  /** What SQL GROUP BY candidate, grade hands over for these ballots. */
  const addUp = (ballots: readonly WeightedBallot<GradeBallot>[]): GradeCounts => {
    const rows = new Map<string, bigint>();
    for (const { ballot, weight } of ballots)
      for (const [candidate, grade] of Object.entries(ballot)) {
        const key = `${candidate}:${grade}`;
        rows.set(key, (rows.get(key) ?? 0n) + (weight as bigint));
      }
    return {
      judges: ballots.reduce((sum, { weight }) => sum + (weight as bigint), 0n),
      rows: [...rows].map(([key, count]) => {
        const [candidate, grade] = key.split(':');
        return { candidate, grade: Number(grade), count };
      }),
    };
  };
  // Ballots that count: each grades a counted candidate (W is withdrawn), some leave candidates ungraded.
  const counting = fc.record({
    ballot: fc
      .dictionary(fc.constantFrom(...candidates), fc.integer({ min: 0, max: GRADES.length - 1 }), {
        minKeys: 1,
      })
      .filter((ballot) =>
        Object.keys(ballot).some((id) => id !== 'W'),
      ) as fc.Arbitrary<GradeBallot>,
    weight: fc.bigInt({ min: 0n, max: 1000n }),
  });
  // And ballots that do not: blank, only the withdrawn candidate, unknown candidate, grade out of range.
  const other = fc.record({
    ballot: fc.constantFrom<GradeBallot>({}, { W: 1 }, { A: 0, Z: 1 }, { B: 9 }),
    weight: fc.bigInt({ min: 0n, max: 1000n }),
  });

  it('gives the result of the same ballots read one by one, byte for byte, with or without colleges', () => {
    fc.assert(
      fc.property(
        fc.array(counting, { maxLength: 40 }),
        fc.array(counting, { maxLength: 10 }),
        fc.array(other, { maxLength: 5 }),
        fc.integer({ min: 0, max: GRADES.length - 1 }),
        (added, kept, others, missingGrade) => {
          const base = { candidates, withdrawn: ['W'], missingGrade };
          const read = judge({ ...base, ballots: [...added, ...kept, ...others] });
          const mixed = judge({ ...base, ballots: [...kept, ...others], judged: addUp(added) });
          expect(canonicalJson(mixed)).toBe(canonicalJson(read));
          const alone = judge({ ...base, judged: addUp(added) });
          expect(canonicalJson(alone)).toBe(canonicalJson(judge({ ...base, ballots: added })));
          // Two colleges: the first gets the ballots added up, the second the rest.
          const colleges = (judged: boolean): MajorityJudgmentSpec['colleges'] => [
            judged
              ? { id: 'members', weight: 2n, ballots: kept, judged: addUp(added) }
              : { id: 'members', weight: 2n, ballots: [...added, ...kept] },
            { id: 'staff', weight: Rational.parse('1/3'), ballots: [...others, ...kept] },
          ];
          expect(canonicalJson(judge({ ...base, colleges: colleges(true) }))).toBe(
            canonicalJson(judge({ ...base, colleges: colleges(false) })),
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('refuses rows no ballots that count could give, and methods that do not read them', () => {
    const judged = (rows: GradeCounts['rows'], judges = 3n): GradeCounts => ({ judges, rows });
    const bad = [
      judged([{ candidate: 'Z', grade: 0, count: 1n }]),
      judged([{ candidate: 'A', grade: GRADES.length, count: 1n }]),
      judged([{ candidate: 'A', grade: 1.5, count: 1n }]),
      judged([{ candidate: 'A', grade: 0, count: -1n }]),
      judged([
        { candidate: 'A', grade: 0, count: 2n },
        { candidate: 'A', grade: 1, count: 2n },
      ]),
      judged([], -1n),
    ];
    for (const counts of bad)
      expect(() => judge({ candidates: ['A', 'B'], judged: counts })).toThrow(TallyInputError);
    expect(() =>
      tally({ method: 'schulze', seed: 's', candidates: ['A'], judged: judged([]) }),
    ).toThrow(/majority judgment/);
    expect(() => judge({ candidates: ['A'], judged: judged([]), colleges: [] })).toThrow(
      /either ballots or colleges/,
    );
  });

  it('completes each candidate with the missing grade up to the judges', () => {
    const result = judge({
      candidates: ['A', 'B'],
      judged: { judges: 5n, rows: [{ candidate: 'A', grade: E, count: 3n }] },
    });
    expect(GRADES.map((g) => result.distributions.A[g].toString())).toEqual(['3', '0', '0', '2']);
    expect(GRADES.map((g) => result.distributions.B[g].toString())).toEqual(['0', '0', '0', '5']);
    expect(result.ballots.counted.toString()).toBe('5');
    expect(result.winners).toEqual(['A']);
  });
});
