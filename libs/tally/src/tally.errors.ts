/** Stable codes for a spec that cannot be counted; the voting lib maps them to localised messages. */
export type TallyErrorCode =
  | 'INVALID_SPEC'
  | 'INVALID_CANDIDATES'
  | 'INVALID_SEATS'
  | 'INVALID_THRESHOLD'
  | 'MISSING_TURNOUT'
  | 'INVALID_WEIGHT'
  | 'WEIGHT_TOO_LARGE'
  | 'INVALID_GRADES';

/**
 * A spec that cannot be counted (a bug upstream, not a voter's mistake).
 * A voter's malformed ballot never throws: it is counted as invalid and reported.
 */
export class TallyInputError extends Error {
  constructor(
    readonly code: TallyErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'TallyInputError';
  }
}
