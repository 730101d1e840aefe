import { CountInput } from '../count-input';
import { BallotTable } from '../profile/ballot-table';
import { Candidates } from '../profile/encode';
import { Rational } from '../rational';
import type { MeekStvResult, MeekStvRound } from '../tally.types';
import { breakTie, compareIds, TieBreak } from '../tie-break';

/** Fixed-point arithmetic with nine decimals: 1 is FIX. */
const DECIMALS = 9;
const FIX = 10n ** BigInt(DECIMALS);
const EPSILON = Rational.of(1n, FIX);
/** A round has settled when the elected candidates' surpluses add up to less than this. */
const TOLERANCE = Rational.of(1n, 1_000_000n);
const MAX_ITERATIONS = 10_000;

const HOPEFUL = 0;
const ELECTED = 1;
const EXCLUDED = 2;

/**
 * Meek's method (Hill, Wichmann & Woodall, Computer Journal 1987): every
 * candidate keeps a share k of each vote reaching them (1 hopeful, 0
 * excluded) and passes the rest on; elected candidates' keep factors shrink
 * to k × quota / votes until their surpluses vanish, so surpluses move on to
 * later preferences, even to candidates already elected. The quota,
 * (votes − excess) / (seats + 1), falls as ballots exhaust. Nine decimals:
 * shares passed on are truncated, keep factors rounded up.
 */
