import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { useSession } from '../api/session';
import { ErrorAlert, Loading, StatusMessage } from '../components/feedback';
import { usePageTitle } from '../components/page-title';
import { TextField } from '../components/text-field';
import { formatDate, formatMoney } from '../format/format';
import { graphql } from '../gql';
import { useLocale, useT } from '../i18n/locale';
import { currentYear, parseYear } from '../treasury/enums';
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

const SubmitCompetingMutation = graphql(`
  mutation SubmitCompetingContributionScales($input: SubmitCompetingScalesInput!) {
    submitCompetingContributionScales(input: $input) {
      id
      status
      proposalId
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

/**
 * Two or more drafts of one fiscal year put to one vote as its options (the
 * charter's ranked method); the winner is adopted, the others rejected.
 */
function CompetingScalesForm({
  drafts,
  onSubmitted,
}: {
  drafts: { id: string; name: string }[];
  onSubmitted(message: string): void;
}) {
  const t = useT();
  const [chosen, setChosen] = useState<string[]>([]);
  const [result, submitCompeting] = useMutation(SubmitCompetingMutation);
  return (
    <section aria-labelledby="competing-title" className="card">
      <h2 id="competing-title">{t('treasury.competingTitle')}</h2>
      <p className="hint">{t('treasury.competingHelp')}</p>
      <form
        className="stack"
        onSubmit={(event) => {
          event.preventDefault();
          void submitCompeting({ input: { scaleIds: chosen } }).then((response) => {
            if (response.data) {
              setChosen([]);
              onSubmitted(t('treasury.competingSubmitted', { count: chosen.length }));
            }
          });
        }}
      >
        <ErrorAlert error={result.error} />
        <fieldset>
          <legend>{t('treasury.competingLegend')}</legend>
          {drafts.map((draft) => (
            <div className="checkbox" key={draft.id}>
              <input
                id={`competing-${draft.id}`}
                type="checkbox"
                checked={chosen.includes(draft.id)}
                onChange={(event) =>
                  setChosen((current) =>
                    event.target.checked
                      ? [...current, draft.id]
                      : current.filter((id) => id !== draft.id),
                  )
                }
              />
              <label htmlFor={`competing-${draft.id}`}>{draft.name}</label>
            </div>
          ))}
        </fieldset>
        <button
          type="submit"
          className="button-primary"
          disabled={result.fetching || chosen.length < 2}
        >
          {t('treasury.competingSubmit')}
        </button>
      </form>
    </section>
  );
}

/** The treasurer's first page: the year's contribution scales, and drafting a new one. */
export function TreasuryScalesPage() {
  const t = useT();
  const { locale } = useLocale();
  const { hasRole } = useSession();
  usePageTitle(t('treasury.scalesTitle'));
  const navigate = useNavigate();
  const [year, setYear] = useState(String(currentYear() + 1));
  const fiscalYear = parseYear(year);
  const [status, setStatus] = useState<string | null>(null);
  const [{ data, error, fetching }, refetch] = useQuery({
    query: ScalesQuery,
    variables: { fiscalYear },
    pause: fiscalYear === null,
  });
  const [drafting, setDrafting] = useState(false);
  const drafts = data?.contributionScales.filter((scale) => scale.status === 'Draft') ?? [];
  const [draft, draftScale] = useMutation(DraftScaleMutation);

  return (
    <>
      <h1>{t('treasury.scalesTitle')}</h1>
      <TreasuryNav />
      <StatusMessage>{status}</StatusMessage>
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
      {hasRole('Treasurer') && drafts.length >= 2 && (
        <CompetingScalesForm
          drafts={drafts}
          onSubmitted={(message) => {
            setStatus(message);
            refetch({ requestPolicy: 'network-only' });
          }}
        />
      )}
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
