/**
 * "Memory flat" as figures: the heap saw-tooths between collections, so its floor (the lowest
 * sample) in each minute is what a leak raises; a least-squares line through the floors of the
 * run's second half (once caches have filled and code is compiled) gives the growth in MB/min.
 */

export interface MemorySample {
  /** Seconds since the load started. */
  at: number;
  /** MB, or null when the sample could not be read. */
  value: number | null;
}

export interface MemoryTrend {
  /** Lowest sample of each minute (minute 1 = the first 60 s); null for a minute with no sample. */
  floors: { minute: number; floor: number | null }[];
  /** Least-squares slope of the floors over the second half of the run, MB per minute. */
  slopeMbPerMinute: number | null;
  /** The floors the slope was fitted on. */
  fittedMinutes: number;
}

/** Slope of the least-squares line through the points (0 for fewer than two distinct x). */
export function leastSquaresSlope(points: { x: number; y: number }[]): number {
  const n = points.length;
  if (n < 2) return 0;
  const meanX = points.reduce((s, p) => s + p.x, 0) / n;
  const meanY = points.reduce((s, p) => s + p.y, 0) / n;
  let num = 0;
  let den = 0;
  for (const p of points) {
    num += (p.x - meanX) * (p.y - meanY);
    den += (p.x - meanX) ** 2;
  }
  return den === 0 ? 0 : num / den;
}

/** Per-minute floors of a run of `seconds` and their slope over its second half. */
export function memoryTrend(samples: MemorySample[], seconds: number): MemoryTrend {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  const floors = Array.from({ length: minutes }, (_, i) => {
    const values = samples
      .filter((s) => s.value !== null && s.at >= i * 60 && s.at < (i + 1) * 60)
      .map((s) => s.value as number);
    return { minute: i + 1, floor: values.length > 0 ? Math.min(...values) : null };
  });
  // The second half, full minutes only: a last partial minute holds too few samples to have seen a collection.
  const fitted = floors.filter(
    (f): f is { minute: number; floor: number } =>
      f.floor !== null && f.minute > minutes / 2 && f.minute * 60 <= seconds,
  );
  return {
    floors,
    slopeMbPerMinute:
      fitted.length >= 2
        ? leastSquaresSlope(fitted.map((f) => ({ x: f.minute, y: f.floor })))
        : null,
    fittedMinutes: fitted.length,
  };
}

/**
 * CPU milliseconds per request in each minute, from cumulative samples: a figure that climbs
 * while the asked rate stays the same means per-request work growing (a structure scanned per
 * request), which a flat heap would not show; one that follows the machine's load average is
 * contention. Null for a minute that served nothing.
 */
export function cpuPerRequestByMinute(
  samples: { at: number; cpuSeconds: number; served: number }[],
  seconds: number,
): (number | null)[] {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  const at = (second: number) =>
    samples.reduce<(typeof samples)[number] | undefined>(
      (best, s) => (s.at <= second && (!best || s.at > best.at) ? s : best),
      undefined,
    );
  return Array.from({ length: minutes }, (_, i) => {
    const from = at(i * 60);
    const to = at(Math.min((i + 1) * 60, seconds));
    if (!from || !to || to.served <= from.served) return null;
    return ((to.cpuSeconds - from.cpuSeconds) * 1000) / (to.served - from.served);
  });
}
