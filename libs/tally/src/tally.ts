import { countApproval } from './methods/approval';
import { countChoice } from './methods/choice';
import { TallyInputError } from './tally.errors';
import type { TallyResult, TallySpec } from './tally.types';

/** Counts a vote. Pure: the same spec always gives the same result, byte for byte in canonicalJson. */
export function tally(spec: TallySpec): TallyResult {
  switch (spec.method) {
    case 'choice':
      return countChoice(spec);
    case 'approval':
      return countApproval(spec);
    default:
      throw new TallyInputError(
        'INVALID_SPEC',
        `Unknown method "${(spec as { method?: unknown }).method}"`,
      );
  }
}
