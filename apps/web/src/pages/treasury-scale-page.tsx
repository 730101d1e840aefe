import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { useSession } from '../api/session';
import { BarFigure, ProgressFigure } from '../components/charts';
import { ErrorAlert, Loading, StatusMessage } from '../components/feedback';
import { usePageTitle } from '../components/page-title';
import { formatDate, formatMoney } from '../format/format';
import { regionName } from '../format/regions';
import { graphql } from '../gql';
import { useLocale, useT } from '../i18n/locale';
import { ScaleForm } from '../treasury/scale-form';
import { TreasuryNav } from '../treasury/treasury-nav';

const ScaleQuery = graphql(`
  query TreasuryScale($id: UUID!) {
    contributionScale(id: $id) {
      id
      name
      status
      fiscalYear
      fiscalYearStartsOn
      dueOn
      campaignTargetCents
      individualDuesCents
      prorationRule
      proposalId
      submittedAt
      tiers {
        organisationCategory
        sizeBand
        amountCents
      }
    }
  }
`);

const SimulationQuery = graphql(`
  query TreasuryScaleSimulation($id: UUID!) {
    contributionScaleSimulation(scaleId: $id) {
      organisationCount
      totalCents
      campaignTargetCents
      uncoveredOrganisationCount
      individualMemberCount
      individualDuesTotalCents
      byTier {
        organisationCategory
        sizeBand
        tierAmountCents
        organisationCount
        totalCents
      }
      byCategory {
        organisationCategory
        organisationCount
        totalCents
      }
      byRegion {
        region
        organisationCount
        totalCents
      }
    }
  }
`);

const UpdateScaleMutation = graphql(`
  mutation UpdateContributionScale($input: UpdateContributionScaleInput!) {
    updateContributionScale(input: $input) {
      id
      name
      status
      fiscalYear
      fiscalYearStartsOn
      dueOn
      campaignTargetCents
      individualDuesCents
      prorationRule
      tiers {
        organisationCategory
        sizeBand
        amountCents
      }
    }
  }
`);

const SubmitScaleMutation = graphql(`
  mutation SubmitContributionScale($id: UUID!) {
    submitContributionScale(scaleId: $id) {
      id
      status
      proposalId
      submittedAt
    }
  }
`);

