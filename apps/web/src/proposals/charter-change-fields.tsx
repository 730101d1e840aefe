import { useState } from 'react';
import { useQuery } from 'urql';
import { SelectField } from '../components/select-field';
import { TextField } from '../components/text-field';
import { centsToInput } from '../format/money-input';
import { localizedName } from '../format/names';
import type {
  Audience,
  CharterQuery,
  DecidingBody,
  DecisionType,
  QuorumKind,
  Secrecy,
  ThresholdBase,
  ThresholdComparison,
} from '../gql/graphql';
import { useLocale, useT } from '../i18n/locale';
import { CharterQueryDocument } from '../pages/charter-page';
import {
  CharterChangeDraft,
  RULE_NUMBER_FIELDS,
  RuleDraft,
  ruleDraft,
  SETTING_FIELDS,
} from './charter-change-draft';

type Charter = CharterQuery['charter'];
type Rule = Charter['rules'][number];
type Council = CharterQuery['councils'][number];
type Fraction = { numerator: number; denominator: number };

const DECIDING_BODIES: DecidingBody[] = ['GeneralAssembly', 'AllMembers', 'Board', 'Council'];
const COMPARISONS: ThresholdComparison[] = ['MoreThan', 'AtLeast'];
const THRESHOLD_BASES: ThresholdBase[] = ['Cast', 'Present', 'Eligible'];
const QUORUM_KINDS: QuorumKind[] = ['None', 'Count', 'Ratio'];
const SECRECIES: Secrecy[] = ['Secret', 'Named'];
const AUDIENCES: Audience[] = [
  'AllMembers',
  'Board',
  'ConsultedCouncils',
  'Electorate',
  'Author',
  'Public',
];

/** A fraction in force as it is typed: n/d. */
const typed = (value: Fraction) => `${value.numerator}/${value.denominator}`;

/** A number field: a numeric keypad for whole numbers only (fractions need "/", amounts a mark). */
const inputMode = (field: object) => ('min' in field ? 'numeric' : 'text');

/**
 * What a deed amendment changes in the charter, as the secretary or a member
 * drafts it: the general settings, and per kind of decision the rule fields
 * that change. Empty fields leave the charter as it is; the values in force
 * are shown greyed in them.
 */
export function CharterChangeFields({
  draft,
  onChange,
}: {
  draft: CharterChangeDraft;
  onChange(draft: CharterChangeDraft): void;
}) {
  const t = useT();
  const { locale } = useLocale();
  const [{ data }] = useQuery({ query: CharterQueryDocument });
  const [adding, setAdding] = useState<DecisionType | ''>('');
  const charter = data?.charter;
  const chosen = new Set(draft.rules.map((rule) => rule.decisionType));
  const addable = (charter?.rules ?? []).filter((rule) => !chosen.has(rule.decisionType));
  const inForce: Partial<Record<(typeof SETTING_FIELDS)[number]['key'], string>> = charter
    ? {
        assemblyQuorum: typed(charter.assemblyQuorum),
        proxyLimitPerHolder: String(charter.proxyLimitPerHolder),
        initiativeCosignatures: String(charter.initiativeCosignatures),
        initiativeSupportDays: String(charter.initiativeSupportDays),
        referendumPetitionCosignatures: String(charter.referendumPetitionCosignatures),
        volunteerHourRate: centsToInput(charter.volunteerHourRate, locale),
      }
    : {};

  const setRule = (at: number, rule: RuleDraft | null) =>
    onChange({
      ...draft,
      rules: rule
        ? draft.rules.map((current, i) => (i === at ? rule : current))
        : draft.rules.filter((_, i) => i !== at),
    });

  return (
    <fieldset className="stack">
      <legend>{t('charterChange.title')}</legend>
      <p className="hint">{t('charterChangeForm.help')}</p>
      <fieldset>
        <legend>{t('charter.general')}</legend>
        <div className="form-row">
          {SETTING_FIELDS.map((field) => (
            <TextField
              key={field.key}
              id={`charter-change-${field.key}`}
              label={t(field.label)}
              inputMode={inputMode(field)}
              maxLength={12}
              placeholder={inForce[field.key]}
              value={draft.settings[field.key] ?? ''}
              onChange={(event) =>
                onChange({
                  ...draft,
                  settings: { ...draft.settings, [field.key]: event.target.value },
                })
              }
            />
          ))}
        </div>
      </fieldset>
      {draft.rules.map((rule, at) => (
        <RuleChangeFields
          key={rule.decisionType}
          rule={rule}
          inForce={charter?.rules.find((r) => r.decisionType === rule.decisionType)}
          councils={data?.councils ?? []}
          onChange={(changed) => setRule(at, changed)}
          onRemove={() => setRule(at, null)}
        />
      ))}
      {addable.length > 0 && (
        <div className="form-row">
          <SelectField
            id="charter-change-add"
            label={t('charterChangeForm.addRule')}
            placeholder={t('charterChangeForm.choose')}
            value={adding}
            onChange={setAdding}
            options={addable.map((rule) => ({
              value: rule.decisionType,
              label: t(`decisionType.${rule.decisionType}`),
            }))}
          />
          <button
            type="button"
            className="button-secondary"
            disabled={!adding}
            onClick={() => {
              if (!adding) return;
              onChange({ ...draft, rules: [...draft.rules, ruleDraft(adding)] });
              setAdding('');
            }}
          >
            {t('charterChangeForm.add')}
          </button>
        </div>
      )}
    </fieldset>
  );
}

