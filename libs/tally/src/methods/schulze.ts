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

/**
 * Widest paths over the links a→b of strength d[a][b] where a beats b.
 * They only compare strengths, so they run on each strength's rank among
 * the distinct ones, in an Int32Array, and map back: no Rational compared
 * n³ times.
 */
export function strongestPaths(d: readonly (readonly Rational[])[]): Rational[][] {
  const n = d.length;
  const links: Rational[] = [];
  for (let a = 0; a < n; a++)
    for (let b = 0; b < n; b++) if (a !== b && d[a][b].gt(d[b][a])) links.push(d[a][b]);
  const strengths = [Rational.ZERO, ...links].sort((x, y) => x.compare(y));
  const distinct = strengths.filter((value, i) => i === 0 || value.compare(strengths[i - 1]) !== 0);
  const rank = (value: Rational) => {
    let low = 0;
    let high = distinct.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (distinct[middle].lt(value)) low = middle + 1;
      else high = middle;
    }
    return low;
  };
  const p = new Int32Array(n * n);
  for (let a = 0; a < n; a++)
    for (let b = 0; b < n; b++) if (a !== b && d[a][b].gt(d[b][a])) p[a * n + b] = rank(d[a][b]);
  for (let via = 0; via < n; via++) {
    for (let a = 0; a < n; a++) {
      const toVia = p[a * n + via];
      if (a === via || toVia === 0) continue;
      for (let b = 0; b < n; b++) {
        if (b === a || b === via) continue;
        const through = Math.min(toVia, p[via * n + b]);
        if (through > p[a * n + b]) p[a * n + b] = through;
      }
    }
  }
  return Array.from({ length: n }, (_, a) =>
    Array.from({ length: n }, (_, b) => distinct[p[a * n + b]]),
  );
}
