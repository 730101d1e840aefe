import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { useSession } from '../api/session';
import { ErrorAlert, Loading } from '../components/feedback';
import { usePageTitle } from '../components/page-title';
import { TextField } from '../components/text-field';
import { formatDate, formatMoney } from '../format/format';
import { graphql } from '../gql';
import { useLocale, useT } from '../i18n/locale';
import { currentYear } from '../treasury/enums';
import { ScaleForm } from '../treasury/scale-form';
import { TreasuryNav } from '../treasury/treasury-nav';

const ScalesQuery = graphql(`
  query TreasuryScales($fiscalYear: Int) {
    contributionScales(fiscalYear: $fiscalYear) {
      id
      name
      fiscalYear
      status
      dueOn
      campaignTargetCents
      tiers {
        amountCents
      }
    }
  }
`);

const DraftScaleMutation = graphql(`
  mutation DraftContributionScale($input: ContributionScaleInput!) {
    draftContributionScale(input: $input) {
      id
    }
  }
`);

/** The treasurer's first page: the year's contribution scales, and drafting a new one. */
export function TreasuryScalesPage() {
  const t = useT();
  const { locale } = useLocale();
  const { hasRole } = useSession();
  usePageTitle(t('treasury.scalesTitle'));
  const navigate = useNavigate();
  const [year, setYear] = useState(String(currentYear() + 1));
  const fiscalYear = /^\d{4}$/.test(year) ? Number(year) : null;
  const [{ data, error, fetching }] = useQuery({
    query: ScalesQuery,
    variables: { fiscalYear },
    pause: fiscalYear === null,
  });
  const [drafting, setDrafting] = useState(false);
  const [draft, draftScale] = useMutation(DraftScaleMutation);

  return (
    <>
      <h1>{t('treasury.scalesTitle')}</h1>
      <TreasuryNav />
      <div className="filters">
        <TextField
          id="scales-year"
          label={t('treasury.fiscalYear')}
          inputMode="numeric"
          maxLength={4}
          value={year}
          onChange={(event) => setYear(event.target.value)}
        />
      </div>
      <ErrorAlert error={error} />
      {fetching && !data && <Loading />}
      {data && data.contributionScales.length === 0 && <p>{t('treasury.noScales')}</p>}
      <ul className="card-list">
        {data?.contributionScales.map((scale) => (
          <li key={scale.id} className="card">
            <h2>
              <Link to={`/treasury/scales/${scale.id}`}>{scale.name}</Link>
            </h2>
            <p className="meta">
              {t(`scaleStatus.${scale.status}`)} ·{' '}
              {t('treasury.scaleSummary', {
                year: scale.fiscalYear,
                target: formatMoney(scale.campaignTargetCents, locale),
                due: formatDate(scale.dueOn, locale),
                tiers: scale.tiers.length,
              })}
            </p>
          </li>
        ))}
      </ul>
      {hasRole('Treasurer') && (
        <section aria-labelledby="draft-scale-title" className="card">
          <h2 id="draft-scale-title">{t('treasury.draftTitle')}</h2>
          {drafting ? (
            <ScaleForm
              submitLabel={t('treasury.draftSubmit')}
              pending={draft.fetching}
              error={draft.error}
              onSubmit={(input) =>
                void draftScale({ input }).then((response) => {
                  const id = response.data?.draftContributionScale.id;
                  if (id) void navigate(`/treasury/scales/${id}`);
                })
              }
            />
          ) : (
            <button type="button" className="button-secondary" onClick={() => setDrafting(true)}>
              {t('treasury.draftOpen')}
            </button>
          )}
        </section>
      )}
    </>
  );
}
