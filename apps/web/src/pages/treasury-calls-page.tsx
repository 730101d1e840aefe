import { FormEvent, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { useSession } from '../api/session';
import { useAnnouncedMutation } from '../api/use-announced-mutation';
import { ErrorAlert, Loading, StatusMessage } from '../components/feedback';
import { usePageTitle } from '../components/page-title';
import { SelectField } from '../components/select-field';
import { TextField } from '../components/text-field';
import { TwoStepAction } from '../components/two-step-action';
import { formatDate, formatMoney } from '../format/format';
import { parseMoney } from '../format/money-input';
import { graphql } from '../gql';
import type {
  ContributionCallStatus,
  PaymentMethod,
  TreasuryCallFragment as Call,
} from '../gql/graphql';
import { useLocale, useT } from '../i18n/locale';
import {
  CALL_STATUSES,
  currentYear,
  parseYear,
  PAYMENT_METHODS,
  todayInMontreal,
} from '../treasury/enums';
import { TreasuryNav } from '../treasury/treasury-nav';

const YearScalesQuery = graphql(`
  query TreasuryYearScales($fiscalYear: Int) {
    contributionScales(fiscalYear: $fiscalYear) {
      id
      name
      status
    }
  }
`);

// One call as the page shows it: the list and every mutation on a call read it back whole.
export const TreasuryCallFields = graphql(`
  fragment TreasuryCall on ContributionCall {
    id
    reference
    memberName
    dueOn
    amountCents
    paidCents
    outstandingCents
    waivedCents
    creditCents
    status
    waiverBoardDecision
    waiverReason
    payments {
      id
      amountCents
      method
      paidOn
      reference
      note
      reversesPaymentId
    }
  }
`);

const CallsQuery = graphql(`
  query TreasuryCalls($scaleId: UUID, $status: ContributionCallStatus, $after: String) {
    contributionCalls(scaleId: $scaleId, status: $status, first: 20, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...TreasuryCall
        }
      }
    }
  }
`);

const RecordPaymentMutation = graphql(`
  mutation RecordContributionPayment($input: RecordPaymentInput!) {
    recordContributionPayment(input: $input) {
      ...TreasuryCall
    }
  }
`);

const ReversePaymentMutation = graphql(`
  mutation ReverseContributionPayment($input: ReversePaymentInput!) {
    reverseContributionPayment(input: $input) {
      ...TreasuryCall
    }
  }
`);

const WaiveMutation = graphql(`
  mutation WaiveContributionCall($input: WaiveCallInput!) {
    waiveContributionCall(input: $input) {
      ...TreasuryCall
    }
  }
`);

function RecordPaymentForm({ call, onDone }: { call: Call; onDone(message: string): void }) {
  const t = useT();
  const { locale } = useLocale();
  const [amount, setAmount] = useState('');
  const [paidOn, setPaidOn] = useState(todayInMontreal);
  const [method, setMethod] = useState<PaymentMethod>('Transfer');
  const [reference, setReference] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [result, record] = useMutation(RecordPaymentMutation);
  const prefix = `pay-${call.id}`;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const cents = parseMoney(amount);
    if (cents === null || cents === 0 || !paidOn) {
      setProblem(t('payment.badAmount'));
      return;
    }
    setProblem(null);
    const response = await record({
      input: {
        callId: call.id,
        amountCents: cents,
        paidOn,
        method,
        reference: reference.trim() || undefined,
      },
    });
    if (response.data) {
      setAmount('');
      setReference('');
      onDone(
        t('payment.recorded', { amount: formatMoney(cents, locale), member: call.memberName }),
      );
    }
  }

  return (
    <form onSubmit={(event) => void submit(event)} className="stack" noValidate>
      <h3>{t('payment.recordTitle')}</h3>
      <ErrorAlert error={problem ?? result.error} />
      <div className="form-row">
        <TextField
          id={`${prefix}-amount`}
          label={t('payment.amount')}
          inputMode="decimal"
          maxLength={16}
          required
          value={amount}
          onChange={(event) => setAmount(event.target.value)}
        />
        <TextField
          id={`${prefix}-date`}
          label={t('payment.paidOn')}
          type="date"
          required
          value={paidOn}
          onChange={(event) => setPaidOn(event.target.value)}
        />
        <SelectField
          id={`${prefix}-method`}
          label={t('payment.method')}
          value={method}
          onChange={setMethod}
          options={PAYMENT_METHODS.map((value) => ({ value, label: t(`paymentMethod.${value}`) }))}
        />
        <TextField
          id={`${prefix}-reference`}
          label={t('payment.reference')}
          maxLength={100}
          value={reference}
          onChange={(event) => setReference(event.target.value)}
        />
      </div>
      <button type="submit" className="button-primary" disabled={result.fetching}>
        {t('payment.record')}
      </button>
    </form>
  );
}

