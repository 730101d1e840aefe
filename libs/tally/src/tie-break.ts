import { Rational } from './rational';
import { SeededDraw } from './seeded-draw';

/** How a tie was settled: by looking back at earlier rounds, then, if still tied, by lot. */
export interface TieBreak {
  /** Candidates tied, in id order. */
  readonly tied: readonly string[];
  /** Earlier rounds consulted, most recent first, and who remained tied after each. */
  readonly lookBack: readonly { readonly round: number; readonly remaining: readonly string[] }[];
  /** The lot among those still tied, if it came to that: `sample` is the first sample index used. */
  readonly lot: { readonly among: readonly string[]; readonly sample: number } | null;
  readonly chosen: string;
}

export interface TieContext {
  readonly names: readonly string[];
  /** Totals per candidate index after each earlier round, oldest first (round 1 is history[0]). */
  readonly history: readonly (readonly Rational[])[];
  readonly draw: SeededDraw;
}

/**
 * Picks one of the tied candidates. `want` says which end is sought (the
 * lowest to exclude, the highest to go first). Looks back to the most recent
 * round where the tied candidates had unequal totals and keeps those at the
 * sought end, repeating while several remain; then draws by lot.
 */
export function breakTie(
  tied: readonly number[],
  want: 'lowest' | 'highest',
  context: TieContext,
): { chosen: number; record: TieBreak } {
  const byId = (a: number, b: number) => compareIds(context.names[a], context.names[b]);
  let remaining = [...tied].sort(byId);
  const lookBack: { round: number; remaining: string[] }[] = [];
  for (let round = context.history.length; round >= 1 && remaining.length > 1; round--) {
    const totals = context.history[round - 1];
    const narrowed = extremes(remaining, totals, want);
    if (narrowed.length < remaining.length) {
      remaining = narrowed;
      lookBack.push({ round, remaining: remaining.map((c) => context.names[c]) });
    }
  }
  let lot: TieBreak['lot'] = null;
  if (remaining.length > 1) {
    const among = remaining.map((c) => context.names[c]);
    const sample = context.draw.samplesUsed;
    remaining = [remaining[context.draw.below(remaining.length)]];
    lot = { among, sample };
  }
  const chosen = remaining[0];
  return {
    chosen,
    record: {
      tied: [...tied].sort(byId).map((c) => context.names[c]),
      lookBack,
      lot,
      chosen: context.names[chosen],
    },
  };
}

/** Picks one candidate by lot among `among`, with the same record shape as a tie-break. */
export function drawLot(
  among: readonly number[],
  names: readonly string[],
  draw: SeededDraw,
): { chosen: number; record: TieBreak } {
  return breakTie(among, 'highest', { names, history: [], draw });
}

/** Code-unit order: the same on every machine and locale. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function extremes(
  candidates: readonly number[],
  totals: readonly Rational[],
  want: 'lowest' | 'highest',
): number[] {
  let best = totals[candidates[0]];
  for (const c of candidates) {
    const order = totals[c].compare(best);
    if (want === 'lowest' ? order < 0 : order > 0) best = totals[c];
  }
  return candidates.filter((c) => totals[c].equals(best));
}
