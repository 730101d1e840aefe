import { judgesOf, Profile, WeightedBallot } from './profile/encode';
import { toRational } from './profile/weights';
import { Rational } from './rational';
import { TallyInputError } from './tally.errors';
import type { College, GradeCounts } from './tally.types';

export interface CollegeWeighting {
  readonly college: string;
  readonly weight: Rational;
  /** Ballots received in the college, unweighted. */
  readonly ballots: Rational;
  /** weight / ballots; null when the college cast no ballot (its weight then counts for nothing). */
  readonly weightPerBallot: Rational | null;
}

/** Ballots added up (majority judgment), and what each of them weighs. */
export interface WeighedCounts {
  readonly counts: GradeCounts;
  readonly perBallot: Rational;
}

/**
 * One profile in which each college's ballots together weigh the college's
 * charter weight: a ballot held `count` times in a college that received
 * `ballots` ballots weighs count × weight / ballots, exactly. The per-college
 * figures come back alongside for the result's breakdown.
 */
export function weightByCollege<B>(colleges: readonly College<B>[]): {
  ballots: Profile<B>;
  colleges: CollegeWeighting[];
  /** The colleges' ballots added up (majority judgment), each weighing its college's weight per ballot. */
  judged: WeighedCounts[];
} {
  const seen = new Set<string>();
  const ballots: WeightedBallot<B>[] = [];
  const judged: WeighedCounts[] = [];
  const weightings = colleges.map((college) => {
    if (seen.has(college.id))
      throw new TallyInputError('INVALID_SPEC', `College "${college.id}" is listed twice`);
    seen.add(college.id);
    const weight = toRational(college.weight);
    if (weight.sign() < 0)
      throw new TallyInputError('INVALID_WEIGHT', `College "${college.id}" has a negative weight`);
    const received = Rational.sum(college.ballots.map((entry) => toRational(entry.weight))).add(
      college.judged ? judgesOf(college.judged) : Rational.ZERO,
    );
    const weightPerBallot = received.isZero() ? null : weight.div(received);
    if (weightPerBallot && college.judged)
      judged.push({ counts: college.judged, perBallot: weightPerBallot });
    if (weightPerBallot) {
      for (const entry of college.ballots) {
        ballots.push({
          ballot: entry.ballot,
          weight: toRational(entry.weight).mul(weightPerBallot),
        });
      }
    }
    return { college: college.id, weight, ballots: received, weightPerBallot };
  });
  return { ballots, colleges: weightings, judged };
}