export function countMeekStv(
  seats: number,
  candidates: Candidates,
  input: CountInput,
): MeekStvResult {
  const names = candidates.names;
  const n = names.length;
  const { table } = input.profile;
  const units = table.groups.units;
  const base = {
    method: 'stv' as const,
    rules: 'meek' as const,
    ...input.base,
    candidates: names,
    withdrawn: candidates.withdrawn,
    seats,
    precision: { decimals: DECIMALS, tolerance: TOLERANCE },
  };
  if (input.profile.counted.isZero()) return { ...base, winners: [], rounds: [], excluded: [] };

  const total = input.profile.counted;
  const state = new Uint8Array(n);
  const keep: bigint[] = names.map(() => FIX);
  const elected: number[] = [];
  const excluded: number[] = [];
  const history: Rational[][] = [];
  const rounds: MeekStvRound[] = [];
  const hopeful = () => names.map((_, c) => c).filter((c) => state[c] === HOPEFUL);

  while (elected.length < seats && hopeful().length > 0) {
    const merged = mergeOnPrefixes();
    let iterations = 0;
    let settled: { votes: Rational[]; excess: Rational; quota: Rational; newlyElected: number[] };
    for (;;) {
      iterations++;
      const { votes, excess } = distribute(merged);
      const quota = quotaFor(excess);
      const reaching = hopeful()
        .filter((c) => votes[c].gte(quota))
        .sort((a, b) => votes[b].compare(votes[a]) || compareIds(names[a], names[b]));
      const surplus = Rational.sum(
        elected.map((c) => Rational.max(Rational.ZERO, votes[c].sub(quota))),
      );
      if (
        reaching.length > 0 ||
        surplus.lt(TOLERANCE) ||
        iterations >= MAX_ITERATIONS ||
        !updateKeepFactors(votes, quota)
      ) {
        settled = { votes, excess, quota, newlyElected: reaching.slice(0, seats - elected.length) };
        break;
      }
    }
    settled.newlyElected.forEach(elect);
    let excludedNow: number | null = null;
    let tieBreak: TieBreak | null = null;
    if (settled.newlyElected.length === 0 && elected.length < seats) {
      const live = hopeful();
      const lowest = live.reduce(
        (min, c) => Rational.min(min, settled.votes[c]),
        settled.votes[live[0]],
      );
      const tied = live.filter((c) => settled.votes[c].equals(lowest));
      const pick =
        tied.length === 1
          ? { chosen: tied[0], record: null }
          : breakTie(tied, 'lowest', { names, history, draw: input.draw });
      excludedNow = pick.chosen;
      tieBreak = pick.record;
      state[excludedNow] = EXCLUDED;
      keep[excludedNow] = 0n;
      excluded.push(excludedNow);
    }
    // As many hopefuls left as vacancies: they are all elected.
    if (elected.length < seats && hopeful().length + elected.length <= seats) {
      const rest = hopeful().sort(
        (a, b) => settled.votes[b].compare(settled.votes[a]) || compareIds(names[a], names[b]),
      );
      rest.forEach(elect);
      settled.newlyElected.push(...rest);
    }
    history.push(settled.votes);
    rounds.push({
      round: rounds.length + 1,
      iterations,
      quota: settled.quota,
      totals: Object.fromEntries(names.map((name, c) => [name, settled.votes[c]])),
      keepFactors: Object.fromEntries(names.map((name, c) => [name, Rational.of(keep[c], FIX)])),
      excess: settled.excess,
      elected: settled.newlyElected.map((c) => names[c]),
      excluded: excludedNow === null ? null : names[excludedNow],
      tieBreak,
    });
  }
  return {
    ...base,
    winners: elected.map((c) => names[c]),
    rounds,
    excluded: excluded.map((c) => names[c]),
  };

  function elect(c: number): void {
    state[c] = ELECTED;
    elected.push(c);
  }

  /** Passes every ballot down its ranking: each candidate keeps k of what reaches them. */
  /**
   * Within a round only elected candidates' keep factors move: a ballot goes
   * no further than its first hopeful candidate (who keeps all that reaches
   * them), and excluded candidates pass everything on. So once per round the
   * ballots are merged on that prefix (with their weight group, as two
   * trailing items), and the round's many iterations run on the few merged.
   */
  function mergeOnPrefixes(): BallotTable {
    const merged = new BallotTable();
    const prefix = new Uint16Array(n + 2);
    for (let e = 0; e < table.size; e++) {
      let length = 0;
      for (let i = table.start[e]; i < table.start[e + 1]; i++) {
        const c = table.items[i];
        if (state[c] === EXCLUDED) continue;
        prefix[length++] = c;
        if (state[c] === HOPEFUL) break;
      }
      prefix[length++] = table.group[e] & 0xffff;
      prefix[length++] = table.group[e] >>> 16;
      merged.addWhole(prefix, length, table.count[e]);
    }
    return merged;
  }

  /** Passes every ballot down its ranking: each candidate keeps k of what reaches them. */
  function distribute(merged: BallotTable): { votes: Rational[]; excess: Rational } {
    const groups = units.length;
    const sums = new Array<bigint>((n + 1) * groups).fill(0n);
    for (let e = 0; e < merged.size; e++) {
      const end = merged.start[e + 1] - 2;
      const g = merged.items[end] | (merged.items[end + 1] << 16);
      const count = BigInt(merged.count[e]);
      let left = FIX;
      for (let i = merged.start[e]; i < end && left > 0n; i++) {
        const c = merged.items[i];
        const kept = keep[c] === FIX ? left : (left * keep[c]) / FIX;
        sums[c * groups + g] += count * kept;
        left -= kept;
      }
      sums[n * groups + g] += count * left;
    }
    const read = (cell: number) => {
      let sum = Rational.ZERO;
      for (let g = 0; g < groups; g++) {
        if (sums[cell * groups + g] !== 0n)
          sum = sum.add(units[g].mul(Rational.of(sums[cell * groups + g], FIX)));
      }
      return sum;
    };
    return { votes: names.map((_, c) => read(c)), excess: read(n) };
  }

  /** (votes − excess) / (seats + 1), truncated to nine decimals, plus 10^-9: reaching it means exceeding the exact quota. */
  function quotaFor(excess: Rational): Rational {
    const exact = total.sub(excess).div(Rational.of(seats + 1));
    return Rational.of(exact.mul(Rational.of(FIX)).floor(), FIX).add(EPSILON);
  }

  /** k ← k × quota / votes, rounded up; false when nothing changes (the count cannot get closer). */
  function updateKeepFactors(votes: Rational[], quota: Rational): boolean {
    let changed = false;
    for (const c of elected) {
      if (votes[c].isZero()) continue;
      const next = Rational.of(keep[c]).mul(quota).div(votes[c]).ceil();
      if (next !== keep[c]) {
        keep[c] = next > FIX ? FIX : next;
        changed = true;
      }
    }
    return changed;
  }
}
