import { FormEvent, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { useSession } from '../api/session';
import { ErrorAlert, Loading, StatusMessage } from '../components/feedback';
import { usePageTitle } from '../components/page-title';
import { TextField } from '../components/text-field';
import { formatDate, formatMoney } from '../format/format';
import { graphql } from '../gql';
import { useLocale, useT } from '../i18n/locale';
import { todayInMontreal } from '../treasury/enums';

const MyContributionsQuery = graphql(`
  query MyContributions {
    myContributionCalls(first: 20) {
      edges {
        node {
          id
          reference
          dueOn
          amountCents
          paidCents
          outstandingCents
          waivedCents
          status
        }
      }
    }
    myContributionCredit
    myInKindContributions(first: 20) {
      edges {
        node {
          id
          kind
          activity
          performedOn
          minutes
          valueCents
          status
          decisionReason
        }
      }
    }
  }
`);

const RecordHoursMutation = graphql(`
  mutation RecordVolunteerHours($input: RecordVolunteerHoursInput!) {
    recordVolunteerHours(input: $input) {
      id
      status
    }
  }
`);

/** "2 h 30": minutes as hours in the reader's language (the same in French and English here). */
function formatMinutes(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest ? `${hours} h ${String(rest).padStart(2, '0')}` : `${hours} h`;
}

function HoursForm({ onRecorded }: { onRecorded(message: string): void }) {
  const t = useT();
  const { account } = useSession();
  const [activity, setActivity] = useState('');
  const [performedOn, setPerformedOn] = useState(todayInMontreal);
  const [hours, setHours] = useState('');
  const [minutes, setMinutes] = useState('');
  const [personName, setPersonName] = useState(account?.member?.displayName ?? '');
  const [thankByName, setThankByName] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [result, record] = useMutation(RecordHoursMutation);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const total = Number(hours || 0) * 60 + Number(minutes || 0);
    if (
      !activity.trim() ||
      !personName.trim() ||
      !performedOn ||
      !Number.isInteger(total) ||
      total <= 0
    ) {
      setProblem(t('hours.missing'));
      return;
    }
    setProblem(null);
    const response = await record({
      input: {
        activity: activity.trim(),
        performedOn,
        minutes: total,
        personName: personName.trim(),
        thankByName,
      },
    });
    if (response.data) {
      setActivity('');
      setHours('');
      setMinutes('');
      onRecorded(t('hours.recorded', { time: formatMinutes(total) }));
    }
  }

  return (
    <section aria-labelledby="hours-title" className="card">
      <h2 id="hours-title">{t('hours.title')}</h2>
      <p className="hint">{t('hours.help')}</p>
      <form onSubmit={(event) => void submit(event)} className="stack" noValidate>
        <ErrorAlert error={problem ?? result.error} />
        <TextField
          id="hours-activity"
          label={t('hours.activity')}
          maxLength={200}
          required
          value={activity}
          onChange={(event) => setActivity(event.target.value)}
        />
        <div className="form-row">
          <TextField
            id="hours-date"
            label={t('hours.date')}
            type="date"
            required
            value={performedOn}
            onChange={(event) => setPerformedOn(event.target.value)}
          />
          <TextField
            id="hours-hours"
            label={t('hours.hours')}
            inputMode="numeric"
            maxLength={3}
            value={hours}
            onChange={(event) => setHours(event.target.value.replace(/\D/g, ''))}
          />
          <TextField
            id="hours-minutes"
            label={t('hours.minutes')}
            inputMode="numeric"
            maxLength={2}
            value={minutes}
            onChange={(event) => setMinutes(event.target.value.replace(/\D/g, ''))}
          />
        </div>
        <TextField
          id="hours-person"
          label={t('hours.person')}
          maxLength={200}
          required
          value={personName}
          onChange={(event) => setPersonName(event.target.value)}
        />
        <div className="checkbox">
          <input
            id="hours-thank"
            type="checkbox"
            checked={thankByName}
            onChange={(event) => setThankByName(event.target.checked)}
          />
          <label htmlFor="hours-thank">{t('hours.thankByName')}</label>
        </div>
        <button type="submit" className="button-primary" disabled={result.fetching}>
          {t('hours.submit')}
        </button>
      </form>
    </section>
  );
}

/** A member's contributions: their organisation's calls and credit, and the time they gave. */
export function MyContributionsPage() {
  const t = useT();
  const { locale } = useLocale();
  usePageTitle(t('myContributions.title'));
  const [{ data, error, fetching }, refetch] = useQuery({ query: MyContributionsQuery });
  const [status, setStatus] = useState<string | null>(null);
  const money = (cents: number) => formatMoney(cents, locale);
  const calls = data?.myContributionCalls.edges.map((edge) => edge.node) ?? [];
  const inKind = data?.myInKindContributions.edges.map((edge) => edge.node) ?? [];

  return (
    <>
      <h1>{t('myContributions.title')}</h1>
      <StatusMessage>{status}</StatusMessage>
      <ErrorAlert error={error} />
      {fetching && !data && <Loading />}
      {calls.length > 0 && (
        <section aria-labelledby="calls-title" className="card">
          <h2 id="calls-title">{t('myContributions.calls')}</h2>
          <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="calls-title">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('dash.campaign.reference')}</th>
                  <th scope="col">{t('scale.dueOn')}</th>
                  <th scope="col">{t('calls.amount')}</th>
                  <th scope="col">{t('calls.paid')}</th>
                  <th scope="col">{t('calls.outstanding')}</th>
                  <th scope="col">{t('scale.status')}</th>
                </tr>
              </thead>
              <tbody>
                {calls.map((call) => (
                  <tr key={call.id}>
                    <th scope="row" className="mono">
                      {call.reference}
                    </th>
                    <td>{formatDate(call.dueOn, locale)}</td>
                    <td className="number">{money(call.amountCents)}</td>
                    <td className="number">{money(call.paidCents)}</td>
                    <td className="number">{money(call.outstandingCents)}</td>
                    <td>{t(`callStatus.${call.status}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {data && data.myContributionCredit > 0 && (
            <p>{t('myContributions.credit', { amount: money(data.myContributionCredit) })}</p>
          )}
          <p className="hint">{t('myContributions.payHelp')}</p>
        </section>
      )}
      <section aria-labelledby="in-kind-title" className="card">
        <h2 id="in-kind-title">{t('myContributions.inKind')}</h2>
        {data && inKind.length === 0 && <p>{t('myContributions.noInKind')}</p>}
        <ul className="plain-list">
          {inKind.map((item) => (
            <li key={item.id}>
              <strong>{item.activity}</strong> · {formatDate(item.performedOn, locale)}
              {item.minutes != null && ` · ${formatMinutes(item.minutes)}`}
              {item.valueCents != null && ` · ${money(item.valueCents)}`} ·{' '}
              {t(`inKindStatus.${item.status}`)}
              {item.decisionReason && ` — ${item.decisionReason}`}
            </li>
          ))}
        </ul>
      </section>
      <HoursForm
        onRecorded={(message) => {
          setStatus(message);
          refetch({ requestPolicy: 'network-only' });
        }}
      />
    </>
  );
}
