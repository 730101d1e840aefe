import { parseMoney } from '../format/money-input';
import { fraction, wholeNumber } from '../format/number-input';
import type {
  Audience,
  CharterChangeInput,
  CharterSettingsChangeInput,
  DecidingBody,
  DecisionType,
  QuorumKind,
  RuleChangeInput,
  Secrecy,
  ThresholdBase,
  ThresholdComparison,
  VoteMethod,
} from '../gql/graphql';
import type { MessageId } from '../i18n/messages.fr-CA';

/** How a typed number is read: a fraction such as 2/3, an amount of money, or a whole number. */
type Reading =
  { fraction: true } | { money: true } | { min: number; max: number /* the API's bounds */ };

/** A number the secretary types, with its label. */
type NumberField<K extends string> = { key: K; label: MessageId } & Reading;

export const SETTING_FIELDS: NumberField<keyof CharterSettingsChangeInput>[] = [
  { key: 'assemblyQuorum', label: 'charter.assemblyQuorum', fraction: true },
  { key: 'proxyLimitPerHolder', label: 'charter.proxyLimit', min: 0, max: 10 },
  {
    key: 'initiativeCosignatures',
    label: 'charterChange.initiativeCosignatures',
    min: 1,
    max: 100_000,
  },
  { key: 'initiativeSupportDays', label: 'charterChange.initiativeSupportDays', min: 1, max: 365 },
  { key: 'referendumPetitionCosignatures', label: 'charter.petition', min: 1, max: 1_000_000 },
  { key: 'volunteerHourRate', label: 'charter.volunteerRate', money: true },
];

type RuleNumber =
  'threshold' | 'minNoticeDays' | 'minConsultationDays' | 'minDeliberationDays' | 'minVotingDays';

export const RULE_NUMBER_FIELDS: NumberField<RuleNumber>[] = [
  { key: 'threshold', label: 'charter.threshold', fraction: true },
  ...(
    ['minNoticeDays', 'minConsultationDays', 'minDeliberationDays', 'minVotingDays'] as const
  ).map((key) => ({ key, label: `charterChange.${key}` as const, min: 0, max: 365 })),
];

/** What the form holds for one rule: '' (or null for a list) leaves the charter's value. */
export interface RuleDraft {
  decisionType: DecisionType;
  decidingBody: DecidingBody | '';
  thresholdComparison: ThresholdComparison | '';
  thresholdBase: ThresholdBase | '';
  secrecy: Secrecy | '';
  collegeWeighting: '' | 'yes' | 'no';
  quorumKind: QuorumKind | '';
  /** A count of voters or a fraction of the eligible, as the quorum's kind says. */
  quorum: string;
  voteMethod: VoteMethod | '';
  /** 'None' withdraws competing options. */
  competingOptionsMethod: VoteMethod | 'None' | '';
  /** The whole new list of councils consulted, or null when it stays. */
  consultedCouncils: string[] | null;
  /** The whole new list of those informed, or null when it stays. */
  informed: Audience[] | null;
  numbers: Partial<Record<RuleNumber, string>>;
}

/** A deed amendment's changes as the form holds them: text as typed. */
export interface CharterChangeDraft {
  settings: Partial<Record<keyof CharterSettingsChangeInput, string>>;
  rules: RuleDraft[];
}

/** A stored enum value (`ordinary_resolution`) as the API's enum name (`OrdinaryResolution`). */
export const enumName = <T extends string>(value: unknown) =>
  String(value).replace(/(^|_)([a-z])/g, (_, __: string, letter: string) =>
    letter.toUpperCase(),
  ) as T;

/** A stored method (`irv`) as the API's enum name (`InstantRunoff`): not always its camel case. */
const VOTE_METHODS: Record<string, VoteMethod> = {
  choice: 'Choice',
  approval: 'Approval',
  irv: 'InstantRunoff',
  schulze: 'Schulze',
  ranked_pairs: 'RankedPairs',
  stv: 'SingleTransferableVote',
  majority_judgment: 'MajorityJudgment',
};
export const methodName = (stored: unknown): VoteMethod => VOTE_METHODS[String(stored)];

export const NO_CHARTER_CHANGE: CharterChangeDraft = { settings: {}, rules: [] };

export function ruleDraft(decisionType: DecisionType): RuleDraft {
  return {
    decisionType,
    decidingBody: '',
    thresholdComparison: '',
    thresholdBase: '',
    secrecy: '',
    collegeWeighting: '',
    quorumKind: '',
    quorum: '',
    voteMethod: '',
    competingOptionsMethod: '',
    consultedCouncils: null,
    informed: null,
    numbers: {},
  };
}

/**
 * The API's input for a draft: null when a deed amendment changes nothing in
 * the charter (only the deed's text), undefined when it is not a deed
 * amendment, or the label of the first field that cannot be read.
 * Whether the changes make sense (a threshold above 1, a rule changed in
 * nothing, a council that does not sit) is the API's to say, in the
 * member's language.
 */
