import { Rational } from '../rational';
import type { SchulzeResult, SchulzeSpec } from '../tally.types';
import { drawLot } from '../tie-break';
import { preparePairwise, tiers, toMatrix } from './ranked-profile';

/**
 * Schulze (winning votes): a defeat's strength is the votes of its winner;
 * p[a][b] is the strength of the strongest path, computed as a widest path
 * (Floyd–Warshall). a is better than b when p[a][b] > p[b][a]. Several
 * potential winners are separated by lot.
 */
export function countSchulze(spec: SchulzeSpec): SchulzeResult {
  const { candidates, input } = preparePairwise(spec);
  const names = candidates.names;
  const n = names.length;
  const d = input.profile.pairwise.matrix();
  const p = strongestPaths(d);
  const ranking = tiers(n, (a, b) => p[a][b].gt(p[b][a]));
  let winners: string[] = [];
  let tieBreak = null;
  if (!input.profile.counted.isZero()) {
    const top = ranking[0];
    const lot = top.length > 1 ? drawLot(top, names, input.draw) : null;
    winners = [names[lot ? lot.chosen : top[0]]];
    tieBreak = lot?.record ?? null;
  }
  return {
    method: 'schulze',
    ...input.base,
    candidates: names,
    withdrawn: candidates.withdrawn,
    pairwise: toMatrix(d, names),
    strongestPaths: toMatrix(p, names),
    ranking: ranking.map((tier) => tier.map((c) => names[c])),
    winners,
    tieBreak,
  };
}

/** Widest paths over the links a→b of strength d[a][b] where a beats b. */
export function strongestPaths(d: readonly (readonly Rational[])[]): Rational[][] {
  const n = d.length;
  const p = d.map((row, a) =>
    row.map((votes, b) => (a !== b && votes.gt(d[b][a]) ? votes : Rational.ZERO)),
  );
  for (let via = 0; via < n; via++) {
    for (let a = 0; a < n; a++) {
      if (a === via) continue;
      for (let b = 0; b < n; b++) {
        if (b === a || b === via) continue;
        const through = Rational.min(p[a][via], p[via][b]);
        if (through.gt(p[a][b])) p[a][b] = through;
      }
    }
  }
  return p;
}