function ReverseButton({
  call,
  payment,
  onDone,
}: {
  call: Call;
  payment: Call['payments'][number];
  onDone(message: string): void;
}) {
  const t = useT();
  const { locale } = useLocale();
  const [result, reverse] = useAnnouncedMutation(ReversePaymentMutation, onDone);
  return (
    <TwoStepAction
      button={{
        label: t('payment.reverse'),
        ariaLabel: t('payment.reverseLabel', {
          amount: formatMoney(payment.amountCents, locale),
          date: formatDate(payment.paidOn, locale),
        }),
        className: 'button-secondary small',
      }}
      field={{ id: `reverse-${payment.id}`, label: t('payment.reverseReason'), maxLength: 500 }}
      submitLabel={t('payment.reverseConfirm')}
      state={result}
      onSubmit={(reason) =>
        reverse(
          { input: { paymentId: payment.id, reason } },
          t('payment.reversed', { member: call.memberName }),
        )
      }
    />
  );
}

function WaiveForm({ call, onDone }: { call: Call; onDone(message: string): void }) {
  const t = useT();
  const { locale } = useLocale();
  const [amount, setAmount] = useState('');
  const [decision, setDecision] = useState('');
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [result, waive] = useMutation(WaiveMutation);
  const prefix = `waive-${call.id}`;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const cents = amount.trim() === '' ? call.outstandingCents : parseMoney(amount);
    if (cents === null || cents === 0 || decision.trim() === '') {
      setProblem(t('waiver.missing'));
      return;
    }
    setProblem(null);
    const response = await waive({
      input: {
        callId: call.id,
        amountCents: cents,
        boardDecision: decision.trim(),
        reason: reason.trim() || undefined,
      },
    });
    if (response.data) {
      setAmount('');
      setDecision('');
      setReason('');
      onDone(t('waiver.done', { amount: formatMoney(cents, locale), member: call.memberName }));
    }
  }

  return (
    <form onSubmit={(event) => void submit(event)} className="stack" noValidate>
      <h3>{t('waiver.title')}</h3>
      <p className="hint">{t('waiver.help')}</p>
      <ErrorAlert error={problem ?? result.error} />
      <div className="form-row">
        <TextField
          id={`${prefix}-amount`}
          label={t('waiver.amount')}
          inputMode="decimal"
          maxLength={16}
          placeholder={formatMoney(call.outstandingCents, locale)}
          value={amount}
          onChange={(event) => setAmount(event.target.value)}
        />
        <TextField
          id={`${prefix}-decision`}
          label={t('waiver.boardDecision')}
          maxLength={100}
          required
          value={decision}
          onChange={(event) => setDecision(event.target.value)}
        />
        <TextField
          id={`${prefix}-reason`}
          label={t('waiver.reason')}
          maxLength={500}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
        />
      </div>
      <button type="submit" className="button-secondary" disabled={result.fetching}>
        {t('waiver.submit')}
      </button>
    </form>
  );
}

