import { CountInput, prepareCount } from '../count-input';
import {
  Candidates,
  candidateSet,
  encodePairwise,
  encodeRanked,
  EncodedProfile,
  PairwiseProfile,
  Profile,
  ProfileSummary,
} from '../profile/encode';
import { ExactSums } from '../profile/weights';
import { Rational } from '../rational';
import type { Matrix, SpecBase, RankedBallot } from '../tally.types';

/** The common start of the ranked methods that follow ballots round by round (IRV, STV): candidates after withdrawals, and the distinct rankings. */
export function prepareRanked(spec: RankedSpec): {
  candidates: Candidates;
  input: CountInput<EncodedProfile>;
} {
  return prepareWith(spec, encodeRanked, firstPreferences);
}

/** The common start of the pairwise methods (Schulze, ranked pairs): candidates after withdrawals, and the votes per ordered pair. */
export function preparePairwise(spec: RankedSpec): {
  candidates: Candidates;
  input: CountInput<PairwiseProfile>;
} {
  return prepareWith(spec, encodePairwise, (profile, names) =>
    byName(names, profile.pairwise.firstPreferences()),
  );
}

function prepareWith<P extends ProfileSummary>(
  spec: RankedSpec,
  encode: (ballots: Profile<RankedBallot>, candidates: Candidates) => P,
  firsts: (profile: P, names: readonly string[]) => Record<string, Rational>,
): { candidates: Candidates; input: CountInput<P> } {
  const candidates = candidateSet(spec.candidates, spec.withdrawn);
  const input = prepareCount(
    spec,
    (ballots) => encode(ballots, candidates),
    (profile) => firsts(profile, candidates.names),
  );
  return { candidates, input };
}

type RankedSpec = SpecBase<RankedBallot> & {
  readonly candidates: readonly string[];
  readonly withdrawn?: readonly string[];
};

/** Votes ranking each candidate first. */
export function firstPreferences(
  profile: EncodedProfile,
  names: readonly string[],
): Record<string, Rational> {
  const { table } = profile;
  const sums = new ExactSums(names.length, table.groups.units);
  for (let e = 0; e < table.size; e++)
    sums.add(table.items[table.start[e]], table.group[e], table.count[e]);
  return byName(
    names,
    names.map((_, c) => sums.total(c)),
  );
}

function byName(names: readonly string[], values: readonly Rational[]): Record<string, Rational> {
  return Object.fromEntries(names.map((name, c) => [name, values[c]]));
}

/** A square array as row → column → value, leaving out the diagonal. */
export function toMatrix(
  values: readonly (readonly Rational[])[],
  names: readonly string[],
): Matrix {
  // Object.fromEntries, not assignment: an id such as "__proto__" stays an ordinary key.
  const rows: [string, Record<string, Rational>][] = [];
  for (let a = 0; a < names.length; a++) {
    const cells: [string, Rational][] = [];
    for (let b = 0; b < names.length; b++) if (a !== b) cells.push([names[b], values[a][b]]);
    rows.push([names[a], Object.fromEntries(cells)]);
  }
  return Object.fromEntries(rows);
}

/** Tiers of a strict order given by `beats`: each tier holds those no remaining candidate beats. */
export function tiers(n: number, beats: (a: number, b: number) => boolean): number[][] {
  let remaining = Array.from({ length: n }, (_, c) => c);
  const result: number[][] = [];
  while (remaining.length > 0) {
    const top = remaining.filter((a) => !remaining.some((b) => beats(b, a)));
    // A cycle cannot happen for Schulze or a locked graph; guard anyway so the loop ends.
    const tier = top.length > 0 ? top : remaining;
    result.push(tier);
    remaining = remaining.filter((c) => !tier.includes(c));
  }
  return result;
}

/** A growable list of ballot indices: one pile of papers. */
export class Pile {
  private items: Int32Array;
  length = 0;

  /** `expected`: the papers it will likely hold, so a large pile is allocated once rather than doubled. */
  constructor(expected = 16) {
    this.items = new Int32Array(Math.max(16, expected));
  }

  push(value: number): void {
    if (this.length === this.items.length) {
      const bigger = new Int32Array(this.items.length * 2);
      bigger.set(this.items);
      this.items = bigger;
    }
    this.items[this.length++] = value;
  }

  at(i: number): number {
    return this.items[i];
  }

  clear(): void {
    this.length = 0;
  }
}
