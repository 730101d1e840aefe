import { useCallback, useEffect, useState } from 'react';
import { Link, NavLink, useParams } from 'react-router';
import { useQuery } from 'urql';
import { authenticatedFetch } from '../api/client';
import { useSession } from '../api/session';
import { BarFigure, ChartRow, ProgressFigure } from '../components/charts';
import { ErrorAlert, Loading } from '../components/feedback';
import { usePageTitle } from '../components/page-title';
import { TextField } from '../components/text-field';
import { AppLocale, formatDate, formatDateTime, formatMoney } from '../format/format';
import { regionName } from '../format/regions';
import { graphql } from '../gql';
import { useLocale, useT } from '../i18n/locale';
import type { MessageId } from '../i18n/messages.fr-CA';
import { yearPeriod } from '../reports/period';
import { currentYear, parseYear } from '../treasury/enums';

const ParticipationQuery = graphql(`
  query ParticipationDashboard($period: ReportPeriodInput) {
    participationReport(period: $period) {
      voteCount
      voters
      eligible
      turnout
      overTime {
        month
        votes
        voters
        eligible
        turnout
      }
    }
  }
`);

const ParticipationVotesQuery = graphql(`
  query ParticipationVotes($period: ReportPeriodInput, $first: Int, $after: String) {
    participationReport(period: $period) {
      votes(first: $first, after: $after) {
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          node {
            voteId
            titleFr
            titleEn
            closesAt
            status
            eligible
            voters
            turnout
            quorumRequired
            quorumMargin
            quorumMet
            outcome
          }
        }
      }
    }
  }
`);
const VOTES_PAGE_SIZE = 50;

const CampaignQuery = graphql(`
  query CampaignDashboard($fiscalYear: Int!) {
    campaignReport(fiscalYear: $fiscalYear) {
      fiscalYear
      campaign {
        targetCents
        callCount
        calledCents
        receivedCents
        paidCents
        outstandingCents
        waivedCents
        creditCents
        inKindCents
        reconciliation {
          reconciles
        }
        byCategory {
          organisationCategory
          calledCents
          paidCents
          outstandingCents
          waivedCents
        }
        byRegion {
          region
          calledCents
          paidCents
          outstandingCents
          waivedCents
        }
      }
      inKindByCategory {
        key
        labelFr
        labelEn
        valueCents
        contributions
      }
      largestArrears {
        callId
        displayName
        reference
        dueOn
        calledCents
        outstandingCents
        status
      }
    }
  }
`);

const MembershipQuery = graphql(`
  query MembershipDashboard($period: ReportPeriodInput) {
    membershipReport(period: $period) {
      activeAtStart
      activeAtEnd
      joined
      resigned
      byKind {
        key
        labelFr
        labelEn
        count
      }
      byCollege {
        key
        labelFr
        labelEn
        count
      }
      byCategory {
        key
        labelFr
        labelEn
        count
      }
      byRegion {
        key
        labelFr
        labelEn
        count
      }
      byAgeBand {
        key
        labelFr
        labelEn
        count
      }
      overTime {
        month
        joined
        resigned
        suspended
        reinstated
      }
    }
  }
`);

const CouncilsQuery = graphql(`
  query CouncilsDashboard($period: ReportPeriodInput) {
    councilsReport(period: $period) {
      councils {
        councilId
        nameFr
        nameEn
        seats
        members
        vacancies
        dissolvedAt
        pendingApplications
        eligiblePool
        consultationsReceived
        answeredOnTime
        answeredLate
        notAnswered
        pending
        onTimeRate
      }
    }
  }
`);

const RegisterQuery = graphql(`
  query DecisionRegisterDashboard($period: ReportPeriodInput) {
    decisionRegister(period: $period) {
      decisions {
        kind
        titleFr
        titleEn
        decisionType
        decidingBody
        decidedAt
        result
        voters
        eligible
        quorumMet
        proposalId
        voteId
      }
    }
  }
`);

