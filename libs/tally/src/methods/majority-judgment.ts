import { prepareCount } from '../count-input';
import { Candidates, candidateSet, encodeGrades, GradeProfile } from '../profile/encode';
import { Rational } from '../rational';
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
  const judged = toIntegers(distributions);
  const majority = judged.map((j) => majorityGrade(j.counts));

  const order = [...judged].sort((a, b) => compare(a, b));
  const ranking: number[] = [];
  const lots: TieBreak[] = [];
  for (let i = 0; i < order.length;) {
    // A run of candidates judged identically is ordered by lot.
    let end = i + 1;
    while (end < order.length && compare(order[i], order[end]) === 0) end++;
    let pool = order.slice(i, end).map((j) => j.candidate);
    while (pool.length > 1) {
      const lot = drawLot(pool, names, input.draw);
      ranking.push(lot.chosen);
      lots.push(lot.record);
      pool = pool.filter((c) => c !== lot.chosen);
    }
    ranking.push(pool[0]);
    i = end;
  }

  const scale = judged.length > 0 ? commonScale(distributions) : 1n;
  const tieBreaks: MajorityJudgmentTie[] = [];
  for (let i = 1; i < ranking.length; i++) {
    const [higher, lower] = [judged[ranking[i - 1]], judged[ranking[i]]];
    const difference = firstDifference(higher.counts, lower.counts);
    if (majority[higher.candidate] !== majority[lower.candidate] || !difference) continue;
    tieBreaks.push({
      higher: names[higher.candidate],
      lower: names[lower.candidate],
      majorityGrade: grades[majority[higher.candidate]],
      removed: Rational.of(difference.step, scale),
      grades: [grades[difference.gradeA], grades[difference.gradeB]],
    });
  }

  const counted = !input.profile.counted.isZero();
  return {
    method: 'majority_judgment',
    ...input.base,
    candidates: names,
    withdrawn: candidates.withdrawn,
    grades,
    distributions: Object.fromEntries(
      names.map((name, c) => [
        name,
        Object.fromEntries(grades.map((grade, g) => [grade, distributions[c][g]])),
      ]),
    ),
    majorityGrades: counted
      ? Object.fromEntries(names.map((name, c) => [name, grades[majority[c]]]))
      : {},
    ranking: ranking.map((c) => names[c]),
    winners: counted ? [names[ranking[0]]] : [],
    tieBreaks,
    lots,
  };
}

/** Better first: the majority value, compared median after median. */
function compare(a: Judged, b: Judged): number {
  const difference = firstDifference(a.counts, b.counts);
  return difference ? difference.gradeA - difference.gradeB : 0;
}

/** Votes per grade for each candidate, exactly. */
function gradeSums(
  profile: GradeProfile,
  candidates: Candidates,
  gradeCount: number,
): Rational[][] {
  return candidates.names.map((_, c) =>
    Array.from({ length: gradeCount }, (__, g) => profile.histogram.total(c * gradeCount + g)),
  );
}

/** The smallest integer that turns every vote count into an integer (1 for whole-vote counts). */
function commonScale(distributions: readonly (readonly Rational[])[]): bigint {
  let scale = 1n;
  for (const row of distributions) for (const value of row) scale = lcm(scale, value.den);
  return scale;
}

function toIntegers(distributions: readonly (readonly Rational[])[]): Judged[] {
  const scale = Rational.of(commonScale(distributions));
  return distributions.map((row, candidate) => ({
    candidate,
    counts: row.map((value) => value.mul(scale).num),
  }));
}

/** The grade at position ⌊n/2⌋ + 1 from the best: the median, or the lower middle one for even n. */
function majorityGrade(counts: readonly bigint[]): number {
  const total = counts.reduce((sum, count) => sum + count, 0n);
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
 */
function firstDifference(a: readonly bigint[], b: readonly bigint[]): Difference | null {
  const n = a.reduce((sum, count) => sum + count, 0n);
  if (n === 0n) return null;
  const c = (n - 1n) / 2n;
  const odd = n % 2n === 1n;
  let below: bigint | null = null; // nearest differing position ≤ c
  let above: bigint | null = null; // nearest differing position > c
  for (const { start, end, gradeA, gradeB } of segments(a, b)) {
    if (gradeA === gradeB) continue;
    if (start <= c) below = max(below, end - 1n < c ? end - 1n : c);
    if (end - 1n > c) above = min(above, start > c ? start : c + 1n);
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

/** Runs of positions (worst first) over which both candidates' grades stay the same. */
function* segments(
  a: readonly bigint[],
  b: readonly bigint[],
): Generator<{ start: bigint; end: bigint; gradeA: number; gradeB: number }> {
  let ga = a.length - 1;
  let gb = b.length - 1;
  let endA = a[ga];
  let endB = b[gb];
  let start = 0n;
  const total = a.reduce((sum, count) => sum + count, 0n);
  while (start < total) {
    while (endA <= start) endA += a[--ga];
    while (endB <= start) endB += b[--gb];
    const end = endA < endB ? endA : endB;
    yield { start, end, gradeA: ga, gradeB: gb };
    start = end;
  }
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
  const judged = toIntegers(gradeSums(profile, candidates, grades.length));
  if (profile.counted.isZero()) return {};
  return Object.fromEntries(
    judged.map((j) => [candidates.names[j.candidate], grades[majorityGrade(j.counts)]]),
  );
}

function lcm(a: bigint, b: bigint): bigint {
  let [x, y] = [a, b];
  while (y !== 0n) [x, y] = [y, x % y];
  return (a / x) * b;
}

function max(a: bigint | null, b: bigint): bigint {
  return a === null || b > a ? b : a;
}

function min(a: bigint | null, b: bigint): bigint {
  return a === null || b < a ? b : a;
}
