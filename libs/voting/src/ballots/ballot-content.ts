import { VoteMethod } from '@delibera/charter';
import { requestContext } from '@delibera/kernel';
import { BALLOT_PROBLEMS, BallotProblem, VotingErrors } from '../voting.errors';

/** A ballot as a voter sends it: one field per family of methods. */
export interface BallotInput {
  /** choice: the option chosen. */
  option?: string | null;
  /** choice: an explicit abstention. */
  abstain?: boolean | null;
  /** choice: a blank paper. */
  blank?: boolean | null;
  /** irv, schulze, ranked pairs, stv: candidate ids, most preferred first. */
  ranking?: readonly string[] | null;
  /** approval: the candidates approved. */
  approvals?: readonly string[] | null;
  /** majority judgment: a grade id per candidate (an ungraded candidate gets the worst grade). */
  grades?: readonly { candidate: string; grade: string }[] | null;
}

/** What a ballot is checked against: the vote's method, options and limits. */
export interface BallotRules {
  method: VoteMethod;
  optionIds: readonly string[];
  gradeIds: readonly string[] | null;
  minSelections: number | null;
  maxSelections: number | null;
}

const RANKED = new Set<VoteMethod>([
  VoteMethod.InstantRunoff,
  VoteMethod.Schulze,
  VoteMethod.RankedPairs,
  VoteMethod.SingleTransferableVote,
]);

function invalid(problem: BallotProblem): never {
  throw VotingErrors.INVALID_BALLOT(
    { reason: BALLOT_PROBLEMS[problem][requestContext.locale()] },
    { problem },
  );
}

/** Which fields of the input are set: a ballot uses exactly the one its method reads. */
function fieldsSet(input: BallotInput): string[] {
  return (Object.keys(input) as (keyof BallotInput)[]).filter(
    (key) => input[key] !== undefined && input[key] !== null && input[key] !== false,
  );
}

function only(input: BallotInput, allowed: (keyof BallotInput)[]): void {
  const set = fieldsSet(input);
  if (set.length !== 1 || !allowed.includes(set[0] as keyof BallotInput)) invalid('WRONG_SHAPE');
}

/**
 * Checks a ballot against its vote and returns its canonical content, as
 * `libs/tally` reads it: `{"option":…}` / "abstain" / "blank", a ranking, a
 * sorted set of approvals, or candidate → grade index. Canonical so identical
 * ballots are equal values, which the tally groups in SQL. A ballot the tally
 * would count as invalid is refused here: a voter never spoils one by mistake.
 */
export function ballotContent(rules: BallotRules, input: BallotInput): unknown {
  const known = new Set(rules.optionIds);
  if (rules.method === VoteMethod.Choice) {
    only(input, ['option', 'abstain', 'blank']);
    if (input.abstain) return 'abstain';
    if (input.blank) return 'blank';
    if (!known.has(input.option as string)) invalid('UNKNOWN_OPTION');
    return { option: input.option };
  }
  if (RANKED.has(rules.method)) {
    only(input, ['ranking', 'blank']);
    const ranking = input.blank ? [] : [...(input.ranking ?? [])];
    if (ranking.some((id) => !known.has(id))) invalid('UNKNOWN_OPTION');
    if (new Set(ranking).size !== ranking.length) invalid('REPEATED_CANDIDATE');
    return ranking;
  }
  if (rules.method === VoteMethod.Approval) {
    only(input, ['approvals', 'blank']);
    const approvals = input.blank ? [] : [...new Set(input.approvals ?? [])];
    if (approvals.some((id) => !known.has(id))) invalid('UNKNOWN_OPTION');
    if (approvals.length > 0 && approvals.length < (rules.minSelections ?? 0))
      invalid('TOO_FEW_SELECTIONS');
    if (approvals.length > (rules.maxSelections ?? rules.optionIds.length))
      invalid('TOO_MANY_SELECTIONS');
    return approvals.sort();
  }
  // Majority judgment.
  only(input, ['grades']);
  const gradeIndex = new Map((rules.gradeIds ?? []).map((id, i) => [id, i]));
  const graded: Record<string, number> = {};
  for (const { candidate, grade } of input.grades ?? []) {
    if (!known.has(candidate)) invalid('UNKNOWN_OPTION');
    if (candidate in graded) invalid('REPEATED_CANDIDATE');
    const index = gradeIndex.get(grade);
    if (index === undefined) invalid('UNKNOWN_GRADE');
    graded[candidate] = index;
  }
  if (Object.keys(graded).length !== known.size) invalid('MISSING_GRADE');
  return Object.fromEntries(Object.entries(graded).sort(([a], [b]) => (a < b ? -1 : 1)));
}
