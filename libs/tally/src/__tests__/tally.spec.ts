import {
  canonicalJson,
  Rational,
  resultHash,
  tally,
  TallyInputError,
  weightByCollege,
} from '../index';
import type { IrvResult, TallySpec } from '../tally.types';
import { letters, motion, TENNESSEE } from './ballots';

const errorCode = (spec: unknown) => {
  try {
    tally(spec as TallySpec);
  } catch (error) {
    return error instanceof TallyInputError ? error.code : String(error);
  }
  return 'no error';
};

describe('tally', () => {
  it('gives a recount the same bytes and the same hash, and a changed ballot a different hash', () => {
    const spec: TallySpec = { method: 'irv', seed: 'vote-9:fingerprint', ...TENNESSEE };
    const first = tally(spec);
    expect(canonicalJson(tally(spec))).toBe(canonicalJson(first));
    expect(resultHash(tally(spec))).toBe(resultHash(first));
    const changed = {
      ...spec,
      ballots: [...TENNESSEE.ballots.slice(1), { ...TENNESSEE.ballots[0], weight: 41n }],
    };
    expect(resultHash(tally(changed))).not.toBe(resultHash(first));
  });

  it('refuses a spec it cannot count, with a stable code', () => {
    const majority = {
      ratio: Rational.parse('1/2'),
      comparison: 'more_than',
      base: 'cast',
    } as const;
    expect(errorCode({ method: 'borda', seed: 's', candidates: ['A'], ballots: [] })).toBe(
      'INVALID_SPEC',
    );
    expect(errorCode({ method: 'irv', seed: '', candidates: ['A'], ballots: [] })).toBe(
      'INVALID_SPEC',
    );
    expect(errorCode({ method: 'irv', seed: 's', candidates: ['A', 'A'], ballots: [] })).toBe(
      'INVALID_CANDIDATES',
    );
    expect(
      errorCode({ method: 'irv', seed: 's', candidates: ['A'], withdrawn: ['Z'], ballots: [] }),
    ).toBe('INVALID_CANDIDATES');
    expect(
      errorCode({ method: 'irv', seed: 's', candidates: ['A'], ballots: [], colleges: [] }),
    ).toBe('INVALID_SPEC');
    expect(errorCode({ method: 'stv', seed: 's', candidates: ['A'], seats: 0, ballots: [] })).toBe(
      'INVALID_SEATS',
    );
    expect(
      errorCode({
        method: 'irv',
        seed: 's',
        candidates: ['A'],
        ballots: [{ ballot: ['A'], weight: -1n }],
      }),
    ).toBe('INVALID_WEIGHT');
    expect(
      errorCode({
        method: 'irv',
        seed: 's',
        candidates: ['A'],
        ballots: [{ ballot: ['A'], weight: 1 }],
      }),
    ).toBe('INVALID_WEIGHT');
    expect(
      errorCode({
        method: 'choice',
        kind: 'motion',
        options: ['yes', 'no'],
        seed: 's',
        threshold: { ...majority, ratio: Rational.of(3n, 2n) },
        ballots: [],
      }),
    ).toBe('INVALID_THRESHOLD');
    expect(
      errorCode({
        method: 'choice',
        kind: 'motion',
        options: ['for', 'against'],
        seed: 's',
        threshold: majority,
        ballots: motion(1, 0),
      }),
    ).toBe('INVALID_SPEC');
  });

  it('lets a college weighting change the winner, and reports first choices per college', () => {
    // 60 members ranking A first, 40 workers ranking B first: by heads A wins; with equal college weights B does,
    // since 10 members rank B second.
    const members = letters([50, 'AB'], [10, 'BA']);
    const workers = letters([40, 'BA']);
    const byHeads = tally({
      method: 'irv',
      seed: 's',
      candidates: ['A', 'B'],
      ballots: [...members, ...workers],
    }) as IrvResult;
    expect(byHeads.winners).toEqual(['A']);
    const weighted = tally({
      method: 'irv',
      seed: 's',
      candidates: ['A', 'B'],
      colleges: [
        { id: 'members', weight: 1n, ballots: members },
        { id: 'workers', weight: 1n, ballots: workers },
      ],
    }) as IrvResult;
    expect(weighted.rounds[0].tallies.A.toString()).toBe('5/6');
    expect(weighted.rounds[0].tallies.B.toString()).toBe('7/6');
    expect(weighted.winners).toEqual(['B']);
    expect(
      weighted.colleges?.map((c) => [
        c.college,
        c.ballots.toString(),
        c.weightPerBallot?.toString(),
        c.support.A.toString(),
      ]),
    ).toEqual([
      ['members', '60', '1/60', '50'],
      ['workers', '40', '1/40', '0'],
    ]);
  });
});

describe('weightByCollege', () => {
  it('makes each college weigh exactly its charter weight, and drops a college with no ballots', () => {
    const { ballots, colleges } = weightByCollege([
      { id: 'a', weight: Rational.parse('2/3'), ballots: letters([2, 'X'], [1, 'Y']) },
      { id: 'b', weight: Rational.parse('1/3'), ballots: letters([7, 'Y']) },
      { id: 'c', weight: 5n, ballots: [] },
    ]);
    expect(ballots.map((entry) => String(entry.weight))).toEqual(['4/9', '2/9', '1/3']);
    expect(colleges.map((college) => college.weightPerBallot?.toString() ?? null)).toEqual([
      '2/9',
      '1/21',
      null,
    ]);
    expect(() =>
      weightByCollege([
        { id: 'a', weight: 1n, ballots: [] },
        { id: 'a', weight: 1n, ballots: [] },
      ]),
    ).toThrow(TallyInputError);
  });
});