export function charterChangeInput(
  draft: CharterChangeDraft,
  decisionType: DecisionType = 'CharterAmendment',
): { input: CharterChangeInput | null | undefined } | { unreadable: MessageId } {
  // Only a deed amendment changes the charter: what the form held for another kind stays unsent.
  if (decisionType !== 'CharterAmendment') return { input: undefined };
  const settings: Record<string, unknown> = {};
  for (const field of SETTING_FIELDS) {
    const value = read(field, draft.settings[field.key]);
    if (value === null) return { unreadable: field.label };
    if (value !== undefined) settings[field.key] = value;
  }
  const rules: RuleChangeInput[] = [];
  for (const rule of draft.rules) {
    const change: Record<string, unknown> = { decisionType: rule.decisionType };
    for (const field of RULE_NUMBER_FIELDS) {
      const value = read(field, rule.numbers[field.key]);
      if (value === null) return { unreadable: field.label };
      if (value !== undefined) change[field.key] = value;
    }
    if (rule.quorumKind) {
      const quorum = quorumOf(rule.quorumKind, rule.quorum);
      if (!quorum) return { unreadable: 'charter.quorum' };
      change.quorum = quorum;
    }
    const { decidingBody, thresholdComparison, thresholdBase, secrecy, collegeWeighting } = rule;
    const { voteMethod, competingOptionsMethod: competing } = rule;
    Object.assign(
      change,
      decidingBody && { decidingBody },
      voteMethod && { voteMethod },
      competing && { competingOptionsMethod: competing === 'None' ? null : competing },
      thresholdComparison && { thresholdComparison },
      thresholdBase && { thresholdBase },
      secrecy && { secrecy },
      collegeWeighting && { collegeWeighting: collegeWeighting === 'yes' },
      rule.consultedCouncils && { consultedCouncils: rule.consultedCouncils },
      rule.informed && { informed: rule.informed },
    );
    rules.push(change as RuleChangeInput);
  }
  const hasSettings = Object.keys(settings).length > 0;
  if (!hasSettings && rules.length === 0) return { input: null };
  return { input: { ...(hasSettings && { settings }), ...(rules.length > 0 && { rules }) } };
}

function read<K extends string>(field: NumberField<K>, text = '') {
  if ('fraction' in field) return fraction(text);
  if ('money' in field) return text.trim() === '' ? undefined : parseMoney(text);
  return wholeNumber(text, field.min, field.max);
}

/** A quorum of its kind: none, a count of voters (at least 1), or a fraction; null when unreadable. */
function quorumOf(kind: QuorumKind, text: string) {
  if (kind === 'None') return { kind, numerator: 0 };
  if (kind === 'Count') {
    const count = wholeNumber(text, 1, 10_000_000);
    return count ? { kind, numerator: count } : null;
  }
  const ratio = fraction(text);
  return ratio ? { kind, ...ratio } : null;
}

/** A draft's stored change (proposal.charterChange) as the form holds it, to edit it. */
export function draftOf(
  stored: Record<string, unknown> | null | undefined,
  /** Money shows as the treasurer types it: 35,00 in French, 35.00 in English. */
  decimalMark: ',' | '.' = ',',
): CharterChangeDraft {
  const text = (value: unknown) => (value == null ? undefined : String(value));
  const ratio = (numerator: unknown, denominator: unknown) =>
    numerator == null ? undefined : `${String(numerator)}/${String(denominator)}`;
  const money = (cents: unknown) =>
    cents == null ? undefined : (Number(cents) / 100).toFixed(2).replace('.', decimalMark);
  const settings = (stored?.settings ?? {}) as Record<string, unknown>;
  const rules = (stored?.rules ?? {}) as Record<string, Record<string, unknown>>;
  const named = <T extends string>(value: unknown) => (value ? enumName<T>(value) : '');
  return {
    settings: {
      assemblyQuorum: ratio(settings.assemblyQuorumNumerator, settings.assemblyQuorumDenominator),
      proxyLimitPerHolder: text(settings.proxyLimitPerHolder),
      initiativeCosignatures: text(settings.initiativeCosignatures),
      initiativeSupportDays: text(settings.initiativeSupportDays),
      referendumPetitionCosignatures: text(settings.referendumPetitionCosignatures),
      volunteerHourRate: money(settings.volunteerHourRateCents),
    },
    rules: Object.entries(rules).map(([decisionType, rule]) => {
      const quorumKind = named<QuorumKind>(rule.quorumKind);
      return {
        decisionType: enumName<DecisionType>(decisionType),
        decidingBody: named<DecidingBody>(rule.decidingBody),
        voteMethod: rule.voteMethod ? methodName(rule.voteMethod) : '',
        competingOptionsMethod:
          rule.competingOptionsMethod === undefined
            ? ''
            : rule.competingOptionsMethod === null
              ? 'None'
              : methodName(rule.competingOptionsMethod),
        thresholdComparison: named<ThresholdComparison>(rule.thresholdComparison),
        thresholdBase: named<ThresholdBase>(rule.thresholdBase),
        secrecy: named<Secrecy>(rule.secrecy),
        collegeWeighting: rule.collegeWeighting == null ? '' : rule.collegeWeighting ? 'yes' : 'no',
        quorumKind,
        quorum:
          quorumKind === 'Ratio'
            ? (ratio(rule.quorumNumerator, rule.quorumDenominator) ?? '')
            : quorumKind === 'Count'
              ? String(rule.quorumNumerator)
              : '',
        consultedCouncils: Array.isArray(rule.consultedCouncils)
          ? rule.consultedCouncils.map(String)
          : null,
        informed: Array.isArray(rule.informed)
          ? rule.informed.map((audience) => enumName<Audience>(audience))
          : null,
        numbers: {
          threshold: ratio(rule.thresholdNumerator, rule.thresholdDenominator),
          minNoticeDays: text(rule.minNoticeDays),
          minConsultationDays: text(rule.minConsultationDays),
          minDeliberationDays: text(rule.minDeliberationDays),
          minVotingDays: text(rule.minVotingDays),
        },
      };
    }),
  };
}
