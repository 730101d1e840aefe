import { DecisionType, QuorumKind, VoteMethod } from './charter.enums';
import { CharterErrors } from './charter.errors';
import { DECISION_TYPE_LABELS, VOTE_METHOD_LABELS } from './charter.labels';
import type { CharterSettings, RuleSettings } from './charter.service';
import { competingOptionsMethodsFor, voteMethodsFor } from './decision-methods';
import { CharterChangeInput, QuorumInput, RationalInput } from './dto/charter-change.input';

/**
 * What a deed amendment changes in the charter, as stored with the proposal
 * and handed to CharterService.adoptNextVersion when it is adopted: the
 * settings and rule fields it sets; everything else stays as it is then.
 */
export interface CharterChange {
  settings?: Partial<CharterSettings>;
  rules?: Partial<Record<DecisionType, Partial<RuleSettings>>>;
}

/** The fields an input sets: GraphQL leaves the others undefined, or null when sent as null. */
const given = <T>(fields: object): Partial<T> =>
  Object.fromEntries(
    Object.entries(fields).filter(([, value]) => value !== undefined && value !== null),
  ) as Partial<T>;

const invalid = (fr: string, en: string) =>
  CharterErrors.CHARTER_CHANGE_INVALID({ detail: { fr, en } });

/** A rule named as members read it: « Résolution ordinaire », not `ordinary_resolution`. */
const ruleOf = (decisionType: DecisionType) => {
  const { fr, en } = DECISION_TYPE_LABELS[decisionType];
  return { fr: `la règle « ${fr} »`, en: `the “${en}” rule` };
};

/** A fraction a threshold can be: more than nothing, at most everyone. */
function threshold(
  value: RationalInput,
): Pick<RuleSettings, 'thresholdNumerator' | 'thresholdDenominator'> {
  if (value.numerator === 0 || value.numerator > value.denominator) {
    throw invalid(
      `le seuil ${value.numerator}/${value.denominator} doit être plus grand que 0 et au plus 1`,
      `the threshold ${value.numerator}/${value.denominator} must be above 0 and at most 1`,
    );
  }
  return { thresholdNumerator: value.numerator, thresholdDenominator: value.denominator };
}

/** A quorum as the rule stores it: none, a count of voters, or a fraction of the eligible of at most 1. */
function quorum(
  value: QuorumInput,
): Pick<RuleSettings, 'quorumKind' | 'quorumNumerator' | 'quorumDenominator'> {
  const { kind, numerator, denominator } = value;
  if (kind === QuorumKind.None)
    return { quorumKind: kind, quorumNumerator: 0, quorumDenominator: 1 };
  if (kind === QuorumKind.Count && numerator > 0)
    return { quorumKind: kind, quorumNumerator: numerator, quorumDenominator: 1 };
  if (kind === QuorumKind.Ratio && numerator > 0 && numerator <= denominator)
    return { quorumKind: kind, quorumNumerator: numerator, quorumDenominator: denominator };
  throw invalid(
    `le quorum ${numerator}/${denominator} doit être plus grand que 0, et au plus 1 pour une fraction`,
    `the quorum ${numerator}/${denominator} must be above 0, and at most 1 as a fraction`,
  );
}

/** A method among those that fit, or CHARTER_CHANGE_INVALID naming the rule and the methods that fit. */
function fitting(
  method: VoteMethod,
  fits: readonly VoteMethod[],
  rule: { fr: string; en: string },
): VoteMethod {
  if (fits.includes(method)) return method;
  if (fits.length === 0) {
    throw invalid(
      `${rule.fr} ne connaît pas de propositions concurrentes`,
      `${rule.en} has no competing proposals`,
    );
  }
  const label = VOTE_METHOD_LABELS[method];
  const names = (locale: 'fr' | 'en') =>
    new Intl.ListFormat(locale, { type: 'disjunction' }).format(
      fits.map((m) => VOTE_METHOD_LABELS[m][locale]),
    );
  throw invalid(
    `« ${label.fr} » ne convient pas à ${rule.fr}, seulement ${names('fr')}`,
    `“${label.en}” does not fit ${rule.en}, only ${names('en')}`,
  );
}

/** The change an amendment's input describes, checked; throws CHARTER_CHANGE_INVALID. */
export function charterChangeOf(input: CharterChangeInput): CharterChange {
  const change: CharterChange = {};
  const { assemblyQuorum, volunteerHourRate, ...settings } = input.settings ?? {};
  const setSettings = given<CharterSettings>(settings);
  if (volunteerHourRate != null) setSettings.volunteerHourRateCents = volunteerHourRate;
  if (assemblyQuorum) {
    if (assemblyQuorum.numerator > assemblyQuorum.denominator) {
      throw invalid(
        'le quorum d’assemblée doit être au plus 1',
        'the assembly quorum must be at most 1',
      );
    }
    setSettings.assemblyQuorumNumerator = assemblyQuorum.numerator;
    setSettings.assemblyQuorumDenominator = assemblyQuorum.denominator;
  }
  if (Object.keys(setSettings).length > 0) change.settings = setSettings;

  for (const ruleInput of input.rules ?? []) {
    const {
      decisionType,
      threshold: fraction,
      quorum: quorumInput,
      voteMethod,
      competingOptionsMethod,
      ...fields
    } = ruleInput;
    const rule = ruleOf(decisionType);
    if (change.rules?.[decisionType]) {
      throw invalid(`${rule.fr} est modifiée deux fois`, `${rule.en} is changed twice`);
    }
    const set = given<RuleSettings>(fields);
    if (fraction) Object.assign(set, threshold(fraction));
    if (quorumInput) Object.assign(set, quorum(quorumInput));
    if (voteMethod) set.voteMethod = fitting(voteMethod, voteMethodsFor(decisionType), rule);
    // Null is a change too: competing options are no longer allowed.
    if (competingOptionsMethod !== undefined) {
      set.competingOptionsMethod =
        competingOptionsMethod &&
        fitting(competingOptionsMethod, competingOptionsMethodsFor(decisionType), rule);
    }
    if (Object.keys(set).length === 0) {
      throw invalid(`${rule.fr} ne change en rien`, `nothing changes in ${rule.en}`);
    }
    change.rules = { ...change.rules, [decisionType]: set };
  }
  if (!change.settings && !change.rules) {
    throw invalid(
      'la modification ne change rien à la charte',
      'the change leaves the charter as it is',
    );
  }
  return change;
}

/** The codes of the councils a change would have the charter consult. */
export function councilsNamedBy(change: CharterChange): string[] {
  const codes = Object.values(change.rules ?? {}).flatMap((rule) => rule?.consultedCouncils ?? []);
  return [...new Set(codes)];
}
