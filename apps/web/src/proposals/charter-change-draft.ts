import { fraction, wholeNumber } from '../format/number-input';
import type {
  CharterChangeInput,
  CharterSettingsChangeInput,
  DecidingBody,
  DecisionType,
  RuleChangeInput,
  Secrecy,
  ThresholdBase,
} from '../gql/graphql';
import type { MessageId } from '../i18n/messages.fr-CA';

/** A number the secretary types: its label, and a fraction or a whole number within bounds. */
interface NumberField<K extends string> {
  key: K;
  label: MessageId;
  /** A fraction such as 2/3; otherwise a whole number from min to max (the API's bounds). */
  fraction?: true;
  min?: number;
  max?: number;
}

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
];

type RuleNumber =
  'threshold' | 'minNoticeDays' | 'minConsultationDays' | 'minDeliberationDays' | 'minVotingDays';

export const RULE_NUMBER_FIELDS: NumberField<RuleNumber>[] = [
  { key: 'threshold', label: 'charter.threshold', fraction: true },
  ...(
    ['minNoticeDays', 'minConsultationDays', 'minDeliberationDays', 'minVotingDays'] as const
  ).map((key) => ({ key, label: `charterChange.${key}` as const, min: 0, max: 365 })),
];

/** What the form holds for one rule: '' (or null for the councils) leaves the charter's value. */
export interface RuleDraft {
  decisionType: DecisionType;
  decidingBody: DecidingBody | '';
  thresholdBase: ThresholdBase | '';
  secrecy: Secrecy | '';
  collegeWeighting: '' | 'yes' | 'no';
  /** The whole new list of councils consulted, or null when it stays. */
  consultedCouncils: string[] | null;
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

export const NO_CHARTER_CHANGE: CharterChangeDraft = { settings: {}, rules: [] };

export function ruleDraft(decisionType: DecisionType): RuleDraft {
  const blank = { decidingBody: '', thresholdBase: '', secrecy: '', collegeWeighting: '' } as const;
  return { decisionType, ...blank, consultedCouncils: null, numbers: {} };
}

/**
 * The API's input for a draft: undefined when it changes nothing (or is not
 * a deed amendment), or the
 * label of the first field that cannot be read. Whether the changes make
 * sense (a threshold above 1, a rule changed in nothing, a council that
 * does not sit) is the API's to say, in the member's language.
 */
export function charterChangeInput(
  draft: CharterChangeDraft,
  decisionType: DecisionType = 'CharterAmendment',
): { input: CharterChangeInput | undefined } | { unreadable: MessageId } {
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
    if (rule.decidingBody) change.decidingBody = rule.decidingBody;
    if (rule.thresholdBase) change.thresholdBase = rule.thresholdBase;
    if (rule.secrecy) change.secrecy = rule.secrecy;
    if (rule.collegeWeighting) change.collegeWeighting = rule.collegeWeighting === 'yes';
    if (rule.consultedCouncils) change.consultedCouncils = rule.consultedCouncils;
    rules.push(change as RuleChangeInput);
  }
  const hasSettings = Object.keys(settings).length > 0;
  if (!hasSettings && rules.length === 0) return { input: undefined };
  return { input: { ...(hasSettings && { settings }), ...(rules.length > 0 && { rules }) } };
}

function read<K extends string>(field: NumberField<K>, text = '') {
  return field.fraction ? fraction(text) : wholeNumber(text, field.min ?? 0, field.max ?? 0);
}

/** A draft's stored change (proposal.charterChange) as the form holds it, to edit it. */
export function draftOf(stored: Record<string, unknown> | null | undefined): CharterChangeDraft {
  const text = (value: unknown) => (value == null ? undefined : String(value));
  const ratio = (numerator: unknown, denominator: unknown) =>
    numerator == null ? undefined : `${String(numerator)}/${String(denominator)}`;
  const settings = (stored?.settings ?? {}) as Record<string, unknown>;
  const rules = (stored?.rules ?? {}) as Record<string, Record<string, unknown>>;
  return {
    settings: {
      assemblyQuorum: ratio(settings.assemblyQuorumNumerator, settings.assemblyQuorumDenominator),
      proxyLimitPerHolder: text(settings.proxyLimitPerHolder),
      initiativeCosignatures: text(settings.initiativeCosignatures),
      initiativeSupportDays: text(settings.initiativeSupportDays),
      referendumPetitionCosignatures: text(settings.referendumPetitionCosignatures),
    },
    rules: Object.entries(rules).map(([decisionType, rule]) => ({
      decisionType: enumName<DecisionType>(decisionType),
      decidingBody: rule.decidingBody ? enumName<DecidingBody>(rule.decidingBody) : '',
      thresholdBase: rule.thresholdBase ? enumName<ThresholdBase>(rule.thresholdBase) : '',
      secrecy: rule.secrecy ? enumName<Secrecy>(rule.secrecy) : '',
      collegeWeighting: rule.collegeWeighting == null ? '' : rule.collegeWeighting ? 'yes' : 'no',
      consultedCouncils: Array.isArray(rule.consultedCouncils)
        ? rule.consultedCouncils.map(String)
        : null,
      numbers: {
        threshold: ratio(rule.thresholdNumerator, rule.thresholdDenominator),
        minNoticeDays: text(rule.minNoticeDays),
        minConsultationDays: text(rule.minConsultationDays),
        minDeliberationDays: text(rule.minDeliberationDays),
        minVotingDays: text(rule.minVotingDays),
      },
    })),
  };
}
