import { useState } from 'react';
import { useQuery } from 'urql';
import { SelectField } from '../components/select-field';
import { TextField } from '../components/text-field';
import { localizedName } from '../format/names';
import { graphql } from '../gql';
import type {
  CharterInForceQuery,
  DecidingBody,
  DecisionType,
  Secrecy,
  ThresholdBase,
} from '../gql/graphql';
import { useLocale, useT } from '../i18n/locale';
import {
  CharterChangeDraft,
  RULE_NUMBER_FIELDS,
  RuleDraft,
  ruleDraft,
  SETTING_FIELDS,
} from './charter-change-draft';

const CharterInForceDocument = graphql(`
  query CharterInForce {
    councils {
      code
      nameFr
      nameEn
    }
    charter {
      assemblyQuorum {
        numerator
        denominator
      }
      proxyLimitPerHolder
      initiativeCosignatures
      initiativeSupportDays
      referendumPetitionCosignatures
      rules {
        decisionType
        decidingBody
        consultedCouncils
        threshold {
          numerator
          denominator
        }
        thresholdBase
        secrecy
        collegeWeighting
        minNoticeDays
        minConsultationDays
        minDeliberationDays
        minVotingDays
      }
    }
  }
`);

type Charter = CharterInForceQuery['charter'];
type Rule = Charter['rules'][number];
type Council = CharterInForceQuery['councils'][number];

const DECIDING_BODIES: DecidingBody[] = ['GeneralAssembly', 'AllMembers', 'Board', 'Council'];
const THRESHOLD_BASES: ThresholdBase[] = ['Cast', 'Present', 'Eligible'];
const SECRECIES: Secrecy[] = ['Secret', 'Named'];

/** A value in force as the field shows it, greyed: a fraction as n/d, as it is typed. */
const shown = (value: number | { numerator: number; denominator: number } | undefined) =>
  value === undefined
    ? undefined
    : typeof value === 'number'
      ? String(value)
      : `${value.numerator}/${value.denominator}`;

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
  const [{ data }] = useQuery({ query: CharterInForceDocument });
  const [adding, setAdding] = useState<DecisionType | ''>('');
  const charter = data?.charter;
  const chosen = new Set(draft.rules.map((rule) => rule.decisionType));
  const addable = (charter?.rules ?? []).filter((rule) => !chosen.has(rule.decisionType));

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
              inputMode={field.fraction ? 'text' : 'numeric'}
              maxLength={field.fraction ? 9 : 7}
              placeholder={charter && shown(charter[field.key] ?? undefined)}
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
  const consulted = inForce?.consultedCouncils ?? [];
  const weighting = inForce && t(inForce.collegeWeighting ? 'common.yes' : 'common.no');

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
          id={`${id}-secrecy`}
          label={t('charter.secrecy')}
          placeholder={unchanged(inForce && t(`secrecy.${inForce.secrecy}`))}
          value={rule.secrecy}
          onChange={(secrecy) => onChange({ ...rule, secrecy })}
          options={SECRECIES.map((secrecy) => ({ value: secrecy, label: t(`secrecy.${secrecy}`) }))}
        />
        <SelectField
          id={`${id}-weighting`}
          label={t('charter.weighting')}
          placeholder={unchanged(weighting)}
          value={rule.collegeWeighting}
          onChange={(collegeWeighting) => onChange({ ...rule, collegeWeighting })}
          options={[
            { value: 'yes', label: t('common.yes') },
            { value: 'no', label: t('common.no') },
          ]}
        />
      </div>
      <div className="form-row">
        {RULE_NUMBER_FIELDS.map((field) => (
          <TextField
            key={field.key}
            id={`${id}-${field.key}`}
            label={t(field.label)}
            inputMode={field.fraction ? 'text' : 'numeric'}
            maxLength={9}
            placeholder={inForce && shown(inForce[field.key])}
            value={rule.numbers[field.key] ?? ''}
            onChange={(event) =>
              onChange({ ...rule, numbers: { ...rule.numbers, [field.key]: event.target.value } })
            }
          />
        ))}
      </div>
      <div className="checkbox">
        <input
          id={`${id}-councils`}
          type="checkbox"
          checked={rule.consultedCouncils !== null}
          onChange={(event) =>
            onChange({ ...rule, consultedCouncils: event.target.checked ? [...consulted] : null })
          }
        />
        <label htmlFor={`${id}-councils`}>
          {t('charterChangeForm.changeCouncils', {
            current: consulted.map(councilName).join(', ') || t('common.none'),
          })}
        </label>
      </div>
      {rule.consultedCouncils && (
        <fieldset>
          <legend>{t('charter.consulted')}</legend>
          <div className="checkbox-grid">
            {councils.map((council) => {
              const checked = rule.consultedCouncils?.includes(council.code) ?? false;
              return (
                <div className="checkbox" key={council.code}>
                  <input
                    id={`${id}-council-${council.code}`}
                    type="checkbox"
                    checked={checked}
                    onChange={() =>
                      onChange({
                        ...rule,
                        consultedCouncils: checked
                          ? (rule.consultedCouncils ?? []).filter((code) => code !== council.code)
                          : [...(rule.consultedCouncils ?? []), council.code],
                      })
                    }
                  />
                  <label htmlFor={`${id}-council-${council.code}`}>
                    {localizedName(council, locale)}
                  </label>
                </div>
              );
            })}
          </div>
        </fieldset>
      )}
      <button type="button" className="button-link" onClick={onRemove}>
        {t('charterChangeForm.remove', { rule: name })}
      </button>
    </fieldset>
  );
}
