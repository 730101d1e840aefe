import { ExactSums } from '../profile/weights';
import { Rational } from '../rational';
import type { IrvResult, IrvRound, IrvSpec } from '../tally.types';
import { breakTie } from '../tie-break';
import { Pile, prepareRanked } from './ranked-profile';

/**
 * Instant-runoff: a candidate with more than half of the votes of continuing
 * candidates wins; otherwise the lowest is eliminated and each of their
 * ballots moves to its next continuing candidate. A tie for lowest looks back
 * to the most recent round where the tied candidates differed, then draws.
 */
export function countIrv(spec: IrvSpec): IrvResult {
  const { candidates, input } = prepareRanked(spec);
  const names = candidates.names;
  const n = names.length;
  const { table } = input.profile;
  const base = {
    method: 'irv' as const,
    ...input.base,
    candidates: names,
    withdrawn: candidates.withdrawn,
  };
  if (input.profile.counted.isZero()) return { ...base, winners: [], rounds: [] };

  const EXHAUSTED = n;
  const sums = new ExactSums(n + 1, table.groups.units);
  const firsts = new Int32Array(n);
  for (let e = 0; e < table.size; e++) firsts[table.items[table.start[e]]]++;
  const piles = names.map((_, c) => new Pile(firsts[c]));
  const cursor = new Uint32Array(table.size);
  for (let e = 0; e < table.size; e++) {
    cursor[e] = table.start[e];
    const first = table.items[cursor[e]];
    piles[first].push(e);
    sums.add(first, table.group[e], table.count[e]);
  }

  const isContinuing = new Uint8Array(n).fill(1);
  const history: Rational[][] = [];
  const rounds: IrvRound[] = [];
  for (let round = 1; ; round++) {
    const live = names.map((_, c) => c).filter((c) => isContinuing[c]);
    const totals = names.map((_, c) => (isContinuing[c] ? sums.total(c) : Rational.ZERO));
    const continuingVotes = Rational.sum(live.map((c) => totals[c]));
    const leader = live.reduce((best, c) => (totals[c].gt(totals[best]) ? c : best), live[0]);
    const roundBase = {
      round,
      tallies: Object.fromEntries(live.map((c) => [names[c], totals[c]])),
      continuing: continuingVotes,
      exhausted: sums.total(EXHAUSTED),
    };
    if (live.length === 1 || totals[leader].add(totals[leader]).gt(continuingVotes)) {
      rounds.push({
        ...roundBase,
        elected: names[leader],
        eliminated: null,
        tieBreak: null,
        transfers: null,
      });
      return { ...base, winners: [names[leader]], rounds };
    }

    const lowest = live.reduce((min, c) => (totals[c].lt(min) ? totals[c] : min), totals[live[0]]);
    const tied = live.filter((c) => totals[c].equals(lowest));
    const { chosen, record } =
      tied.length === 1
        ? { chosen: tied[0], record: null }
        : breakTie(tied, 'lowest', { names, history, draw: input.draw });
    isContinuing[chosen] = 0;
    const receivers = live.filter((c) => c !== chosen);
    const before = receivers.map((c) => sums.total(c));
    transfer(piles[chosen], chosen);
    const transfers = Object.fromEntries(
      receivers.map((c, i) => [names[c], sums.total(c).sub(before[i])]),
    );
    rounds.push({
      ...roundBase,
      elected: null,
      eliminated: names[chosen],
      tieBreak: record,
      transfers,
    });
    history.push(totals);
  }

  /** Moves every ballot of an eliminated candidate to its next continuing candidate, or to exhausted. */
  function transfer(pile: Pile, from: number): void {
    for (let i = 0; i < pile.length; i++) {
      const e = pile.at(i);
      const end = table.start[e + 1];
      let at = cursor[e] + 1;
      while (at < end && !isContinuing[table.items[at]]) at++;
      cursor[e] = at;
      const to = at < end ? table.items[at] : EXHAUSTED;
      if (to !== EXHAUSTED) piles[to].push(e);
      sums.add(to, table.group[e], table.count[e]);
    }
    // Every ballot the candidate held has moved on: their total is exactly zero.
    sums.clear(from);
    pile.clear();
  }
}
