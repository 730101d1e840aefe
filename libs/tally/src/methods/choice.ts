import { prepareCount } from '../count-input';
import { candidateSet, encodeChoice, EncodedProfile } from '../profile/encode';
import { ExactSums, toRational, Weight } from '../profile/weights';
import { Rational } from '../rational';
import { TallyInputError } from '../tally.errors';
import type {
  ChoiceResult,
  ChoiceSpec,
  QuorumCheck,
  Threshold,
  ThresholdCheck,
  Turnout,
} from '../tally.types';
import { drawLot, TieBreak } from '../tie-break';

/**
 * Yes/no/abstain motions and one-of-n choices: the quorum is measured on
 * participation, then the measured option's votes are compared, exactly, to
 * ratio × base.
 */
export function countChoice(spec: ChoiceSpec): ChoiceResult {
  const options = candidateSet(spec.options);
  if (spec.kind === 'motion' && !options.index.has('yes')) {
    throw new TallyInputError('INVALID_SPEC', "A motion's options must include 'yes'");
  }
  validateThreshold(spec.threshold);
  const input = prepareCount(
    spec,
    (ballots) => encodeChoice(ballots, options),
    (profile) => votesByOption(profile, options.names),
  );
  const votes = votesByOption(input.profile, options.names);
  const cast = Rational.sum(Object.values(votes));
  const quorum = checkQuorum(spec, input.profile.total);

  let option: string | null = spec.kind === 'motion' ? 'yes' : null;
  let tieBreak: TieBreak | null = null;
  if (spec.kind === 'one_of_n') {
    const top = options.names.reduce((max, name) => Rational.max(max, votes[name]), Rational.ZERO);
    const leaders = options.names
      .map((_, i) => i)
      .filter((i) => !top.isZero() && votes[options.names[i]].equals(top));
    if (leaders.length === 1) option = options.names[leaders[0]];
    else if (leaders.length > 1 && meets(spec.threshold, top, baseVotes(spec, cast))) {
      // Only a tie that would decide the outcome is drawn.
      const lot = drawLot(leaders, options.names, input.draw);
      option = options.names[lot.chosen];
      tieBreak = lot.record;
    }
  }
  const support = option ? votes[option] : Rational.ZERO;
  const whole = wholeVotes(input.profile, spec.turnout);
  const threshold = measureThreshold(spec.threshold, baseVotes(spec, cast), option, support, whole);
  const outcome = quorum && !quorum.met ? 'quorum_not_met' : threshold.met ? 'adopted' : 'rejected';
  return {
    method: 'choice',
    kind: spec.kind,
    ...input.base,
    options: options.names,
    outcome,
    winners: outcome === 'adopted' && option ? [option] : [],
    votes,
    cast,
    quorum,
    threshold,
    tieBreak,
  };
}

function votesByOption(
  profile: EncodedProfile,
  names: readonly string[],
): Record<string, Rational> {
  const { table } = profile;
  const sums = new ExactSums(names.length, table.groups.units);
  for (let e = 0; e < table.size; e++)
    sums.add(table.items[table.start[e]], table.group[e], table.count[e]);
  return Object.fromEntries(names.map((name, i) => [name, sums.total(i)]));
}

/** Support must be positive, then exceed the line (more_than) or reach it (at_least). */
function meets(threshold: Threshold, support: Rational, base: Rational): boolean {
  const line = threshold.ratio.mul(base);
  return (
    support.sign() > 0 &&
    (threshold.comparison === 'more_than' ? support.gt(line) : support.gte(line))
  );
}

function validateThreshold({ ratio, comparison, base }: Threshold): void {
  if (!(ratio instanceof Rational) || ratio.sign() < 0 || ratio.gt(Rational.ONE)) {
    throw new TallyInputError(
      'INVALID_THRESHOLD',
      'A threshold ratio is a Rational between 0 and 1',
    );
  }
  if (comparison !== 'more_than' && comparison !== 'at_least') {
    throw new TallyInputError('INVALID_THRESHOLD', `Unknown threshold comparison "${comparison}"`);
  }
  if (base !== 'cast' && base !== 'present' && base !== 'eligible') {
    throw new TallyInputError('INVALID_THRESHOLD', `Unknown threshold base "${base}"`);
  }
}

function measureThreshold(
  threshold: Threshold,
  baseVotes: Rational,
  option: string | null,
  support: Rational,
  whole: boolean,
): ThresholdCheck {
  const line = threshold.ratio.mul(baseVotes);
  // The fewest whole votes that pass: just above the line, or on it; never zero.
  const fewest = threshold.comparison === 'more_than' ? line.floor() + 1n : line.ceil();
  return {
    ...threshold,
    baseVotes,
    line,
    needed: whole ? Rational.of(fewest > 1n ? fewest : 1n) : null,
    option,
    support,
    met: meets(threshold, support, baseVotes),
  };
}

function baseVotes(spec: ChoiceSpec, cast: Rational): Rational {
  if (spec.threshold.base === 'cast') return cast;
  return required(spec.turnout, spec.threshold.base);
}

function checkQuorum(spec: ChoiceSpec, received: Rational): QuorumCheck | null {
  const quorum = spec.quorum ?? { kind: 'none' };
  if (quorum.kind === 'none') return null;
  const participating =
    spec.turnout?.participating === undefined ? received : toRational(spec.turnout.participating);
  const requiredVotes =
    quorum.kind === 'ratio'
      ? quorum.ratio.mul(required(spec.turnout, 'eligible'))
      : toRational(quorum.count);
  return {
    kind: quorum.kind,
    required: requiredVotes,
    participating,
    met: participating.gte(requiredVotes),
  };
}

function required(turnout: Turnout | undefined, field: 'eligible' | 'present'): Rational {
  const value: Weight | undefined = turnout?.[field];
  if (value === undefined)
    throw new TallyInputError('MISSING_TURNOUT', `The count needs turnout.${field}`);
  return toRational(value);
}

/** Whole votes when every weight (ballots and turnout) is a whole number: then "needed" is a count of votes. */
function wholeVotes(profile: EncodedProfile, turnout: Turnout | undefined): boolean {
  const values = [profile.total, ...Object.values(turnout ?? {}).map(toRational)];
  return (
    profile.table.groups.units.every((unit) => unit.isInteger()) &&
    values.every((value) => value.isInteger())
  );
}
