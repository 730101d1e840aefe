import { Rational } from '../rational';
import { TallyInputError } from '../tally.errors';
import { BallotTable } from './ballot-table';
import { Weight, WeightSum } from './weights';

export interface WeightedBallot<B> {
  readonly ballot: B;
  readonly weight: Weight;
}

/** Distinct ballots with their weights; identical ballots may still be repeated (they are merged). */
export type Profile<B> = readonly WeightedBallot<B>[];

/** Candidate ids most preferred first; unranked candidates rank below all ranked ones. */
export type RankedBallot = readonly string[];
/** The candidates approved (a set: repeats are ignored). */
export type ApprovalBallot = readonly string[];
/** Candidate id → grade index (0 is the best grade). */
export type GradeBallot = Readonly<Record<string, number>>;
/** One option, or an explicit abstention, or a blank paper. */
export type ChoiceBallot = { readonly option: string } | 'abstain' | 'blank';

/** The candidates being counted, after withdrawals, with a lookup from id to index. */
export interface Candidates {
  /** Counted candidates, in the order given. */
  readonly names: readonly string[];
  readonly withdrawn: readonly string[];
  /** Every id given (withdrawn too) → its counted index, or -1 when withdrawn. */
  readonly index: ReadonlyMap<string, number>;
  /** Every id given → a position among all ids, for spotting a repeated mark. */
  readonly position: ReadonlyMap<string, number>;
  /** Position among all ids → counted index, or -1 when withdrawn: one Map lookup per mark, not two. */
  readonly countedAt: Int32Array;
}

export interface EncodedProfile {
  readonly table: BallotTable;
  /** All ballots, whatever their state. */
  readonly total: Rational;
  /** Ballots that express a preference among counted candidates. */
  readonly counted: Rational;
  /** Ballots with no preference among counted candidates (empty, or only withdrawn candidates). */
  readonly blank: Rational;
  /** Malformed ballots: unknown candidate, repeated rank, grade out of range, too many or too few approvals. */
  readonly invalid: Rational;
  /** Choice only: explicit abstentions. */
  readonly abstentions: Rational;
}

export function candidateSet(
  ids: readonly string[],
  withdrawn: readonly string[] = [],
): Candidates {
  if (!Array.isArray(ids) || ids.length === 0)
    throw new TallyInputError('INVALID_CANDIDATES', 'No candidates');
  const position = new Map<string, number>();
  for (const id of ids) {
    if (typeof id !== 'string' || id === '')
      throw new TallyInputError('INVALID_CANDIDATES', 'A candidate id is not a non-empty string');
    if (position.has(id))
      throw new TallyInputError('INVALID_CANDIDATES', `Candidate "${id}" is listed twice`);
    position.set(id, position.size);
  }
  const out = new Set(withdrawn);
  for (const id of out) {
    if (!position.has(id))
      throw new TallyInputError(
        'INVALID_CANDIDATES',
        `Withdrawn candidate "${id}" is not a candidate`,
      );
  }
  const names = ids.filter((id) => !out.has(id));
  const index = new Map<string, number>(
    ids.map((id) => [id, out.has(id) ? -1 : names.indexOf(id)]),
  );
  const countedAt = Int32Array.from(ids, (id) => index.get(id) as number);
  return { names, withdrawn: ids.filter((id) => out.has(id)), index, position, countedAt };
}

/** Ranked ballots → sequences of counted candidate indices; withdrawn candidates are skipped over. */
export function encodeRanked(
  profile: Profile<RankedBallot>,
  candidates: Candidates,
): EncodedProfile {
  const { position, countedAt } = candidates;
  const tally = new ProfileTally(profile.length, expectedMarks(profile, position.size));
  const seen = new Int32Array(position.size).fill(-1);
  const items = new Uint16Array(position.size);
  for (let b = 0; b < profile.length; b++) {
    const entry = profile[b];
    const ballot = entry.ballot;
    let length = 0;
    let valid = Array.isArray(ballot);
    if (valid) {
      for (let r = 0; r < ballot.length; r++) {
        const at = position.get(ballot[r]);
        if (at === undefined || seen[at] === b) {
          valid = false;
          break;
        }
        seen[at] = b;
        const c = countedAt[at];
        if (c >= 0) items[length++] = c;
      }
    }
    tally.add(valid ? (length > 0 ? 'counted' : 'blank') : 'invalid', items, length, entry.weight);
  }
  return tally.done();
}

/** Marks to make room for, from the first ballots: one sizing instead of repeated growth. */
function expectedMarks(profile: Profile<RankedBallot>, candidates: number): number {
  const sample = Math.min(profile.length, 1024);
  let marks = 0;
  for (let b = 0; b < sample; b++) marks += Math.min(profile[b].ballot?.length ?? 0, candidates);
  return sample === 0 ? 0 : Math.ceil((marks / sample) * profile.length * 1.1);
}

