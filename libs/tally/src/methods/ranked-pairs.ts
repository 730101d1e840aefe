import { Rational } from '../rational';
import type { RankedPair, RankedPairsResult, RankedPairsSpec } from '../tally.types';
import { compareIds, drawLot } from '../tie-break';
import { preparePairwise, tiers, toMatrix } from './ranked-profile';

interface Majority {
  readonly winner: number;
  readonly loser: number;
  readonly votes: Rational;
  readonly against: Rational;
}

/**
 * Ranked pairs (Tideman, winning votes): majorities are taken strongest
 * first — more votes for the winner, then fewer against — and locked unless
 * they would close a cycle. Equally strong pairs are ordered by a
 * tie-breaking ranking of candidates drawn by lot (Tideman's TBRC): the pair
 * whose winner ranks higher first, then the one whose loser ranks lower.
 */
export function countRankedPairs(spec: RankedPairsSpec): RankedPairsResult {
  const { candidates, input } = preparePairwise(spec);
  const names = candidates.names;
  const n = names.length;
  const d = input.profile.pairwise.matrix();

  const majorities: Majority[] = [];
  for (let a = 0; a < n; a++) {
    for (let b = 0; b < n; b++)
      if (d[a][b].gt(d[b][a]))
        majorities.push({ winner: a, loser: b, votes: d[a][b], against: d[b][a] });
  }
  const strength = (x: Majority, y: Majority) =>
    y.votes.compare(x.votes) || x.against.compare(y.against);
  majorities.sort(strength);

  let tieBreakRanking: RankedPairsResult['tieBreakRanking'] = null;
  if (majorities.some((pair, i) => i > 0 && strength(majorities[i - 1], pair) === 0)) {
    const sample = input.draw.samplesUsed;
    const order = input.draw.shuffle([...names].sort(compareIds));
    tieBreakRanking = { order, sample };
    const rank = names.map((name) => order.indexOf(name));
    majorities.sort(
      (x, y) => strength(x, y) || rank[x.winner] - rank[y.winner] || rank[y.loser] - rank[x.loser],
    );
  }

  const locked = Array.from({ length: n }, () => new Uint8Array(n));
  const pairs: RankedPair[] = majorities.map((pair) => {
    const lock = !reaches(locked, pair.loser, pair.winner);
    if (lock) locked[pair.winner][pair.loser] = 1;
    return {
      winner: names[pair.winner],
      loser: names[pair.loser],
      votes: pair.votes,
      against: pair.against,
      locked: lock,
    };
  });

  const closure = transitiveClosure(locked);
  const ranking = tiers(n, (a, b) => closure[a][b] === 1);
  let winners: string[] = [];
  let tieBreak = null;
  if (!input.profile.counted.isZero()) {
    const top = ranking[0];
    const lot = top.length > 1 ? drawLot(top, names, input.draw) : null;
    winners = [names[lot ? lot.chosen : top[0]]];
    tieBreak = lot?.record ?? null;
  }
  return {
    method: 'ranked_pairs',
    ...input.base,
    candidates: names,
    withdrawn: candidates.withdrawn,
    pairwise: toMatrix(d, names),
    pairs,
    tieBreakRanking,
    ranking: ranking.map((tier) => tier.map((c) => names[c])),
    winners,
    tieBreak,
  };
}

/** Is there a path of locked pairs from `from` to `to`? */
function reaches(locked: readonly Uint8Array[], from: number, to: number): boolean {
  const n = locked.length;
  const seen = new Uint8Array(n);
  const stack = new Int32Array(n);
  let top = 0;
  stack[top++] = from;
  seen[from] = 1;
  while (top > 0) {
    const at = stack[--top];
    if (at === to) return true;
    const edges = locked[at];
    for (let next = 0; next < n; next++) {
      if (edges[next] === 1 && seen[next] === 0) {
        seen[next] = 1;
        stack[top++] = next;
      }
    }
  }
  return false;
}

/** closure[a][b] = 1 when a path of locked pairs leads from a to b (Warshall). */
function transitiveClosure(locked: readonly Uint8Array[]): Uint8Array[] {
  const n = locked.length;
  const closure = locked.map((row) => Uint8Array.from(row));
  for (let via = 0; via < n; via++) {
    const fromVia = closure[via];
    for (let a = 0; a < n; a++) {
      const row = closure[a];
      if (row[via] === 0) continue;
      for (let b = 0; b < n; b++) if (fromVia[b] === 1) row[b] = 1;
    }
  }
  return closure;
}
