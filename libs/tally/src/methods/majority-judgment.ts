import { prepareCount } from '../count-input';
import { Candidates, candidateSet, encodeGrades, GradeProfile } from '../profile/encode';
import { Rational } from '../rational';
import { recordOf } from '../records';
import { TallyInputError } from '../tally.errors';
import type {
  MajorityJudgmentResult,
  MajorityJudgmentSpec,
  MajorityJudgmentTie,
} from '../tally.types';
import { drawLot, TieBreak } from '../tie-break';

/** Votes per grade of one candidate, as integers: weights scaled by a common denominator. */
interface Judged {
  readonly candidate: number;
  /** counts[g]: scaled votes giving grade g (0 is the best). */
  readonly counts: readonly bigint[];
  /** All the scaled votes: the same for every candidate, as every counted judge grades each one. */
  readonly total: bigint;
  /** The index of the majority grade. */
  readonly majority: number;
}

/** Where two candidates' sequences of medians first differ, if they do. */
interface Difference {
  /** Median grades removed before the difference. */
  readonly step: bigint;
  readonly gradeA: number;
  readonly gradeB: number;
}

/**
 * Majority judgment (Balinski & Laraki): each candidate's majority grade is
 * the median of the grades judges gave them — the lower middle one when the
 * judges split evenly. Candidates sharing it are separated by removing one
 * median grade from each, again and again, until their medians differ.
 */
export function countMajorityJudgment(spec: MajorityJudgmentSpec): MajorityJudgmentResult {
  const candidates = candidateSet(spec.candidates, spec.withdrawn);
  const grades = spec.grades;
  if (!Array.isArray(grades) || grades.length === 0 || new Set(grades).size !== grades.length) {
    throw new TallyInputError(
      'INVALID_GRADES',
      'Grades must be a non-empty list of distinct names, best first',
    );
  }
  const missingGrade = spec.missingGrade ?? grades.length - 1;
  if (!Number.isInteger(missingGrade) || missingGrade < 0 || missingGrade >= grades.length) {
    throw new TallyInputError(
      'INVALID_GRADES',
      `missingGrade must index the grades (0–${grades.length - 1})`,
    );
  }
  const names = candidates.names;
  const input = prepareCount(
    spec,
    (ballots, judged) => encodeGrades(ballots, candidates, grades.length, missingGrade, judged),
    (profile) => majorityGradesOf(profile, candidates, grades),
    true,
  );
  const distributions = gradeSums(input.profile, candidates, grades.length);
  const scale = commonScale(distributions);
  const judged = toIntegers(distributions, scale);

  const order = [...judged].sort(compare);
  // Where each candidate and the next in that order first differ: null when judged identically.
  const gaps = order.slice(1).map((lower, i) => firstDifference(order[i], lower));
  const ranking: number[] = [];
  const lots: TieBreak[] = [];
  /** Where, in the ranking, a candidate follows one with the same majority grade, and what separated them. */
  const separated: { at: number; gap: Difference }[] = [];
  for (let i = 0; i < order.length;) {
    // A run of candidates judged identically is ordered by lot.
    let end = i + 1;
    while (end < order.length && gaps[end - 1] === null) end++;
    let pool = order.slice(i, end).map((j) => j.candidate);
    while (pool.length > 1) {
      const lot = drawLot(pool, names, input.draw);
      ranking.push(lot.chosen);
      lots.push(lot.record);
      pool = pool.filter((c) => c !== lot.chosen);
    }
    ranking.push(pool[0]);
    const gap = gaps[end - 1];
    if (gap && gap.step > 0n) separated.push({ at: ranking.length, gap });
    i = end;
  }
  const tieBreaks = separated.map(({ at, gap }): MajorityJudgmentTie => ({
    higher: names[ranking[at - 1]],
    lower: names[ranking[at]],
    majorityGrade: grades[judged[ranking[at]].majority],
    removed: Rational.of(gap.step, scale),
    grades: [grades[gap.gradeA], grades[gap.gradeB]],
  }));

  const counted = !input.profile.counted.isZero();
  return {
    method: 'majority_judgment',
    ...input.base,
    candidates: names,
    withdrawn: candidates.withdrawn,
    grades,
    distributions: recordOf(names, (c) => recordOf(grades, (g) => distributions[c][g])),
    majorityGrades: counted ? recordOf(names, (c) => grades[judged[c].majority]) : {},
    ranking: ranking.map((c) => names[c]),
    winners: counted ? [names[ranking[0]]] : [],
    tieBreaks,
    lots,
  };
}

