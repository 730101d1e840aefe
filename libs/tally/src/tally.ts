import { countApproval } from './methods/approval';
import { countChoice } from './methods/choice';
import { countIrv } from './methods/instant-runoff';
import { countMajorityJudgment } from './methods/majority-judgment';
import { countRankedPairs } from './methods/ranked-pairs';
import { countSchulze } from './methods/schulze';
import { countStv } from './methods/stv';
import { TallyInputError } from './tally.errors';
import type { TallyResult, TallySpec } from './tally.types';

/** Counts a vote. Pure: the same spec always gives the same result, byte for byte in canonicalJson. */
export function tally(spec: TallySpec): TallyResult {
  switch (spec.method) {
    case 'choice':
      return countChoice(spec);
    case 'approval':
      return countApproval(spec);
    case 'irv':
      return countIrv(spec);
    case 'schulze':
      return countSchulze(spec);
    case 'ranked_pairs':
      return countRankedPairs(spec);
    case 'stv':
      return countStv(spec);
    case 'majority_judgment':
      return countMajorityJudgment(spec);
    default:
      throw new TallyInputError(
        'INVALID_SPEC',
        `Unknown method "${(spec as { method?: unknown }).method}"`,
      );
  }
}