/** Approval sets → sorted candidate indices; limits apply to the ballot as cast, withdrawals are then dropped. */
export function encodeApproval(
  profile: Profile<ApprovalBallot>,
  candidates: Candidates,
  limits: { readonly min: number; readonly max: number },
): EncodedProfile {
  const tally = new ProfileTally(profile.length);
  const seen = new Int32Array(candidates.position.size).fill(-1);
  const approved = new Uint8Array(candidates.names.length);
  const items = new Uint16Array(candidates.names.length);
  for (let b = 0; b < profile.length; b++) {
    const { ballot, weight } = profile[b];
    let selections = 0;
    let valid = Array.isArray(ballot);
    approved.fill(0);
    if (valid) {
      for (const id of ballot) {
        const at = candidates.position.get(id);
        if (at === undefined) {
          valid = false;
          break;
        }
        if (seen[at] === b) continue; // a set: a repeated approval counts once
        seen[at] = b;
        selections++;
        const c = candidates.countedAt[at];
        if (c >= 0) approved[c] = 1;
      }
    }
    if (valid && selections > 0 && (selections < limits.min || selections > limits.max))
      valid = false;
    let length = 0;
    for (let c = 0; c < approved.length; c++) if (approved[c]) items[length++] = c;
    tally.add(valid ? (length > 0 ? 'counted' : 'blank') : 'invalid', items, length, weight);
  }
  return tally.done();
}

/** Grade ballots → one grade per counted candidate; an ungraded candidate gets `missingGrade`. */
export function encodeGrades(
  profile: Profile<GradeBallot>,
  candidates: Candidates,
  gradeCount: number,
  missingGrade: number,
): EncodedProfile {
  const tally = new ProfileTally(profile.length);
  const items = new Uint16Array(candidates.names.length);
  for (let b = 0; b < profile.length; b++) {
    const { ballot, weight } = profile[b];
    items.fill(missingGrade);
    let graded = 0;
    let valid = typeof ballot === 'object' && ballot !== null && !Array.isArray(ballot);
    if (valid) {
      for (const id in ballot) {
        const c = candidates.index.get(id);
        const grade = ballot[id];
        if (c === undefined || !Number.isInteger(grade) || grade < 0 || grade >= gradeCount) {
          valid = false;
          break;
        }
        if (c >= 0) {
          items[c] = grade;
          graded++;
        }
      }
    }
    tally.add(valid ? (graded > 0 ? 'counted' : 'blank') : 'invalid', items, items.length, weight);
  }
  return tally.done();
}

/** Choice ballots → the option's index; abstentions and blanks are tallied apart. */
export function encodeChoice(profile: Profile<ChoiceBallot>, options: Candidates): EncodedProfile {
  const tally = new ProfileTally(Math.min(profile.length, 64));
  const item = new Uint16Array(1);
  for (const { ballot, weight } of profile) {
    if (ballot === 'abstain' || ballot === 'blank') {
      tally.add(ballot === 'abstain' ? 'abstain' : 'blank', item, 0, weight);
      continue;
    }
    const c =
      typeof ballot === 'object' && ballot !== null ? options.index.get(ballot.option) : undefined;
    if (c === undefined || c < 0) {
      tally.add('invalid', item, 0, weight);
      continue;
    }
    item[0] = c;
    tally.add('counted', item, 1, weight);
  }
  return tally.done();
}

/** Routes each ballot to the table (counted) or to an exact side sum. */
class ProfileTally {
  private readonly table: BallotTable;
  private readonly blank = new WeightSum();
  private readonly invalid = new WeightSum();
  private readonly abstentions = new WeightSum();

  constructor(expectedBallots: number, expectedItems?: number) {
    this.table = new BallotTable(expectedBallots, expectedItems);
  }

  add(
    kind: 'counted' | 'blank' | 'invalid' | 'abstain',
    items: Uint16Array,
    length: number,
    weight: Weight,
  ): void {
    if (kind === 'counted') this.table.add(items, length, weight);
    else if (kind === 'blank') this.blank.add(weight);
    else if (kind === 'invalid') this.invalid.add(weight);
    else this.abstentions.add(weight);
  }

  done(): EncodedProfile {
    const counted = this.table.groups.total();
    const blank = this.blank.value();
    const invalid = this.invalid.value();
    const abstentions = this.abstentions.value();
    const total = counted.add(blank).add(invalid).add(abstentions);
    return { table: this.table, counted, blank, invalid, abstentions, total };
  }
}