/** Better first: the majority value, compared median after median. */
function compare(a: Judged, b: Judged): number {
  const difference = firstDifference(a, b);
  return difference ? difference.gradeA - difference.gradeB : 0;
}

/** Votes per grade for each candidate, exactly. */
function gradeSums(
  profile: GradeProfile,
  candidates: Candidates,
  gradeCount: number,
): Rational[][] {
  return candidates.names.map((_, c) => {
    const row: Rational[] = [];
    for (let g = 0; g < gradeCount; g++) row.push(profile.histogram.total(c * gradeCount + g));
    return row;
  });
}

/** The smallest integer that turns every vote count into an integer (1 for whole-vote counts). */
function commonScale(distributions: readonly (readonly Rational[])[]): bigint {
  let scale = 1n;
  for (const row of distributions)
    for (const value of row) if (value.den !== 1n) scale = lcm(scale, value.den);
  return scale;
}

function toIntegers(distributions: readonly (readonly Rational[])[], scale: bigint): Judged[] {
  return distributions.map((row, candidate) => {
    const counts = row.map((value) => (value.num * scale) / value.den);
    const total = counts.reduce((sum, count) => sum + count, 0n);
    return { candidate, counts, total, majority: majorityGrade(counts, total) };
  });
}

/** The grade at position ⌊n/2⌋ + 1 from the best: the median, or the lower middle one for even n. */
function majorityGrade(counts: readonly bigint[], total: bigint): number {
  let seen = 0n;
  for (let g = 0; g < counts.length; g++) {
    seen += counts[g];
    if (seen > total / 2n) return g;
  }
  return counts.length - 1;
}

/**
 * Compares the sequences of medians obtained by removing one median grade at
 * a time, without walking them one vote at a time. Number the n judgments
 * from the worst (position 0) to the best. The first median sits at
 * c = ⌊(n−1)/2⌋; later ones alternate below and above it, moving outwards:
 * the one below first when n is odd, the one above first when n is even. So
 * it is enough to find, on each side, the nearest position where the two
 * candidates' grades differ, and see which side the sequence reaches first.
 * Both candidates have the same n: every counted judge grades every one.
 */
function firstDifference(higher: Judged, lower: Judged): Difference | null {
  const [a, b, n] = [higher.counts, lower.counts, higher.total];
  if (n === 0n) return null;
  const c = (n - 1n) / 2n;
  const odd = n % 2n === 1n;
  let below: bigint | null = null; // nearest differing position ≤ c
  let above: bigint | null = null; // nearest differing position > c
  // Walk the runs of positions, worst first, over which both grades stay the same.
  let gradeA = a.length - 1;
  let gradeB = b.length - 1;
  let endA = a[gradeA];
  let endB = b[gradeB];
  for (let start = 0n; start < n && above === null;) {
    while (endA <= start) endA += a[--gradeA];
    while (endB <= start) endB += b[--gradeB];
    const end = endA < endB ? endA : endB;
    if (gradeA !== gradeB) {
      if (start <= c) below = end - 1n < c ? end - 1n : c;
      if (end - 1n > c) above = start > c ? start : c + 1n;
    }
    start = end;
  }
  if (below === null && above === null) return null;
  // Steps at which the sequence reaches a position d below or e above the first median.
  const stepBelow =
    below === null ? null : odd ? (c - below) * 2n - (c === below ? 0n : 1n) : (c - below) * 2n;
  const stepAbove = above === null ? null : odd ? (above - c) * 2n : (above - c) * 2n - 1n;
  const useBelow = stepAbove === null || (stepBelow !== null && stepBelow < stepAbove);
  const position = useBelow ? (below as bigint) : (above as bigint);
  return {
    step: (useBelow ? stepBelow : stepAbove) as bigint,
    gradeA: gradeAt(a, position),
    gradeB: gradeAt(b, position),
  };
}

function gradeAt(counts: readonly bigint[], position: bigint): number {
  let end = 0n;
  for (let g = counts.length - 1; g >= 0; g--) {
    end += counts[g];
    if (position < end) return g;
  }
  return 0;
}

function majorityGradesOf(
  profile: GradeProfile,
  candidates: Candidates,
  grades: readonly string[],
): Record<string, string> {
  if (profile.counted.isZero()) return {};
  const distributions = gradeSums(profile, candidates, grades.length);
  const judged = toIntegers(distributions, commonScale(distributions));
  return recordOf(candidates.names, (c) => grades[judged[c].majority]);
}

function lcm(a: bigint, b: bigint): bigint {
  let [x, y] = [a, b];
  while (y !== 0n) [x, y] = [y, x % y];
  return (a / x) * b;
}
