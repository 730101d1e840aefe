/**
 * The rounds of a published count, read from the result's canonical JSON
 * (instant-runoff; other methods publish matrices or scores instead). Exact
 * rationals travel as strings ("7" or "7/2") and are shown as they are.
 */
export interface CountRound {
  round: number;
  tallies: Record<string, string>;
  elected: string | null;
  eliminated: string | null;
  exhausted: string | null;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export function roundsOf(details: unknown): CountRound[] {
  const tally = isRecord(details) ? details.tally : undefined;
  const rounds = isRecord(tally) ? tally.rounds : undefined;
  if (!Array.isArray(rounds)) return [];
  return rounds.filter(isRecord).map((round, index) => ({
    round: typeof round.round === 'number' ? round.round : index + 1,
    tallies: isRecord(round.tallies)
      ? Object.fromEntries(Object.entries(round.tallies).map(([id, votes]) => [id, String(votes)]))
      : {},
    elected: typeof round.elected === 'string' ? round.elected : null,
    eliminated: typeof round.eliminated === 'string' ? round.eliminated : null,
    exhausted: round.exhausted == null ? null : String(round.exhausted),
  }));
}

/** A rational string as a number, for bar lengths only (never for a decision). */
export function approximate(votes: string): number {
  const [numerator, denominator = '1'] = votes.split('/');
  return Number(numerator) / Number(denominator);
}
