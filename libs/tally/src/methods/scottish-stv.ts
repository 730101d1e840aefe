import { CountInput } from '../count-input';
import { Candidates } from '../profile/encode';
import { ExactSums } from '../profile/weights';
import { Rational } from '../rational';
import type { ScottishStvAction, ScottishStvResult, ScottishStvStage } from '../tally.types';
import { breakTie, compareIds, TieBreak } from '../tie-break';
import { Pile } from './ranked-profile';

/** Ballot values are kept in units of 10^-5 of a vote: rule 48(3) truncates transfer values to five decimals. */
const ONE = 100_000;
const SCALE = BigInt(ONE);

const CONTINUING = 0;
const ELECTED = 1;
const EXCLUDED = 2;

/**
 * STV under the Scottish Local Government Elections Order 2007 (SSI 2007/42,
 * schedule 1, rules 45–52): Droop quota; a surplus moves every ballot of the
 * elected candidate on at (surplus × ballot value ÷ votes) truncated to five
 * decimals, largest surplus first; otherwise the lowest candidate is excluded
 * and their ballots move at their current value; ties look back to the most
 * recent stage where the candidates differed, then go by lot; when as many
 * candidates continue as vacancies remain, they are all elected.
 */
export function countScottishStv(
  seats: number,
  candidates: Candidates,
  input: CountInput,
): ScottishStvResult {
  const names = candidates.names;
  const n = names.length;
  const { table } = input.profile;
  const quota = Rational.of(input.profile.counted.div(Rational.of(seats + 1)).floor() + 1n);
  const base = {
    method: 'stv' as const,
    rules: 'scottish' as const,
    ...input.base,
    candidates: names,
    withdrawn: candidates.withdrawn,
    seats,
    quota,
  };
  if (input.profile.counted.isZero()) return { ...base, winners: [], stages: [], excluded: [] };

  const NON_TRANSFERABLE = n;
  // Sums of count × value per candidate (and non-transferable), in 10^-5 votes.
  const sums = new ExactSums(n + 1, table.groups.units);
  const firsts = new Int32Array(n);
  for (let e = 0; e < table.size; e++) firsts[table.items[table.start[e]]]++;
  const piles = names.map((_, c) => new Pile(firsts[c]));
  const cursor = new Uint32Array(table.size);
  const value = new Int32Array(table.size).fill(ONE);
  const state = new Uint8Array(n);
  /** Votes credited to a candidate once their pile is gone: the quota after a surplus, 0 after exclusion. */
  const settled: (Rational | null)[] = names.map(() => null);
  const surplusDone = new Uint8Array(n);
  const elected: number[] = [];
  const excluded: number[] = [];
  const history: Rational[][] = [];
  const stages: ScottishStvStage[] = [];

  const votes = (c: number) => settled[c] ?? sums.total(c, SCALE);
  const continuing = () => names.map((_, c) => c).filter((c) => state[c] === CONTINUING);

  // Rule 45: first preferences.
  for (let e = 0; e < table.size; e++) {
    cursor[e] = table.start[e];
    const first = table.items[cursor[e]];
    piles[first].push(e);
    sums.add(first, table.group[e], table.count[e] * ONE);
  }
  endStage({ kind: 'first_preferences' }, null, null, Rational.ZERO);

  while (elected.length < seats && continuing().length > 0) {
    const pending = elected.filter((c) => !surplusDone[c] && votes(c).gt(quota));
    if (pending.length > 0) transferSurplus(pending);
    else exclude();
  }
  return {
    ...base,
    winners: elected.map((c) => names[c]),
    stages,
    excluded: excluded.map((c) => names[c]),
  };

  /** Rules 48–49: the largest surplus first; ties look back to the latest stage with unequal votes, then lot. */
  function transferSurplus(pending: number[]): void {
    const surplusOf = (c: number) => votes(c).sub(quota);
    const largest = pending.reduce((max, c) => Rational.max(max, surplusOf(c)), Rational.ZERO);
    const tied = pending.filter((c) => surplusOf(c).equals(largest));
    const { chosen, record } = pick(tied, 'highest');
    const total = votes(chosen);
    const surplus = total.sub(quota);
    const transferValue = new Map<number, number>();
    for (let i = 0; i < piles[chosen].length; i++) {
      const received = value[piles[chosen].at(i)];
      if (!transferValue.has(received)) {
        // Rule 48(3): surplus × value of the ballot ÷ votes credited, to five decimals, remainder ignored.
        transferValue.set(received, Number(surplus.mul(Rational.of(received)).div(total).floor()));
      }
    }
    const before = snapshot();
    move(chosen, (received) => transferValue.get(received) as number);
    surplusDone[chosen] = 1;
    settled[chosen] = quota;
    const transferValues = [...transferValue]
      .sort(([a], [b]) => b - a)
      .map(([received, transfer]) => ({
        received: Rational.of(received, ONE),
        transfer: Rational.of(transfer, ONE),
      }));
    endStage(
      { kind: 'surplus', candidate: names[chosen], surplus, transferValues },
      record,
      before,
      surplus,
    );
  }

  /** Rules 50–51: exclude the lowest; its ballots move at the value they arrived with. */
  function exclude(): void {
    const live = continuing();
    const lowest = live.reduce((min, c) => Rational.min(min, votes(c)), votes(live[0]));
    const { chosen, record } = pick(
      live.filter((c) => votes(c).equals(lowest)),
      'lowest',
    );
    const moved = votes(chosen);
    const before = snapshot();
    state[chosen] = EXCLUDED;
    excluded.push(chosen);
    move(chosen, (received) => received);
    settled[chosen] = Rational.ZERO;
    endStage({ kind: 'exclusion', candidate: names[chosen] }, record, before, moved);
  }

  /** Moves every ballot of `from` to its next continuing preference at `valueAfter(value)`, or sets it aside. */
  function move(from: number, valueAfter: (received: number) => number): void {
    const pile = piles[from];
    for (let i = 0; i < pile.length; i++) {
      const e = pile.at(i);
      const end = table.start[e + 1];
      let at = cursor[e] + 1;
      while (at < end && state[table.items[at]] !== CONTINUING) at++;
      cursor[e] = at;
      const to = at < end ? table.items[at] : NON_TRANSFERABLE;
      const count = table.count[e];
      const group = table.group[e];
      sums.add(from, group, -count * value[e]);
      value[e] = valueAfter(value[e]);
      sums.add(to, group, count * value[e]);
      if (to !== NON_TRANSFERABLE) piles[to].push(e);
    }
    pile.clear();
  }

  function snapshot(): Rational[] {
    return [...names.map((_, c) => votes(c)), sums.total(NON_TRANSFERABLE, SCALE)];
  }

  /** Records a stage: rule 47 elects those at or above the quota, rule 52 fills the last vacancies. */
  function endStage(
    action: ScottishStvAction,
    tieBreak: TieBreak | null,
    before: Rational[] | null,
    released: Rational,
  ): void {
    const after = snapshot();
    const received = (c: number) => (before ? after[c].sub(before[c]) : after[c]);
    const transfers = Object.fromEntries(continuing().map((c) => [names[c], received(c)]));
    const nonTransferable = received(NON_TRANSFERABLE);
    const credited = Rational.sum(continuing().map(received)).add(nonTransferable);
    const reaching = continuing()
      .filter((c) => votes(c).gte(quota))
      .sort((a, b) => votes(b).compare(votes(a)) || compareIds(names[a], names[b]));
    const newlyElected = reaching.slice(0, seats - elected.length);
    for (const c of newlyElected) elect(c);
    const vacancies = seats - elected.length;
    if (vacancies > 0 && continuing().length <= vacancies) {
      const rest = continuing().sort(
        (a, b) => votes(b).compare(votes(a)) || compareIds(names[a], names[b]),
      );
      for (const c of rest) elect(c);
      newlyElected.push(...rest);
    }
    const totals = names.map((_, c) => votes(c));
    history.push(totals);
    stages.push({
      stage: stages.length + 1,
      action,
      tieBreak,
      transfers,
      nonTransferable,
      lostToRounding: before ? released.sub(credited) : Rational.ZERO,
      totals: Object.fromEntries(names.map((name, c) => [name, totals[c]])),
      elected: newlyElected.map((c) => names[c]),
    });
  }

  function elect(c: number): void {
    state[c] = ELECTED;
    elected.push(c);
  }

  function pick(
    tied: number[],
    want: 'lowest' | 'highest',
  ): { chosen: number; record: TieBreak | null } {
    if (tied.length === 1) return { chosen: tied[0], record: null };
    return breakTie(tied, want, { names, history, draw: input.draw });
  }
}
