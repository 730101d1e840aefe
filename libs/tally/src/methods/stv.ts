import { TallyInputError } from '../tally.errors';
import type { StvResult, StvSpec } from '../tally.types';
import { countMeekStv } from './meek-stv';
import { prepareRanked } from './ranked-profile';
import { countScottishStv } from './scottish-stv';

/** Single transferable vote: Scottish rules by default, Meek's method as an option. */
export function countStv(spec: StvSpec): StvResult {
  if (!Number.isSafeInteger(spec.seats) || spec.seats < 1)
    throw new TallyInputError('INVALID_SEATS', 'Seats must be a positive integer');
  const rules = spec.rules ?? 'scottish';
  if (rules !== 'scottish' && rules !== 'meek')
    throw new TallyInputError('INVALID_SPEC', `Unknown STV rules "${rules}"`);
  const { candidates, input } = prepareRanked(spec);
  return rules === 'meek'
    ? countMeekStv(spec.seats, candidates, input)
    : countScottishStv(spec.seats, candidates, input);
}
