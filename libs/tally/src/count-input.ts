import { WeighedCounts, weightByCollege } from './college-weighting';
import { EncodedProfile, Profile, ProfileSummary } from './profile/encode';
import { Rational } from './rational';
import { SeededDraw } from './seeded-draw';
import { TallyInputError } from './tally.errors';
import type { BallotSummary, CollegeBreakdown, ResultBase, SpecBase } from './tally.types';

/** What every method starts from: the encoded profile, the draw, and the common part of the result. */
export interface CountInput<P extends ProfileSummary = EncodedProfile> {
  readonly profile: P;
  readonly draw: SeededDraw;
  /** seed, ballot summary and college breakdown, ready to spread into the result. */
  readonly base: Omit<ResultBase, 'winners'>;
}

/**
 * Encodes the spec's ballots — weighting colleges first when given — and
 * summarises them. `support` gives each college's unweighted headline figures.
 */
export function prepareCount<B, P extends ProfileSummary = EncodedProfile>(
  spec: SpecBase<B>,
  encode: (ballots: Profile<B>, judged: readonly WeighedCounts[]) => P,
  support: (profile: P) => Record<string, Rational | string>,
  /** Whether the method reads ballots added up (GradeCounts): majority judgment only. */
  readsJudged = false,
): CountInput<P> {
  if (typeof spec.seed !== 'string' || spec.seed === '') {
    throw new TallyInputError(
      'INVALID_SPEC',
      'A seed (vote id and ballot fingerprint) is required for reproducible draws',
    );
  }
  const plain = spec.ballots !== undefined || spec.judged !== undefined;
  if (plain === (spec.colleges !== undefined)) {
    throw new TallyInputError('INVALID_SPEC', 'Give either ballots or colleges');
  }
  if (!readsJudged && (spec.judged || spec.colleges?.some((college) => college.judged))) {
    throw new TallyInputError('INVALID_SPEC', 'Only majority judgment reads ballots added up');
  }
  const draw = new SeededDraw(spec.seed);
  const alone = (counts: SpecBase<B>['judged']): WeighedCounts[] =>
    counts ? [{ counts, perBallot: Rational.ONE }] : [];
  if (plain) {
    const profile = encode(spec.ballots ?? [], alone(spec.judged));
    return { profile, draw, base: { seed: spec.seed, ballots: summarise(profile) } };
  }
  const weighted = weightByCollege(spec.colleges ?? []);
  const profile = encode(weighted.ballots, weighted.judged);
  const colleges: CollegeBreakdown[] = weighted.colleges.map((college, i) => {
    const given = (spec.colleges ?? [])[i];
    return { ...college, support: support(encode(given.ballots, alone(given.judged))) };
  });
  return { profile, draw, base: { seed: spec.seed, ballots: summarise(profile), colleges } };
}

export function summarise(profile: ProfileSummary): BallotSummary {
  const { total, counted, blank, invalid, abstentions } = profile;
  return { total, counted, blank, invalid, abstentions };
}
