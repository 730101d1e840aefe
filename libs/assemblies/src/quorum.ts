/** An assembly's quorum at one moment: who counts, out of whom, against which fraction. */
export interface QuorumStatus {
  present: number;
  represented: number;
  eligible: number;
  numerator: number;
  denominator: number;
  /** Smallest number of members present or represented that meets the quorum. */
  required: number;
  met: boolean;
}

/**
 * Quorum = (present + represented) / eligible ≥ numerator / denominator,
 * compared by cross-multiplication in integers: never a float at a threshold.
 */
export function quorumStatus(counts: {
  present: number;
  represented: number;
  eligible: number;
  numerator: number;
  denominator: number;
}): QuorumStatus {
  const { present, represented, eligible, numerator, denominator } = counts;
  const n = BigInt(numerator);
  const d = BigInt(denominator);
  const required = Number((BigInt(eligible) * n + d - 1n) / d);
  const met = eligible > 0 && BigInt(present + represented) * d >= BigInt(eligible) * n;
  return { present, represented, eligible, numerator, denominator, required, met };
}