/** What the scale would raise from today's membership, against the campaign target. */
function Simulation({ scaleId }: { scaleId: string }) {
  const t = useT();
  const { locale } = useLocale();
  const [{ data, error, fetching }] = useQuery({
    query: SimulationQuery,
    variables: { id: scaleId },
    requestPolicy: 'network-only',
  });
  const simulation = data?.contributionScaleSimulation;
  if (!simulation) return fetching ? <Loading /> : <ErrorAlert error={error} />;
  const money = (cents: number) => formatMoney(cents, locale);
  const total = simulation.totalCents + simulation.individualDuesTotalCents;
  const amountSeries = [{ key: 'total', label: t('simulation.amount') }];
  return (
    <>
      <ProgressFigure
        id="simulation-target"
        title={t('simulation.towardTarget')}
        ratio={simulation.campaignTargetCents ? total / simulation.campaignTargetCents : 0}
        text={t('simulation.towardTargetText', {
          total: money(total),
          target: money(simulation.campaignTargetCents),
        })}
      />
      <dl className="facts">
        <div>
          <dt>{t('simulation.organisations')}</dt>
          <dd>
            {t('simulation.organisationsValue', {
              count: simulation.organisationCount,
              total: money(simulation.totalCents),
            })}
          </dd>
        </div>
        <div>
          <dt>{t('simulation.individuals')}</dt>
          <dd>
            {t('simulation.individualsValue', {
              count: simulation.individualMemberCount,
              total: money(simulation.individualDuesTotalCents),
            })}
          </dd>
        </div>
        <div>
          <dt>{t('simulation.uncovered')}</dt>
          <dd>{simulation.uncoveredOrganisationCount}</dd>
        </div>
      </dl>
      <BarFigure
        id="simulation-category"
        title={t('simulation.byCategory')}
        rowHeader={t('scale.category')}
        series={amountSeries}
        rows={simulation.byCategory.map((group) => ({
          label: group.organisationCategory
            ? t(`organisationCategory.${group.organisationCategory}`)
            : '—',
          values: { total: group.totalCents / 100 },
          display: {
            total: `${money(group.totalCents)} (${t('simulation.orgCount', { count: group.organisationCount })})`,
          },
        }))}
      />
      <BarFigure
        id="simulation-region"
        title={t('simulation.byRegion')}
        rowHeader={t('members.region')}
        series={amountSeries}
        rows={simulation.byRegion.map((group) => ({
          label: group.region ? regionName(group.region) : '—',
          values: { total: group.totalCents / 100 },
          display: {
            total: `${money(group.totalCents)} (${t('simulation.orgCount', { count: group.organisationCount })})`,
          },
        }))}
      />
      <div className="table-scroll" tabIndex={0} role="region" aria-label={t('simulation.byTier')}>
        <table>
          <caption>{t('simulation.byTier')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('scale.category')}</th>
              <th scope="col">{t('scale.sizeBand')}</th>
              <th scope="col">{t('simulation.tierAmount')}</th>
              <th scope="col">{t('simulation.organisations')}</th>
              <th scope="col">{t('simulation.amount')}</th>
            </tr>
          </thead>
          <tbody>
            {simulation.byTier.map((tier) => (
              <tr key={`${tier.organisationCategory}.${tier.sizeBand}`}>
                <th scope="row">
                  {tier.organisationCategory &&
                    t(`organisationCategory.${tier.organisationCategory}`)}
                </th>
                <td>{tier.sizeBand && t(`sizeBand.${tier.sizeBand}`)}</td>
                <td className="number">
                  {tier.tierAmountCents == null ? '—' : money(tier.tierAmountCents)}
                </td>
                <td className="number">{tier.organisationCount}</td>
                <td className="number">{money(tier.totalCents)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

/** One scale: its content, a simulation against the membership, editing while a draft, submitting. */
export function TreasuryScalePage() {
  const t = useT();
  const { locale } = useLocale();
  const { hasRole } = useSession();
  const scaleId = useParams().scaleId ?? '';
  const [{ data, error, fetching }] = useQuery({ query: ScaleQuery, variables: { id: scaleId } });
  const [update, updateScale] = useMutation(UpdateScaleMutation);
  const [submission, submitScale] = useMutation(SubmitScaleMutation);
  const [editing, setEditing] = useState(false);
  const [simulating, setSimulating] = useState(false);
  // A new simulation after each edit.
  const [generation, setGeneration] = useState(0);
  const [status, setStatus] = useState<string | null>(null);
  const scale = data?.contributionScale;
  usePageTitle(scale?.name ?? t('treasury.scalesTitle'));

  if (!scale) {
    return (
      <>
        <h1>{t('treasury.scalesTitle')}</h1>
        <ErrorAlert error={error} />
        {fetching && <Loading />}
      </>
    );
  }

  const editable =
    hasRole('Treasurer') && (scale.status === 'Draft' || scale.status === 'Submitted');
  return (
    <>
      <p className="breadcrumb">
        <Link to="/treasury">{t('treasury.scales')}</Link>
      </p>
      <h1>{scale.name}</h1>
      <TreasuryNav />
      <StatusMessage>{status}</StatusMessage>
      <dl className="facts">
        <div>
          <dt>{t('scale.status')}</dt>
          <dd>{t(`scaleStatus.${scale.status}`)}</dd>
        </div>
        <div>
          <dt>{t('scale.fiscalYear')}</dt>
          <dd>
            {scale.fiscalYear} ({formatDate(scale.fiscalYearStartsOn, locale)})
          </dd>
        </div>
        <div>
          <dt>{t('scale.dueOn')}</dt>
          <dd>{formatDate(scale.dueOn, locale)}</dd>
        </div>
        <div>
          <dt>{t('scale.target')}</dt>
          <dd>{formatMoney(scale.campaignTargetCents, locale)}</dd>
        </div>
        <div>
          <dt>{t('scale.dues')}</dt>
          <dd>
            {scale.individualDuesCents == null
              ? t('common.none')
              : formatMoney(scale.individualDuesCents, locale)}
          </dd>
        </div>
        <div>
          <dt>{t('scale.proration')}</dt>
          <dd>{t(`proration.${scale.prorationRule}`)}</dd>
        </div>
        {scale.proposalId && (
          <div>
            <dt>{t('scale.proposal')}</dt>
            <dd>
              <Link to={`/proposals/${scale.proposalId}`}>{t('scale.proposalLink')}</Link>
            </dd>
          </div>
        )}
      </dl>

      <section aria-labelledby="simulation-title" className="card">
        <h2 id="simulation-title">{t('simulation.title')}</h2>
        <p className="hint">{t('simulation.help')}</p>
        {simulating ? (
          <Simulation key={generation} scaleId={scale.id} />
        ) : (
          <button type="button" className="button-secondary" onClick={() => setSimulating(true)}>
            {t('simulation.run')}
          </button>
        )}
      </section>

      {editable && (
        <section aria-labelledby="edit-scale-title" className="card">
          <h2 id="edit-scale-title">{t('scale.editTitle')}</h2>
          {editing ? (
            <ScaleForm
              initial={scale}
              submitLabel={t('common.save')}
              pending={update.fetching}
              error={update.error}
              onSubmit={(input) =>
                void updateScale({ input: { ...input, scaleId: scale.id } }).then((response) => {
                  if (!response.data) return;
                  setEditing(false);
                  setGeneration((value) => value + 1);
                  setStatus(t('common.saved'));
                })
              }
            />
          ) : (
            <button type="button" className="button-secondary" onClick={() => setEditing(true)}>
              {t('scale.edit')}
            </button>
          )}
        </section>
      )}

      {hasRole('Treasurer') && scale.status === 'Draft' && (
        <section aria-labelledby="submit-scale-title" className="card">
          <h2 id="submit-scale-title">{t('scale.submitTitle')}</h2>
          <p className="hint">{t('scale.submitHelp')}</p>
          <ErrorAlert error={submission.error} />
          <button
            type="button"
            className="button-primary"
            disabled={submission.fetching}
            onClick={() =>
              void submitScale({ id: scale.id }).then((response) => {
                if (response.data) setStatus(t('scale.submitted'));
              })
            }
          >
            {t('scale.submit')}
          </button>
        </section>
      )}
    </>
  );
}