function RuleChangeFields({
  rule,
  inForce,
  councils,
  onChange,
  onRemove,
}: {
  rule: RuleDraft;
  inForce: Rule | undefined;
  councils: readonly Council[];
  onChange(rule: RuleDraft): void;
  onRemove(): void;
}) {
  const t = useT();
  const { locale } = useLocale();
  const id = `charter-change-${rule.decisionType}`;
  const name = t(`decisionType.${rule.decisionType}`);
  /** "Unchanged (now: …)": the first option of each list, which leaves the rule's value. */
  const unchanged = (current: string | undefined) =>
    t('charterChangeForm.unchanged', { current: current ?? '—' });
  const councilName = (code: string) => {
    const council = councils.find((c) => c.code === code);
    return council ? localizedName(council, locale) : code;
  };
  const quorum = inForce?.quorum;
  const quorumInForce =
    quorum?.kind === 'Count' ? String(quorum.count) : quorum?.ratio ? typed(quorum.ratio) : '';
  const numbersInForce: Partial<Record<string, string>> = inForce
    ? {
        threshold: typed(inForce.threshold),
        minNoticeDays: String(inForce.minNoticeDays),
        minConsultationDays: String(inForce.minConsultationDays),
        minDeliberationDays: String(inForce.minDeliberationDays),
        minVotingDays: String(inForce.minVotingDays),
      }
    : {};

  return (
    <fieldset className="stack">
      <legend>{name}</legend>
      <div className="form-row">
        <SelectField
          id={`${id}-decides`}
          label={t('charter.decides')}
          placeholder={unchanged(inForce && t(`decidingBody.${inForce.decidingBody}`))}
          value={rule.decidingBody}
          onChange={(decidingBody) => onChange({ ...rule, decidingBody })}
          options={DECIDING_BODIES.map((body) => ({
            value: body,
            label: t(`decidingBody.${body}`),
          }))}
        />
        <SelectField
          id={`${id}-secrecy`}
          label={t('charter.secrecy')}
          placeholder={unchanged(inForce && t(`secrecy.${inForce.secrecy}`))}
          value={rule.secrecy}
          onChange={(secrecy) => onChange({ ...rule, secrecy })}
          options={SECRECIES.map((secrecy) => ({ value: secrecy, label: t(`secrecy.${secrecy}`) }))}
        />
        {/* Only where more than one method fits the decision's ballots (trustee elections). */}
        {(inForce?.allowedVoteMethods.length ?? 0) > 1 && (
          <SelectField
            id={`${id}-method`}
            label={t('charter.method')}
            placeholder={unchanged(inForce && t(`voteMethod.${inForce.voteMethod}`))}
            value={rule.voteMethod}
            onChange={(voteMethod) => onChange({ ...rule, voteMethod })}
            options={(inForce?.allowedVoteMethods ?? []).map((method) => ({
              value: method,
              label: t(`voteMethod.${method}`),
            }))}
          />
        )}
        {(inForce?.allowedCompetingOptionsMethods.length ?? 0) > 0 && (
          <SelectField
            id={`${id}-competing`}
            label={t('charter.competing')}
            placeholder={unchanged(
              inForce &&
                (inForce.competingOptionsMethod
                  ? t(`voteMethod.${inForce.competingOptionsMethod}`)
                  : t('charter.competingNone')),
            )}
            value={rule.competingOptionsMethod}
            onChange={(competingOptionsMethod) => onChange({ ...rule, competingOptionsMethod })}
            options={[
              { value: 'None' as const, label: t('charter.competingNone') },
              ...(inForce?.allowedCompetingOptionsMethods ?? []).map((method) => ({
                value: method,
                label: t(`voteMethod.${method}`),
              })),
            ]}
          />
        )}
        <SelectField
          id={`${id}-weighting`}
          label={t('charter.weighting')}
          placeholder={unchanged(
            inForce && t(inForce.collegeWeighting ? 'common.yes' : 'common.no'),
          )}
          value={rule.collegeWeighting}
          onChange={(collegeWeighting) => onChange({ ...rule, collegeWeighting })}
          options={[
            { value: 'yes', label: t('common.yes') },
            { value: 'no', label: t('common.no') },
          ]}
        />
      </div>
      <div className="form-row">
        <SelectField
          id={`${id}-comparison`}
          label={t('charterChangeForm.comparison')}
          placeholder={unchanged(
            inForce && t(`thresholdComparison.${inForce.thresholdComparison}`),
          )}
          value={rule.thresholdComparison}
          onChange={(thresholdComparison) => onChange({ ...rule, thresholdComparison })}
          options={COMPARISONS.map((comparison) => ({
            value: comparison,
            label: t(`thresholdComparison.${comparison}`),
          }))}
        />
        <SelectField
          id={`${id}-base`}
          label={t('charterChange.base')}
          placeholder={unchanged(inForce && t(`thresholdBase.${inForce.thresholdBase}`))}
          value={rule.thresholdBase}
          onChange={(thresholdBase) => onChange({ ...rule, thresholdBase })}
          options={THRESHOLD_BASES.map((base) => ({
            value: base,
            label: t(`thresholdBase.${base}`),
          }))}
        />
        <SelectField
          id={`${id}-quorum-kind`}
          label={t('charterChangeForm.quorumKind')}
          placeholder={unchanged(quorum && t(`quorumKind.${quorum.kind}`))}
          value={rule.quorumKind}
          onChange={(quorumKind) => onChange({ ...rule, quorumKind })}
          options={QUORUM_KINDS.map((kind) => ({ value: kind, label: t(`quorumKind.${kind}`) }))}
        />
        {(rule.quorumKind === 'Count' || rule.quorumKind === 'Ratio') && (
          <TextField
            id={`${id}-quorum`}
            label={t('charter.quorum')}
            inputMode={rule.quorumKind === 'Count' ? 'numeric' : 'text'}
            maxLength={9}
            placeholder={quorum?.kind === rule.quorumKind ? quorumInForce : undefined}
            value={rule.quorum}
            onChange={(event) => onChange({ ...rule, quorum: event.target.value })}
          />
        )}
      </div>
      <div className="form-row">
        {RULE_NUMBER_FIELDS.map((field) => (
          <TextField
            key={field.key}
            id={`${id}-${field.key}`}
            label={t(field.label)}
            inputMode={inputMode(field)}
            maxLength={9}
            placeholder={numbersInForce[field.key]}
            value={rule.numbers[field.key] ?? ''}
            onChange={(event) =>
              onChange({ ...rule, numbers: { ...rule.numbers, [field.key]: event.target.value } })
            }
          />
        ))}
      </div>
      <ReplacedList
        id={`${id}-councils`}
        toggle={t('charterChangeForm.changeCouncils', {
          current:
            (inForce?.consultedCouncils ?? []).map(councilName).join(', ') || t('common.none'),
        })}
        legend={t('charter.consulted')}
        inForce={inForce?.consultedCouncils ?? []}
        options={councils.map((council) => ({
          value: council.code,
          label: localizedName(council, locale),
        }))}
        value={rule.consultedCouncils}
        onChange={(consultedCouncils) => onChange({ ...rule, consultedCouncils })}
      />
      <ReplacedList
        id={`${id}-informed`}
        toggle={t('charterChangeForm.changeInformed', {
          current:
            (inForce?.informed ?? []).map((a) => t(`audience.${a}`)).join(', ') || t('common.none'),
        })}
        legend={t('charter.informed')}
        inForce={inForce?.informed ?? []}
        options={AUDIENCES.map((audience) => ({
          value: audience,
          label: t(`audience.${audience}`),
        }))}
        value={rule.informed}
        onChange={(informed) => onChange({ ...rule, informed })}
      />
      <button type="button" className="button-link" onClick={onRemove}>
        {t('charterChangeForm.remove', { rule: name })}
      </button>
    </fieldset>
  );
}

