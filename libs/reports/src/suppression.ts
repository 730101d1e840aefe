/**
 * Small-cell suppression for breakdowns of secret votes: a published count of
 * fewer than MIN_CELL voters could point at the few people behind it.
 */
export const MIN_CELL = 5;

export interface CountCell {
  key: string;
  eligible: number;
  voters: number;
}

export interface PublishedCell {
  key: string;
  eligible: number;
  /** null when suppressed. */
  voters: number | null;
  /** voters / eligible; null when suppressed or nobody was eligible. */
  turnout: number | null;
  suppressed: boolean;
}

export function turnoutOf(voters: number, eligible: number): number | null {
  return eligible > 0 ? Math.round((voters / eligible) * 10000) / 10000 : null;
}

/**
 * Publishes a breakdown. For a secret vote, cells under MIN_CELL voters are
 * suppressed; when the cells partition the voters (college, region…) and
 * exactly one cell is suppressed, the next smallest is suppressed too, or the
 * hidden count would be the total minus the others (complementary suppression).
 */
export function publishCells(
  cells: CountCell[],
  options: { secret: boolean; partition: boolean },
): PublishedCell[] {
  const hidden = new Set<string>();
  if (options.secret) {
    for (const cell of cells) if (cell.voters < MIN_CELL) hidden.add(cell.key);
    if (options.partition && hidden.size === 1) {
      const next = cells
        .filter((cell) => !hidden.has(cell.key))
        .sort((a, b) => a.voters - b.voters || a.key.localeCompare(b.key))[0];
      if (next) hidden.add(next.key);
    }
  }
  return cells.map((cell) =>
    hidden.has(cell.key)
      ? { key: cell.key, eligible: cell.eligible, voters: null, turnout: null, suppressed: true }
      : {
          key: cell.key,
          eligible: cell.eligible,
          voters: cell.voters,
          turnout: turnoutOf(cell.voters, cell.eligible),
          suppressed: false,
        },
  );
}
