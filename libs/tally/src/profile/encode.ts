import type { WeighedCounts } from '../college-weighting';
import { Rational } from '../rational';
import { TallyInputError } from '../tally.errors';
import { BallotTable } from './ballot-table';
import { GradeHistogram } from './grade-histogram';
import { PairwiseCounts } from './pairwise-counts';
import { GroupedCounter, plainCount, Weight, weightParts, WeightSum } from './weights';

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

/** How many ballots there were, by state. */
export interface ProfileSummary {
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

/** The counted ballots, distinct, with their weights. */
export interface EncodedProfile extends ProfileSummary {
  readonly table: BallotTable;
}

/** The counted rankings, as votes per ordered pair of candidates. */
export interface PairwiseProfile extends ProfileSummary {
  readonly pairwise: PairwiseCounts;
}

/** The counted grade ballots, as votes per candidate and grade. */
export interface GradeProfile extends ProfileSummary {
  readonly histogram: GradeHistogram;
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

/** Ranked ballots → distinct sequences of counted candidate indices, with their weights. */
export function encodeRanked(
  profile: Profile<RankedBallot>,
  candidates: Candidates,
): EncodedProfile {
  const table = new BallotTable(profile.length, expectedMarks(profile, candidates.position.size));
  return { table, ...readRanked(profile, candidates, table) };
}

/** Ranked ballots → votes per ordered pair of candidates (for the pairwise methods). */
export function encodePairwise(
  profile: Profile<RankedBallot>,
  candidates: Candidates,
): PairwiseProfile {
  const pairwise = new PairwiseCounts(candidates.names.length, profile.length);
  return { pairwise, ...readRanked(profile, candidates, pairwise) };
}

/** Reads each ranking into counted candidate indices, for `counter`; withdrawn candidates are skipped over. */
function readRanked(
  profile: Profile<RankedBallot>,
  candidates: Candidates,
  counter: GroupedCounter<Uint16Array>,
): ProfileSummary {
  const { position, countedAt } = candidates;
  const tally = new ProfileTally(counter);
  const ids = new IdLookup(position);
  const seen = new Int32Array(position.size).fill(-1);
  const items = new Uint16Array(position.size);
  for (let b = 0; b < profile.length; b++) {
    const entry = profile[b];
    const ballot = entry.ballot;
    let length = 0;
    let valid = Array.isArray(ballot);
    if (valid) {
      for (let r = 0; r < ballot.length; r++) {
        const at = ids.find(ballot[r]);
        if (at < 0 || seen[at] === b) {
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
  const tally = new ProfileTally(new BallotTable(profile.length));
  const ids = new IdLookup(candidates.position);
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
        const at = ids.find(id);
        if (at < 0) {
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
  return { table: tally.counter, ...tally.done() };
}

/** Marks a key of a grade ballot that names no candidate. */
const UNKNOWN = -2;
/** Marks a key naming a withdrawn candidate: its grade is checked, then dropped. */
const WITHDRAWN = -1;

/**
 * Grade ballots → votes per candidate and grade, in one pass; an ungraded
 * candidate gets `missingGrade`. Two things keep it fast on a million
 * judges. Ballots of the same shape (keys in the same order, as a database
 * row or a form gives them) hand their keys to for…in as the very same
 * strings, so each key position remembers its last key and that candidate's
 * first cell: the Map lookup only happens when the shape changes. And a plain
 * count goes straight into its group's cells as the grades are read — taken
 * back if the ballot turns out blank or invalid — instead of being stored
 * and added in a second loop. Other weights are added once the ballot is
 * known to count.
 */
export function encodeGrades(
  profile: Profile<GradeBallot>,
  candidates: Candidates,
  gradeCount: number,
  missingGrade: number,
  judged: readonly WeighedCounts[] = [],
): GradeProfile {
  const n = candidates.names.length;
  const histogram = new GradeHistogram(n * gradeCount);
  const tally = new ProfileTally(histogram);
  const cells = new Int32Array(n);
  /** Where a ballot that is not a plain count is read into: nothing is added to it. */
  const unused = new Float64Array(n * gradeCount);
  // A valid ballot has at most one key per id, so the key reaching past them all is unknown and ends the ballot.
  const keyAt = new Array<string | undefined>(candidates.position.size + 1).fill(undefined);
  const cellAt = new Int32Array(candidates.position.size + 1);
  const gradedIn = new Int32Array(n).fill(-1);
  let lastWeight: Weight | undefined;
  let count = 0;
  for (let b = 0; b < profile.length; b++) {
    const { ballot, weight } = profile[b];
    // Single judgments all weigh 1n: a million of them, one conversion.
    if (weight !== lastWeight) {
      lastWeight = weight;
      count = plainCount(weight);
    }
    const group = count > 0 ? histogram.groups.reservePlain(count) : -1;
    const row = group >= 0 ? histogram.row(group) : unused;
    let graded = 0;
    let valid = typeof ballot === 'object' && ballot !== null && !Array.isArray(ballot);
    if (valid) {
      let k = 0;
      for (const id in ballot) {
        if (keyAt[k] !== id) {
          const c = candidates.index.get(id);
          keyAt[k] = id;
          cellAt[k] = c === undefined ? UNKNOWN : c < 0 ? WITHDRAWN : c * gradeCount;
        }
        const first = cellAt[k++];
        const grade = ballot[id];
        // (grade >>> 0) === grade: a whole number from 0 to 2^32 − 1, without coercing a non-number.
        if (
          first === UNKNOWN ||
          typeof grade !== 'number' ||
          grade >>> 0 !== grade ||
          grade >= gradeCount
        ) {
          valid = false;
          break;
        }
        if (first >= 0) {
          const cell = first + grade;
          row[cell] += count;
          cells[graded++] = cell;
        }
      }
    }
    if (!valid || graded === 0) {
      if (group >= 0) histogram.takeBack(group, cells, graded, count);
      tally.add(valid ? 'blank' : 'invalid', cells, 0, weight);
      continue;
    }
    if (graded < n) {
      for (const id in ballot) {
        const c = candidates.index.get(id) as number;
        if (c >= 0) gradedIn[c] = b;
      }
      for (let c = 0; c < n; c++) {
        if (gradedIn[c] === b) continue;
        const cell = c * gradeCount + missingGrade;
        row[cell] += count;
        cells[graded++] = cell;
      }
    }
    if (group < 0) tally.add('counted', cells, graded, weight);
  }
  const read = tally.done();
  let judges = Rational.ZERO;
  for (const { counts, perBallot } of judged) {
    const added = addJudged(histogram, counts, perBallot, candidates, gradeCount, missingGrade);
    judges = judges.add(added);
  }
  return { histogram, ...read, counted: read.counted.add(judges), total: read.total.add(judges) };
}

/** The judges of added-up ballots, checked like any weight. */
export function judgesOf(counts: WeighedCounts['counts']): Rational {
  const { num, den } = weightParts(counts?.judges);
  return Rational.of(num, den);
}

/**
 * Adds ballots that came added up into the histogram, exactly, and returns
 * the weight of their judges. They were to be counted, so a row that could
 * not come from such ballots is an error in the spec, not an invalid ballot.
 */
function addJudged(
  histogram: GradeHistogram,
  counts: WeighedCounts['counts'],
  perBallot: Rational,
  candidates: Candidates,
  gradeCount: number,
  missingGrade: number,
): Rational {
  const judges = judgesOf(counts);
  if (!Array.isArray(counts.rows))
    throw new TallyInputError('INVALID_SPEC', 'Added-up grades need their rows');
  const n = candidates.names.length;
  const whole = perBallot.equals(Rational.ONE);
  const given = new Array<Rational>(n * gradeCount).fill(Rational.ZERO);
  for (const row of counts.rows) {
    const c = candidates.index.get(row?.candidate);
    if (c === undefined)
      throw new TallyInputError('INVALID_SPEC', `Added-up grades name an unknown candidate`);
    const grade = row.grade;
    if (!Number.isInteger(grade) || grade < 0 || grade >= gradeCount)
      throw new TallyInputError('INVALID_SPEC', `Added-up grades hold a grade out of range`);
    const { num, den } = weightParts(row.count);
    if (c >= 0)
      given[c * gradeCount + grade] = given[c * gradeCount + grade].add(Rational.of(num, den));
  }
  for (let c = 0; c < n; c++) {
    let graded = Rational.ZERO;
    for (let g = 0; g < gradeCount; g++) graded = graded.add(given[c * gradeCount + g]);
    if (graded.gt(judges))
      throw new TallyInputError(
        'INVALID_SPEC',
        `Added-up grades give "${candidates.names[c]}" more grades than there are judges`,
      );
    const missing = c * gradeCount + missingGrade;
    given[missing] = given[missing].add(judges.sub(graded));
    for (let g = 0; g < gradeCount; g++) {
      const votes = given[c * gradeCount + g];
      if (!votes.isZero())
        histogram.addExact(c * gradeCount + g, whole ? votes : votes.mul(perBallot));
    }
  }
  return judges.mul(perBallot);
}

/** Choice ballots → the option's index; abstentions and blanks are tallied apart. */
export function encodeChoice(profile: Profile<ChoiceBallot>, options: Candidates): EncodedProfile {
  const tally = new ProfileTally(new BallotTable(Math.min(profile.length, 64)));
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
  return { table: tally.counter, ...tally.done() };
}

/** Slots in IdLookup's cache. */
const ID_SLOTS = 256;

/**
 * A ballot's id → its position among all ids, or -1 when it names no
 * candidate. A Map lookup hashes the string whenever it is a new string
 * object, and ballots repeat a few ids: a small direct-mapped cache, slotted
 * by the id's last two characters and length, answers most lookups with one
 * string comparison. The comparison is by content, so a hit is right
 * whichever string object holds the id.
 */
export class IdLookup {
  private readonly keys = new Array<string | undefined>(ID_SLOTS).fill(undefined);
  private readonly positions = new Int32Array(ID_SLOTS);

  constructor(private readonly position: ReadonlyMap<string, number>) {}

  find(id: unknown): number {
    if (typeof id !== 'string') return -1;
    const n = id.length;
    const slot =
      (n > 1 ? id.charCodeAt(n - 1) * 31 + id.charCodeAt(n - 2) + n : n) & (ID_SLOTS - 1);
    if (this.keys[slot] === id) return this.positions[slot];
    const at = this.position.get(id);
    if (at === undefined) return -1;
    this.keys[slot] = id;
    this.positions[slot] = at;
    return at;
  }
}

/** Routes each ballot to the counter (counted) or to an exact side sum. */
class ProfileTally<Items, Counter extends GroupedCounter<Items>> {
  private readonly blank = new WeightSum();
  private readonly invalid = new WeightSum();
  private readonly abstentions = new WeightSum();

  constructor(readonly counter: Counter) {}

  add(
    kind: 'counted' | 'blank' | 'invalid' | 'abstain',
    items: Items,
    length: number,
    weight: Weight,
  ): void {
    if (kind === 'counted') this.counter.add(items, length, weight);
    else if (kind === 'blank') this.blank.add(weight);
    else if (kind === 'invalid') this.invalid.add(weight);
    else this.abstentions.add(weight);
  }

  done(): ProfileSummary {
    const counted = this.counter.groups.total();
    const blank = this.blank.value();
    const invalid = this.invalid.value();
    const abstentions = this.abstentions.value();
    const total = counted.add(blank).add(invalid).add(abstentions);
    return { counted, blank, invalid, abstentions, total };
  }
}