function CallCard({ call, onChanged }: { call: Call; onChanged(message: string): void }) {
  const t = useT();
  const { locale } = useLocale();
  const { hasRole } = useSession();
  const [open, setOpen] = useState(false);
  const money = (cents: number) => formatMoney(cents, locale);
  const reversed = new Set(call.payments.map((payment) => payment.reversesPaymentId));
  const panelId = `call-panel-${call.id}`;
  return (
    <li className="card" aria-labelledby={`call-${call.id}`}>
      <h2 id={`call-${call.id}`}>{call.memberName}</h2>
      <p className="meta">
        <span className="mono">{call.reference}</span> · {t(`callStatus.${call.status}`)} ·{' '}
        {t('calls.due', { date: formatDate(call.dueOn, locale) })}
      </p>
      <dl className="facts">
        <div>
          <dt>{t('calls.amount')}</dt>
          <dd>{money(call.amountCents)}</dd>
        </div>
        <div>
          <dt>{t('calls.paid')}</dt>
          <dd>{money(call.paidCents)}</dd>
        </div>
        <div>
          <dt>{t('calls.outstanding')}</dt>
          <dd>{money(call.outstandingCents)}</dd>
        </div>
        {call.waivedCents > 0 && (
          <div>
            <dt>{t('calls.waived')}</dt>
            <dd>
              {money(call.waivedCents)} ({call.waiverBoardDecision})
            </dd>
          </div>
        )}
        {call.creditCents > 0 && (
          <div>
            <dt>{t('calls.credit')}</dt>
            <dd>{money(call.creditCents)}</dd>
          </div>
        )}
      </dl>
      <button
        type="button"
        className="button-secondary"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((value) => !value)}
      >
        {t(open ? 'calls.hide' : 'calls.manage', { member: call.memberName })}
      </button>
      {open && (
        <div id={panelId} className="stack">
          <h3>{t('calls.payments')}</h3>
          {call.payments.length === 0 ? (
            <p>{t('calls.noPayments')}</p>
          ) : (
            <ul className="plain-list">
              {call.payments.map((payment) => (
                <li key={payment.id}>
                  {formatDate(payment.paidOn, locale)} · {money(payment.amountCents)} ·{' '}
                  {t(`paymentMethod.${payment.method}`)}
                  {payment.reference && ` · ${payment.reference}`}
                  {payment.reversesPaymentId && ` · ${t('payment.isReversal')}`}
                  {payment.note && ` · ${payment.note}`}
                  {hasRole('Treasurer') &&
                    !payment.reversesPaymentId &&
                    !reversed.has(payment.id) && (
                      <ReverseButton call={call} payment={payment} onDone={onChanged} />
                    )}
                </li>
              ))}
            </ul>
          )}
          {hasRole('Treasurer') && <RecordPaymentForm call={call} onDone={onChanged} />}
          {hasRole('Treasurer') && call.outstandingCents > 0 && (
            <WaiveForm call={call} onDone={onChanged} />
          )}
        </div>
      )}
    </li>
  );
}

/** The year's calls: what each organisation owes, its payments, reversals and waivers. */
export function TreasuryCallsPage() {
  const t = useT();
  usePageTitle(t('calls.title'));
  const [year, setYear] = useState(String(currentYear()));
  const [status, setStatus] = useState<ContributionCallStatus | ''>('');
  const [message, setMessage] = useState<string | null>(null);
  // Cursors of the pages read so far: the last is the page shown (20 calls keep the query cheap).
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const fiscalYear = parseYear(year);
  const [scales] = useQuery({
    query: YearScalesQuery,
    variables: { fiscalYear },
    pause: fiscalYear === null,
  });
  const adopted = scales.data?.contributionScales.find((scale) => scale.status === 'Adopted');
  const [{ data, error, fetching }, refetch] = useQuery({
    query: CallsQuery,
    variables: {
      scaleId: adopted?.id,
      status: status || undefined,
      after: cursors[cursors.length - 1],
    },
    pause: !adopted,
  });
  const calls = data?.contributionCalls.edges.map((edge) => edge.node) ?? [];

  function changed(text: string) {
    setMessage(text);
    refetch({ requestPolicy: 'network-only' });
  }

  return (
    <>
      <h1>{t('calls.title')}</h1>
      <TreasuryNav />
      <StatusMessage>{message}</StatusMessage>
      <div className="filters">
        <TextField
          id="calls-year"
          label={t('treasury.fiscalYear')}
          inputMode="numeric"
          maxLength={4}
          value={year}
          onChange={(event) => {
            setYear(event.target.value);
            setCursors([null]);
          }}
        />
        <SelectField
          id="calls-status"
          label={t('calls.statusFilter')}
          value={status}
          onChange={(next) => {
            setStatus(next);
            setCursors([null]);
          }}
          placeholder={t('calls.allStatuses')}
          options={CALL_STATUSES.map((value) => ({ value, label: t(`callStatus.${value}`) }))}
        />
      </div>
      <ErrorAlert error={scales.error ?? error} />
      {scales.data && !adopted && <p>{t('calls.noAdoptedScale')}</p>}
      {fetching && !data && <Loading />}
      {adopted && data && (
        <p className="meta" aria-live="polite">
          {t('calls.count', { count: data.contributionCalls.totalCount, scale: adopted.name })}
        </p>
      )}
      <ul className="card-list">
        {calls.map((call) => (
          <CallCard key={call.id} call={call} onChanged={changed} />
        ))}
      </ul>
      <div className="form-row">
        {cursors.length > 1 && (
          <button
            type="button"
            className="button-secondary"
            onClick={() => setCursors((current) => current.slice(0, -1))}
          >
            {t('calls.previous')}
          </button>
        )}
        {data?.contributionCalls.pageInfo.hasNextPage && (
          <button
            type="button"
            className="button-secondary"
            onClick={() =>
              setCursors((current) => [
                ...current,
                data.contributionCalls.pageInfo.endCursor ?? null,
              ])
            }
          >
            {t('calls.next')}
          </button>
        )}
      </div>
    </>
  );
}
