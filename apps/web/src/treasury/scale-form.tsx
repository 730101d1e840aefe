import { FormEvent, useState } from 'react';
import { ErrorAlert } from '../components/feedback';
import { SelectField } from '../components/select-field';
import { TextField } from '../components/text-field';
import { centsToInput, parseMoney } from '../format/money-input';
import type {
  ContributionScaleInput,
  OrganisationCategory,
  ProrationRule,
  SizeBand,
} from '../gql/graphql';
import { useLocale, useT } from '../i18n/locale';
import { CATEGORIES, parseYear, PRORATION_RULES, SIZE_BANDS } from './enums';

export interface ScaleFormValues {
  name: string;
  fiscalYear: number;
  fiscalYearStartsOn: string;
  dueOn: string;
  campaignTargetCents: number;
  individualDuesCents?: number | null;
  prorationRule: ProrationRule;
  tiers: { organisationCategory: OrganisationCategory; sizeBand: SizeBand; amountCents: number }[];
}

const tierKey = (category: string, band: string) => `${category}.${band}`;

/**
 * A scale's content: dates, target, dues and the grid of tiers (category ×
 * size band). An empty cell is no tier; amounts are typed as the reader
 * writes money and sent as integer cents.
 */
export function ScaleForm({
  initial,
  submitLabel,
  pending,
  error,
  onSubmit,
}: {
  initial?: ScaleFormValues;
  submitLabel: string;
  pending: boolean;
  error?: Parameters<typeof ErrorAlert>[0]['error'];
  onSubmit(values: ContributionScaleInput): void;
}) {
  const t = useT();
  const { locale } = useLocale();
  const money = (cents: number | null | undefined) =>
    cents == null ? '' : centsToInput(cents, locale);
  const [name, setName] = useState(initial?.name ?? '');
  const [fiscalYear, setFiscalYear] = useState(String(initial?.fiscalYear ?? ''));
  const [startsOn, setStartsOn] = useState(initial?.fiscalYearStartsOn ?? '');
  const [dueOn, setDueOn] = useState(initial?.dueOn ?? '');
  const [target, setTarget] = useState(money(initial?.campaignTargetCents));
  const [dues, setDues] = useState(money(initial?.individualDuesCents));
  const [proration, setProration] = useState<ProrationRule>(
    initial?.prorationRule ?? 'RemainingMonths',
  );
  const [tiers, setTiers] = useState<Record<string, string>>(() =>
    Object.fromEntries(
      (initial?.tiers ?? []).map((tier) => [
        tierKey(tier.organisationCategory, tier.sizeBand),
        money(tier.amountCents),
      ]),
    ),
  );
  const [problem, setProblem] = useState<string | null>(null);

  function submit(event: FormEvent) {
    event.preventDefault();
    const targetCents = parseMoney(target);
    const duesCents = dues.trim() === '' ? null : parseMoney(dues);
    const tierInputs = CATEGORIES.flatMap((category) =>
      SIZE_BANDS.flatMap((band) => {
        const text = tiers[tierKey(category, band)]?.trim() ?? '';
        if (text === '') return [];
        return [{ organisationCategory: category, sizeBand: band, amountCents: parseMoney(text) }];
      }),
    );
    const badTier = tierInputs.find((tier) => tier.amountCents === null);
    const year = parseYear(fiscalYear);
    if (name.trim() === '' || year === null || !dueOn) {
      setProblem(t('scale.missing'));
      return;
    }
    if (targetCents === null || (dues.trim() !== '' && duesCents === null) || badTier) {
      setProblem(t('scale.badAmount'));
      return;
    }
    if (tierInputs.length === 0) {
      setProblem(t('scale.noTiers'));
      return;
    }
    setProblem(null);
    onSubmit({
      name: name.trim(),
      fiscalYear: year,
      fiscalYearStartsOn: startsOn || undefined,
      dueOn,
      campaignTargetCents: targetCents,
      individualDuesCents: duesCents,
      prorationRule: proration,
      tiers: tierInputs.map((tier) => ({ ...tier, amountCents: tier.amountCents ?? 0 })),
    });
  }

  return (
    <form onSubmit={submit} className="stack" noValidate>
      <ErrorAlert error={problem ?? error} />
      <TextField
        id="scale-name"
        label={t('scale.name')}
        maxLength={200}
        required
        value={name}
        onChange={(event) => setName(event.target.value)}
      />
      <div className="form-row">
        <TextField
          id="scale-year"
          label={t('scale.fiscalYear')}
          inputMode="numeric"
          maxLength={4}
          required
          value={fiscalYear}
          onChange={(event) => setFiscalYear(event.target.value)}
        />
        <TextField
          id="scale-starts"
          label={t('scale.startsOn')}
          type="date"
          value={startsOn}
          onChange={(event) => setStartsOn(event.target.value)}
        />
        <TextField
          id="scale-due"
          label={t('scale.dueOn')}
          type="date"
          required
          value={dueOn}
          onChange={(event) => setDueOn(event.target.value)}
        />
      </div>
      <div className="form-row">
        <TextField
          id="scale-target"
          label={t('scale.target')}
          inputMode="decimal"
          required
          value={target}
          onChange={(event) => setTarget(event.target.value)}
        />
        <TextField
          id="scale-dues"
          label={t('scale.dues')}
          inputMode="decimal"
          value={dues}
          onChange={(event) => setDues(event.target.value)}
        />
        <SelectField
          id="scale-proration"
          label={t('scale.proration')}
          value={proration}
          onChange={setProration}
          options={PRORATION_RULES.map((value) => ({ value, label: t(`proration.${value}`) }))}
        />
      </div>
      <fieldset>
        <legend>{t('scale.tiers')}</legend>
        <p className="hint">{t('scale.tiersHelp')}</p>
        <div className="table-scroll" tabIndex={0} role="region" aria-label={t('scale.tiers')}>
          <table className="tier-grid">
            <thead>
              <tr>
                <th scope="col">{t('scale.category')}</th>
                {SIZE_BANDS.map((band) => (
                  <th scope="col" key={band}>
                    {t(`sizeBand.${band}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {CATEGORIES.map((category) => (
                <tr key={category}>
                  <th scope="row">{t(`organisationCategory.${category}`)}</th>
                  {SIZE_BANDS.map((band) => {
                    const key = tierKey(category, band);
                    return (
                      <td key={band}>
                        <input
                          aria-label={t('scale.tierLabel', {
                            category: t(`organisationCategory.${category}`),
                            band: t(`sizeBand.${band}`),
                          })}
                          inputMode="decimal"
                          maxLength={16}
                          value={tiers[key] ?? ''}
                          onChange={(event) =>
                            setTiers((current) => ({ ...current, [key]: event.target.value }))
                          }
                        />
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </fieldset>
      <button type="submit" className="button-primary" disabled={pending}>
        {submitLabel}
      </button>
    </form>
  );
}