/**
 * A list the amendment replaces whole (councils consulted, those informed):
 * left alone until the box is ticked, then every choice, starting from the
 * list in force.
 */
function ReplacedList<V extends string>({
  id,
  toggle,
  legend,
  inForce,
  options,
  value,
  onChange,
}: {
  id: string;
  toggle: string;
  legend: string;
  inForce: readonly V[];
  options: readonly { value: V; label: string }[];
  value: V[] | null;
  onChange(value: V[] | null): void;
}) {
  return (
    <>
      <div className="checkbox">
        <input
          id={id}
          type="checkbox"
          checked={value !== null}
          onChange={(event) => onChange(event.target.checked ? [...inForce] : null)}
        />
        <label htmlFor={id}>{toggle}</label>
      </div>
      {value && (
        <fieldset>
          <legend>{legend}</legend>
          <div className="checkbox-grid">
            {options.map((option) => {
              const checked = value.includes(option.value);
              return (
                <div className="checkbox" key={option.value}>
                  <input
                    id={`${id}-${option.value}`}
                    type="checkbox"
                    checked={checked}
                    onChange={() =>
                      onChange(
                        checked
                          ? value.filter((v) => v !== option.value)
                          : [...value, option.value],
                      )
                    }
                  />
                  <label htmlFor={`${id}-${option.value}`}>{option.label}</label>
                </div>
              );
            })}
          </div>
        </fieldset>
      )}
    </>
  );
}
