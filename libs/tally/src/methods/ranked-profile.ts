import { CountInput, prepareCount } from '../count-input';
import { Candidates, candidateSet, encodeRanked, EncodedProfile } from '../profile/encode';
import { ExactSums } from '../profile/weights';
import { Rational } from '../rational';
import type { Matrix, SpecBase, RankedBallot } from '../tally.types';

/** The common start of every ranked method: candidates after withdrawals, and the encoded rankings. */
export function prepareRanked(
  spec: SpecBase<RankedBallot> & {
    readonly candidates: readonly string[];
    readonly withdrawn?: readonly string[];
  },
): { candidates: Candidates; input: CountInput } {
  const candidates = candidateSet(spec.candidates, spec.withdrawn);
  const input = prepareCount(
    spec,
    (ballots) => encodeRanked(ballots, candidates),
    (profile) => firstPreferences(profile, candidates.names),
  );
  return { candidates, input };
}

/** Votes ranking each candidate first. */
export function firstPreferences(
  profile: EncodedProfile,
  names: readonly string[],
): Record<string, Rational> {
  const { table } = profile;
  const sums = new ExactSums(names.length, table.groups.units);
  for (let e = 0; e < table.size; e++)
    sums.add(table.items[table.start[e]], table.group[e], table.count[e]);
  return Object.fromEntries(names.map((name, c) => [name, sums.total(c)]));
}

/**
 * d[a][b], the votes ranking a above b, where an unranked candidate ranks
 * below every ranked one. One pass over the ballots: with R[a] the votes
 * ranking a at all and P[b][a] those ranking b above a (both ranked),
 * d[a][b] = R[a] − P[b][a], which also covers the b-unranked case.
 */
export function pairwiseMatrix(profile: EncodedProfile, n: number): Rational[][] {
  const { table } = profile;
  const { items, start, count, group } = table;
  const groups = table.groups.units.length;
  const nn = n * n;
  const above = new Float64Array(groups * nn);
  const ranked = new Float64Array(groups * n);
  for (let e = 0; e < table.size; e++) {
    const votes = count[e];
    const end = start[e + 1];
    const pairBase = group[e] * nn;
    const rankedBase = group[e] * n;
    for (let i = start[e]; i < end; i++) {
      const row = pairBase + items[i] * n;
      ranked[rankedBase + items[i]] += votes;
      for (let j = i + 1; j < end; j++) above[row + items[j]] += votes;
    }
  }
  const units = table.groups.units;
  return Array.from({ length: n }, (_, a) =>
    Array.from({ length: n }, (_, b) => {
      let sum = Rational.ZERO;
      if (a === b) return sum;
      for (let g = 0; g < groups; g++) {
        const votes = ranked[g * n + a] - above[g * nn + b * n + a];
        if (votes !== 0)
          sum = sum.add(
            units[g].isInteger()
              ? Rational.of(units[g].num * BigInt(votes))
              : units[g].mul(Rational.of(votes)),
          );
      }
      return sum;
    }),
  );
}

/** A square array as row → column → value, leaving out the diagonal. */
export function toMatrix(
  values: readonly (readonly Rational[])[],
  names: readonly string[],
): Matrix {
  return Object.fromEntries(
    names.map((row, a) => [
      row,
      Object.fromEntries(names.flatMap((column, b) => (a === b ? [] : [[column, values[a][b]]]))),
    ]),
  );
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
  private items = new Int32Array(16);
  length = 0;

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
