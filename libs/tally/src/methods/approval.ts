import { prepareCount } from '../count-input';
import { candidateSet, encodeApproval, EncodedProfile } from '../profile/encode';
import { ExactSums } from '../profile/weights';
import { Rational } from '../rational';
import { TallyInputError } from '../tally.errors';
import type { ApprovalResult, ApprovalSpec } from '../tally.types';
import { compareIds, drawLot, TieBreak } from '../tie-break';

/** Approval voting: the `seats` most approved candidates; a tie across the last seat is drawn by lot. */
export function countApproval(spec: ApprovalSpec): ApprovalResult {
  const candidates = candidateSet(spec.candidates, spec.withdrawn);
  const seats = spec.seats ?? 1;
  if (!Number.isSafeInteger(seats) || seats < 1)
    throw new TallyInputError('INVALID_SEATS', 'Seats must be a positive integer');
  const min = spec.minSelections ?? 0;
  const max = spec.maxSelections ?? spec.candidates.length;
  if (!Number.isSafeInteger(min) || !Number.isSafeInteger(max) || min < 0 || max < min) {
    throw new TallyInputError('INVALID_SPEC', 'Selection limits must satisfy 0 ≤ min ≤ max');
  }
  const names = candidates.names;
  const input = prepareCount(
    spec,
    (ballots) => encodeApproval(ballots, candidates, { min, max }),
    (profile) => approvalsOf(profile, names),
  );
  const approvals = approvalsOf(input.profile, names);
  const order = [...names].sort((a, b) => approvals[b].compare(approvals[a]) || compareIds(a, b));

  // Only approved candidates can win; the last seats go by lot among those tied across the line.
  const approved = order.filter((name) => approvals[name].sign() > 0);
  const winners = approved.slice(0, seats);
  const tieBreaks: TieBreak[] = [];
  if (approved.length > seats) {
    const line = approvals[approved[seats - 1]];
    const sure = approved.filter((name) => approvals[name].gt(line));
    const tied = approved.filter((name) => approvals[name].equals(line));
    if (sure.length + tied.length > seats) {
      winners.length = 0;
      winners.push(...sure);
      let pool = tied.map((name) => names.indexOf(name));
      while (winners.length < seats) {
        const lot = drawLot(pool, names, input.draw);
        winners.push(names[lot.chosen]);
        tieBreaks.push(lot.record);
        pool = pool.filter((c) => c !== lot.chosen);
      }
    }
  }
  return {
    method: 'approval',
    ...input.base,
    candidates: names,
    withdrawn: candidates.withdrawn,
    seats,
    approvals,
    order,
    winners,
    tieBreaks,
  };
}

function approvalsOf(profile: EncodedProfile, names: readonly string[]): Record<string, Rational> {
  const { table } = profile;
  const sums = new ExactSums(names.length, table.groups.units);
  for (let e = 0; e < table.size; e++) {
    for (let i = table.start[e]; i < table.start[e + 1]; i++)
      sums.add(table.items[i], table.group[e], table.count[e]);
  }
  return Object.fromEntries(names.map((name, c) => [name, sums.total(c)]));
}