const PipelineQuery = graphql(`
  query PipelineDashboard($period: ReportPeriodInput) {
    proposalPipeline(period: $period) {
      byStatus {
        status
        labelFr
        labelEn
        count
      }
      timeInPhase {
        phase
        labelFr
        labelEn
        medianDays
        p90Days
        proposals
      }
      expiredInitiatives {
        proposalId
        title
        cosignatures
        required
      }
    }
  }
`);

const VolunteersQuery = graphql(`
  query VolunteersDashboard($period: ReportPeriodInput) {
    volunteerReport(period: $period) {
      volunteers
      contributions
      hours
      valueCents
      byActivity {
        key
        labelFr
        labelEn
        hours
        valueCents
      }
      byCouncil {
        key
        labelFr
        labelEn
        hours
        valueCents
      }
      thanked {
        name
        hours
      }
    }
  }
`);

type Labelled = { labelFr: string; labelEn: string };
const label = (item: Labelled, locale: AppLocale) =>
  locale === 'en-CA' ? item.labelEn : item.labelFr;

function percent(value: number | null | undefined, locale: AppLocale): string {
  if (value == null) return '—';
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(
    value,
  );
}

/** A month "2026-05" as "mai 2026" / "May 2026". */
function monthName(month: string, locale: AppLocale): string {
  return new Intl.DateTimeFormat(locale, {
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${month}-15T12:00:00Z`));
}

const VOTE_STATUS: Record<string, MessageId> = {
  open: 'voteStatus.Open',
  closed: 'voteStatus.Closed',
  tallied: 'voteStatus.Tallied',
};

const RESULTS = ['adopted', 'rejected', 'quorum_not_met', 'elected', 'completed'];

function Facts({ items }: { items: [string, string][] }) {
  return (
    <dl className="facts dashboard-facts">
      {items.map(([term, value]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function ParticipationDashboard({ year }: { year: number }) {
  const t = useT();
  const { locale } = useLocale();
  const [{ data, error, fetching }] = useQuery({
    query: ParticipationQuery,
    variables: { period: yearPeriod(year) },
  });
  const report = data?.participationReport;
  if (!report) return fetching ? <Loading /> : <ErrorAlert error={error} />;
  return (
    <>
      <Facts
        items={[
          [t('dash.participation.votes'), String(report.voteCount)],
          [
            t('dash.participation.voters'),
            t('dash.participation.votersValue', {
              voters: report.voters,
              eligible: report.eligible,
            }),
          ],
          [t('dash.participation.turnout'), percent(report.turnout, locale)],
        ]}
      />
      {report.overTime.length > 0 && (
        <BarFigure
          id="participation-months"
          title={t('dash.participation.overTime')}
          summary={t('dash.participation.overTimeHelp')}
          rowHeader={t('dash.month')}
          horizontal={false}
          series={[{ key: 'turnout', label: t('dash.participation.turnoutPercent') }]}
          rows={report.overTime.map((month) => ({
            label: monthName(month.month, locale),
            values: { turnout: Math.round((month.turnout ?? 0) * 1000) / 10 },
            display: {
              turnout: `${percent(month.turnout, locale)} (${t('dash.participation.votersValue', {
                voters: month.voters,
                eligible: month.eligible,
              })})`,
            },
          }))}
        />
      )}
      <h2>{t('dash.participation.perVote')}</h2>
      {report.voteCount === 0 ? (
        <p>{t('dash.none')}</p>
      ) : (
        <VoteTable key={year} year={year} total={report.voteCount} />
      )}
    </>
  );
}

/** The votes of the year, a page at a time: each page a <tbody>, "more" adds the next one. */
function VoteTable({ year, total }: { year: number; total: number }) {
  const t = useT();
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  // What each loaded page holds: its rows and where the next page starts.
  const [pages, setPages] = useState<Record<number, { rows: number; next: string | null }>>({});
  const onPage = useCallback(
    (index: number, page: { rows: number; next: string | null }) =>
      setPages((current) => ({ ...current, [index]: page })),
    [],
  );
  const shown = Object.values(pages).reduce((sum, page) => sum + page.rows, 0);
  const next = pages[cursors.length - 1]?.next ?? null;
  return (
    <>
      <div
        className="table-scroll"
        tabIndex={0}
        role="region"
        aria-label={t('dash.participation.perVote')}
      >
        <table>
          <thead>
            <tr>
              <th scope="col">{t('dash.vote')}</th>
              <th scope="col">{t('dash.closes')}</th>
              <th scope="col">{t('dash.participation.turnout')}</th>
              <th scope="col">{t('dash.participation.quorumMargin')}</th>
              <th scope="col">{t('dash.result')}</th>
            </tr>
          </thead>
          {cursors.map((after, index) => (
            <VoteRows
              key={after ?? 'first'}
              year={year}
              after={after}
              index={index}
              onPage={onPage}
            />
          ))}
        </table>
      </div>
      <p className="meta" aria-live="polite">
        {t('dash.participation.shown', { shown, total })}
      </p>
      {next && (
        <button
          type="button"
          className="button-secondary"
          onClick={() => setCursors((current) => [...current, next])}
        >
          {t('dash.participation.moreVotes')}
        </button>
      )}
    </>
  );
}

/** One page of votes; once loaded, it tells the table its size and where the next one starts. */
function VoteRows(props: {
  year: number;
  after: string | null;
  index: number;
  onPage(index: number, page: { rows: number; next: string | null }): void;
}) {
  const t = useT();
  const { locale } = useLocale();
  const [{ data, error }] = useQuery({
    query: ParticipationVotesQuery,
    variables: { period: yearPeriod(props.year), first: VOTES_PAGE_SIZE, after: props.after },
  });
  const votes = data?.participationReport.votes;
  const { onPage, index } = props;
  useEffect(() => {
    if (votes) {
      onPage(index, {
        rows: votes.edges.length,
        next: votes.pageInfo.hasNextPage ? (votes.pageInfo.endCursor ?? null) : null,
      });
    }
  }, [votes, index, onPage]);
  return (
    <tbody>
      {error && (
        <tr>
          <td colSpan={5}>
            <ErrorAlert error={error} />
          </td>
        </tr>
      )}
      {votes?.edges.map(({ node: vote }) => (
        <tr key={vote.voteId}>
          <th scope="row">
            <Link to={`/votes/${vote.voteId}`}>
              {locale === 'en-CA' ? vote.titleEn : vote.titleFr}
            </Link>
          </th>
          <td>{formatDateTime(vote.closesAt, locale)}</td>
          <td className="number">
            {percent(vote.turnout, locale)} ({vote.voters}/{vote.eligible})
          </td>
          <td className="number">
            {vote.quorumMargin == null
              ? '—'
              : t('dash.participation.marginValue', {
                  margin: `${vote.quorumMargin > 0 ? '+' : ''}${vote.quorumMargin}`,
                  required: vote.quorumRequired ?? 0,
                })}
          </td>
          <td>
            {vote.outcome && RESULTS.includes(vote.outcome)
              ? t(`result.outcome.${vote.outcome}` as MessageId)
              : t(VOTE_STATUS[vote.status] ?? 'voteStatus.Tallied')}
          </td>
        </tr>
      ))}
    </tbody>
  );
}

function CampaignDashboard({ year }: { year: number }) {
  const t = useT();
  const { locale } = useLocale();
  const [{ data, error, fetching }] = useQuery({
    query: CampaignQuery,
    variables: { fiscalYear: year },
  });
  const report = data?.campaignReport;
  if (!report) return fetching ? <Loading /> : <ErrorAlert error={error} />;
  const campaign = report.campaign;
  const money = (cents: number) => formatMoney(cents, locale);
  const moneySeries = [
    { key: 'paid', label: t('calls.paid') },
    { key: 'outstanding', label: t('calls.outstanding') },
    { key: 'waived', label: t('calls.waived') },
  ];
  const moneyRow = (
    rowLabel: string,
    group: { paidCents: number; outstandingCents: number; waivedCents: number },
  ): ChartRow => ({
    label: rowLabel,
    values: {
      paid: group.paidCents / 100,
      outstanding: group.outstandingCents / 100,
      waived: group.waivedCents / 100,
    },
    display: {
      paid: money(group.paidCents),
      outstanding: money(group.outstandingCents),
      waived: money(group.waivedCents),
    },
  });
  return (
    <>
      <ProgressFigure
        id="campaign-progress"
        title={t('dash.campaign.progress')}
        ratio={campaign.targetCents ? campaign.receivedCents / campaign.targetCents : 0}
        text={t('dash.campaign.progressText', {
          received: money(campaign.receivedCents),
          target: money(campaign.targetCents),
          percent: percent(
            campaign.targetCents ? campaign.receivedCents / campaign.targetCents : null,
            locale,
          ),
        })}
      />
      <Facts
        items={[
          [t('dash.campaign.target'), money(campaign.targetCents)],
          [
            t('dash.campaign.called'),
            t('dash.campaign.calledValue', {
              amount: money(campaign.calledCents),
              count: campaign.callCount,
            }),
          ],
          [t('dash.campaign.received'), money(campaign.receivedCents)],
          [t('calls.paid'), money(campaign.paidCents)],
          [t('calls.outstanding'), money(campaign.outstandingCents)],
          [t('calls.waived'), money(campaign.waivedCents)],
          [t('calls.credit'), money(campaign.creditCents)],
          [t('dash.campaign.inKind'), money(campaign.inKindCents)],
          [
            t('dash.campaign.reconciliation'),
            t(
              campaign.reconciliation.reconciles
                ? 'dash.campaign.reconciles'
                : 'dash.campaign.doesNotReconcile',
            ),
          ],
        ]}
      />
      {campaign.byCategory.length > 0 && (
        <BarFigure
          id="campaign-category"
          title={t('dash.campaign.byCategory')}
          rowHeader={t('scale.category')}
          stacked
          series={moneySeries}
          rows={campaign.byCategory.map((group) =>
            moneyRow(
              group.organisationCategory
                ? t(`organisationCategory.${group.organisationCategory}`)
                : '—',
              group,
            ),
          )}
        />
      )}
      {campaign.byRegion.length > 0 && (
        <BarFigure
          id="campaign-region"
          title={t('dash.campaign.byRegion')}
          rowHeader={t('members.region')}
          stacked
          series={moneySeries}
          rows={campaign.byRegion.map((group) =>
            moneyRow(group.region ? regionName(group.region) : '—', group),
          )}
        />
      )}
      {report.inKindByCategory.length > 0 && (
        <BarFigure
          id="campaign-in-kind"
          title={t('dash.campaign.inKindByCategory')}
          rowHeader={t('scale.category')}
          series={[{ key: 'value', label: t('simulation.amount') }]}
          rows={report.inKindByCategory.map((group) => ({
            label: label(group, locale),
            values: { value: group.valueCents / 100 },
            display: { value: money(group.valueCents) },
          }))}
        />
      )}
      <h2>{t('dash.campaign.arrears')}</h2>
      {report.largestArrears.length === 0 ? (
        <p>{t('dash.campaign.noArrears')}</p>
      ) : (
        <div
          className="table-scroll"
          tabIndex={0}
          role="region"
          aria-label={t('dash.campaign.arrears')}
        >
          <table>
            <thead>
              <tr>
                <th scope="col">{t('dash.campaign.organisation')}</th>
                <th scope="col">{t('dash.campaign.reference')}</th>
                <th scope="col">{t('scale.dueOn')}</th>
                <th scope="col">{t('calls.amount')}</th>
                <th scope="col">{t('calls.outstanding')}</th>
              </tr>
            </thead>
            <tbody>
              {report.largestArrears.map((arrear) => (
                <tr key={arrear.callId}>
                  <th scope="row">{arrear.displayName}</th>
                  <td className="mono">{arrear.reference}</td>
                  <td>{formatDate(arrear.dueOn, locale)}</td>
                  <td className="number">{money(arrear.calledCents)}</td>
                  <td className="number">{money(arrear.outstandingCents)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

function MembershipDashboard({ year }: { year: number }) {
  const t = useT();
  const { locale } = useLocale();
  const [{ data, error, fetching }] = useQuery({
    query: MembershipQuery,
    variables: { period: yearPeriod(year) },
  });
  const report = data?.membershipReport;
  if (!report) return fetching ? <Loading /> : <ErrorAlert error={error} />;
  const countSeries = [{ key: 'count', label: t('dash.membership.members') }];
  const countRows = (cells: (Labelled & { key: string; count: number })[]) =>
    cells.map((cell) => ({
      label: label(cell, locale),
      values: { count: cell.count },
      display: { count: String(cell.count) },
    }));
  const breakdowns: [string, string, (Labelled & { key: string; count: number })[]][] = [
    ['membership-kind', t('dash.membership.byKind'), report.byKind],
    ['membership-college', t('dash.membership.byCollege'), report.byCollege],
    ['membership-category', t('dash.membership.byCategory'), report.byCategory],
    ['membership-age', t('dash.membership.byAgeBand'), report.byAgeBand],
    ['membership-region', t('dash.membership.byRegion'), report.byRegion],
  ];
  return (
    <>
      <Facts
        items={[
          [t('dash.membership.activeAtStart'), String(report.activeAtStart)],
          [t('dash.membership.activeAtEnd'), String(report.activeAtEnd)],
          [t('dash.membership.joined'), String(report.joined)],
          [t('dash.membership.resigned'), String(report.resigned)],
        ]}
      />
      <div className="dashboard-grid">
        {breakdowns
          .filter(([, , cells]) => cells.length > 0)
          .map(([id, title, cells]) => (
            <BarFigure
              key={id}
              id={id}
              title={title}
              rowHeader={t('dash.group')}
              series={countSeries}
              rows={countRows(cells)}
            />
          ))}
      </div>
      {report.overTime.length > 0 && (
        <BarFigure
          id="membership-months"
          title={t('dash.membership.overTime')}
          rowHeader={t('dash.month')}
          horizontal={false}
          series={[
            { key: 'joined', label: t('dash.membership.joined') },
            { key: 'resigned', label: t('dash.membership.resigned') },
            { key: 'suspended', label: t('dash.membership.suspended') },
          ]}
          rows={report.overTime.map((month) => ({
            label: monthName(month.month, locale),
            values: { joined: month.joined, resigned: month.resigned, suspended: month.suspended },
            display: {
              joined: String(month.joined),
              resigned: String(month.resigned),
              suspended: String(month.suspended),
            },
          }))}
        />
      )}
    </>
  );
}

function CouncilsDashboard({ year }: { year: number }) {
  const t = useT();
  const { locale } = useLocale();
  const [{ data, error, fetching }] = useQuery({
    query: CouncilsQuery,
    variables: { period: yearPeriod(year) },
  });
  const report = data?.councilsReport;
  if (!report) return fetching ? <Loading /> : <ErrorAlert error={error} />;
  const name = (council: { nameFr: string; nameEn: string }) =>
    locale === 'en-CA' ? council.nameEn : council.nameFr;
  return (
    <>
      <BarFigure
        id="councils-answers"
        title={t('dash.councils.answers')}
        summary={t('dash.councils.answersHelp')}
        rowHeader={t('dash.councils.council')}
        stacked
        series={[
          { key: 'onTime', label: t('dash.councils.onTime') },
          { key: 'late', label: t('dash.councils.late') },
          { key: 'notAnswered', label: t('dash.councils.notAnswered') },
          { key: 'pending', label: t('dash.councils.pending') },
        ]}
        rows={report.councils.map((council) => ({
          label: name(council),
          values: {
            onTime: council.answeredOnTime,
            late: council.answeredLate,
            notAnswered: council.notAnswered,
            pending: council.pending,
          },
          display: {
            onTime: String(council.answeredOnTime),
            late: String(council.answeredLate),
            notAnswered: String(council.notAnswered),
            pending: String(council.pending),
          },
        }))}
      />
      <div
        className="table-scroll"
        tabIndex={0}
        role="region"
        aria-label={t('dash.councils.seats')}
      >
        <table>
          <caption>{t('dash.councils.seats')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('dash.councils.council')}</th>
              <th scope="col">{t('dash.councils.seatsHeld')}</th>
              <th scope="col">{t('dash.councils.vacancies')}</th>
              <th scope="col">{t('dash.councils.applications')}</th>
              <th scope="col">{t('dash.councils.pool')}</th>
              <th scope="col">{t('dash.councils.onTimeRate')}</th>
            </tr>
          </thead>
          <tbody>
            {report.councils.map((council) => (
              <tr key={council.councilId}>
                <th scope="row">
                  {name(council)}
                  {council.dissolvedAt &&
                    ` (${t('dash.councils.dissolved', { date: formatDate(council.dissolvedAt, locale) })})`}
                </th>
                <td className="number">
                  {council.members}/{council.seats}
                </td>
                <td className="number">{council.vacancies}</td>
                <td className="number">{council.pendingApplications}</td>
                <td className="number">{council.eligiblePool}</td>
                <td className="number">{percent(council.onTimeRate, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function RegisterDashboard({ year }: { year: number }) {
  const t = useT();
  const { locale } = useLocale();
  const [{ data, error, fetching }] = useQuery({
    query: RegisterQuery,
    variables: { period: yearPeriod(year) },
  });
  const register = data?.decisionRegister;
  if (!register) return fetching ? <Loading /> : <ErrorAlert error={error} />;
  if (register.decisions.length === 0) return <p>{t('dash.none')}</p>;
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={t('dash.register')}>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('dash.register.date')}</th>
            <th scope="col">{t('dash.register.decision')}</th>
            <th scope="col">{t('dash.register.type')}</th>
            <th scope="col">{t('charter.decides')}</th>
            <th scope="col">{t('dash.result')}</th>
            <th scope="col">{t('dash.participation.voters')}</th>
          </tr>
        </thead>
        <tbody>
          {register.decisions.map((decision, index) => {
            const title = locale === 'en-CA' ? decision.titleEn : decision.titleFr;
            const to = decision.proposalId
              ? `/proposals/${decision.proposalId}`
              : decision.voteId
                ? `/votes/${decision.voteId}`
                : null;
            return (
              <tr key={`${decision.proposalId ?? decision.voteId ?? index}`}>
                <td>{formatDate(decision.decidedAt, locale)}</td>
                <th scope="row">{to ? <Link to={to}>{title}</Link> : title}</th>
                <td>{decision.decisionType ? t(`decisionType.${decision.decisionType}`) : '—'}</td>
                <td>{decision.decidingBody ? t(`decidingBody.${decision.decidingBody}`) : '—'}</td>
                <td>
                  {RESULTS.includes(decision.result)
                    ? t(`result.outcome.${decision.result}` as MessageId)
                    : decision.result === 'implemented'
                      ? t('proposalStatus.Implemented')
                      : decision.result}
                </td>
                <td className="number">
                  {decision.voters == null ? '—' : `${decision.voters}/${decision.eligible ?? '—'}`}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/**
 * The report is served over HTTP behind the same sign-in as the API: a plain
 * link would not carry the access token, so the file is fetched with it and
 * handed to the browser as a download.
 */
function DownloadButton({
  href,
  fileName,
  label,
}: {
  href: string;
  fileName: string;
  label: string;
}) {
  const t = useT();
  const [state, setState] = useState<'idle' | 'loading' | 'failed'>('idle');
  async function download() {
    setState('loading');
    const response = await authenticatedFetch(href).catch(() => null);
    if (!response?.ok) {
      setState('failed');
      return;
    }
    const url = URL.createObjectURL(await response.blob());
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName;
    link.click();
    URL.revokeObjectURL(url);
    setState('idle');
  }
  return (
    <>
      <button
        type="button"
        className="button-secondary"
        disabled={state === 'loading'}
        onClick={() => void download()}
      >
        {label}
      </button>
      {state === 'failed' && <ErrorAlert error={t('dash.annual.failed')} />}
    </>
  );
}

function decimal(value: number, locale: AppLocale): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value);
}

function PipelineDashboard({ year }: { year: number }) {
  const t = useT();
  const { locale } = useLocale();
  const [{ data, error, fetching }] = useQuery({
    query: PipelineQuery,
    variables: { period: yearPeriod(year) },
  });
  const report = data?.proposalPipeline;
  if (!report) return fetching ? <Loading /> : <ErrorAlert error={error} />;
  return (
    <>
      <BarFigure
        id="pipeline-status"
        title={t('dash.pipeline.byStatus')}
        rowHeader={t('scale.status')}
        series={[{ key: 'count', label: t('dash.pipeline.proposals') }]}
        rows={report.byStatus.map((row) => ({
          label: label(row, locale),
          values: { count: row.count },
          display: { count: String(row.count) },
        }))}
      />
      <BarFigure
        id="pipeline-phases"
        title={t('dash.pipeline.timeInPhase')}
        summary={t('dash.pipeline.timeInPhaseHelp')}
        rowHeader={t('dash.pipeline.phase')}
        series={[
          { key: 'median', label: t('dash.pipeline.median') },
          { key: 'p90', label: t('dash.pipeline.p90') },
        ]}
        rows={report.timeInPhase.map((row) => ({
          label: label(row, locale),
          values: { median: row.medianDays, p90: row.p90Days },
          display: {
            median: t('dash.pipeline.days', { days: decimal(row.medianDays, locale) }),
            p90: t('dash.pipeline.days', { days: decimal(row.p90Days, locale) }),
          },
        }))}
      />
      <h2>{t('dash.pipeline.expired')}</h2>
      {report.expiredInitiatives.length === 0 ? (
        <p>{t('dash.none')}</p>
      ) : (
        <ul className="plain-list">
          {report.expiredInitiatives.map((initiative) => (
            <li key={initiative.proposalId}>
              <Link to={`/proposals/${initiative.proposalId}`}>{initiative.title}</Link> ·{' '}
              {t('dash.pipeline.cosignatures', {
                count: initiative.cosignatures,
                required: initiative.required,
              })}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function VolunteersDashboard({ year }: { year: number }) {
  const t = useT();
  const { locale } = useLocale();
  const [{ data, error, fetching }] = useQuery({
    query: VolunteersQuery,
    variables: { period: yearPeriod(year) },
  });
  const report = data?.volunteerReport;
  if (!report) return fetching ? <Loading /> : <ErrorAlert error={error} />;
  const hoursSeries = [{ key: 'hours', label: t('dash.volunteers.hours') }];
  const hoursRows = (groups: (Labelled & { key: string; hours: number; valueCents: number })[]) =>
    groups.map((group) => ({
      label: label(group, locale),
      values: { hours: group.hours },
      display: {
        hours: `${decimal(group.hours, locale)} h (${formatMoney(group.valueCents, locale)})`,
      },
    }));
  return (
    <>
      <Facts
        items={[
          [t('dash.volunteers.volunteers'), String(report.volunteers)],
          [t('dash.volunteers.hours'), `${decimal(report.hours, locale)} h`],
          [t('dash.volunteers.value'), formatMoney(report.valueCents, locale)],
        ]}
      />
      {report.byActivity.length > 0 && (
        <BarFigure
          id="volunteers-activity"
          title={t('dash.volunteers.byActivity')}
          rowHeader={t('hours.activity')}
          series={hoursSeries}
          rows={hoursRows(report.byActivity)}
        />
      )}
      {report.byCouncil.length > 0 && (
        <BarFigure
          id="volunteers-council"
          title={t('dash.volunteers.byCouncil')}
          rowHeader={t('dash.councils.council')}
          series={hoursSeries}
          rows={hoursRows(report.byCouncil)}
        />
      )}
      <h2>{t('dash.volunteers.thanked')}</h2>
      <p className="hint">{t('dash.volunteers.thankedHelp')}</p>
      {report.thanked.length === 0 ? (
        <p>{t('dash.none')}</p>
      ) : (
        <ul className="plain-list">
          {report.thanked.map((volunteer) => (
            <li key={volunteer.name}>
              {volunteer.name} · {decimal(volunteer.hours, locale)} h
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function AnnualReport({ year }: { year: number }) {
  const t = useT();
  const files: [string, string, string][] = [
    [
      t('dash.annual.pdfFr'),
      `/reports/accountability/${year}.pdf?lang=fr`,
      `reddition-de-comptes-${year}.pdf`,
    ],
    [
      t('dash.annual.pdfEn'),
      `/reports/accountability/${year}.pdf?lang=en`,
      `accountability-report-${year}.pdf`,
    ],
    [
      t('dash.annual.mdFr'),
      `/reports/accountability/${year}.md?lang=fr`,
      `reddition-de-comptes-${year}.md`,
    ],
    [
      t('dash.annual.mdEn'),
      `/reports/accountability/${year}.md?lang=en`,
      `accountability-report-${year}.md`,
    ],
  ];
  return (
    <>
      <p>{t('dash.annual.intro', { year })}</p>
      <ul className="plain-list">
        {files.map(([label, href, fileName]) => (
          <li key={href}>
            <DownloadButton href={href} fileName={fileName} label={label} />
          </li>
        ))}
      </ul>
    </>
  );
}

const REPORTS = [
  'participation',
  'campaign',
  'membership',
  'councils',
  'register',
  'pipeline',
  'volunteers',
  'annual',
] as const;
type ReportName = (typeof REPORTS)[number];

/** The board's dashboards: one report at a time, for one year, each figure drawn and tabled. */
export function DashboardsPage() {
  const t = useT();
  const { hasRole } = useSession();
  const param = useParams().report;
  const report: ReportName = REPORTS.includes(param as ReportName)
    ? (param as ReportName)
    : hasRole('Trustee', 'Secretary', 'Admin')
      ? 'participation'
      : 'campaign';
  const [year, setYear] = useState(String(currentYear()));
  const validYear = parseYear(year);
  const title = t(`dash.${report}` as MessageId);
  usePageTitle(title);
  // The treasurer reads the money reports only: the campaign and the annual report.
  const visible = REPORTS.filter(
    (name) => name === 'campaign' || name === 'annual' || hasRole('Trustee', 'Secretary', 'Admin'),
  );

  return (
    <>
      <h1>{title}</h1>
      <nav aria-label={t('dash.navLabel')} className="sub-nav">
        <ul>
          {visible.map((name) => (
            <li key={name}>
              <NavLink to={`/dashboards/${name}`}>{t(`dash.${name}` as MessageId)}</NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <div className="filters">
        <TextField
          id="dashboard-year"
          label={t(
            report === 'campaign' || report === 'annual' ? 'treasury.fiscalYear' : 'dash.year',
          )}
          inputMode="numeric"
          maxLength={4}
          value={year}
          onChange={(event) => setYear(event.target.value)}
        />
      </div>
      {validYear !== null && (
        <>
          {report === 'participation' && <ParticipationDashboard year={validYear} />}
          {report === 'campaign' && <CampaignDashboard year={validYear} />}
          {report === 'membership' && <MembershipDashboard year={validYear} />}
          {report === 'councils' && <CouncilsDashboard year={validYear} />}
          {report === 'register' && <RegisterDashboard year={validYear} />}
          {report === 'pipeline' && <PipelineDashboard year={validYear} />}
          {report === 'volunteers' && <VolunteersDashboard year={validYear} />}
          {report === 'annual' && <AnnualReport year={validYear} />}
        </>
      )}
    </>
  );
}
