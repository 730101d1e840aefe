import { FormEvent, useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import {
  BallotDraft,
  draftProblem,
  emptyDraft,
  toBallotInput,
  VoteMethodName,
} from '../ballot/ballot-draft';
import { receiptStore } from '../ballot/receipt-store';
import { BallotFields, BallotSummary, LabelledOption } from '../components/ballot-fields';
import { Countdown } from '../components/countdown';
import { ErrorAlert, Loading } from '../components/feedback';
import { usePageTitle } from '../components/page-title';
import { TextField } from '../components/text-field';
import { VoteResult } from '../components/vote-result';
import { formatDateTime } from '../format/format';
import { graphql } from '../gql';
import type { VotePageQuery } from '../gql/graphql';
import { useLocale, useT } from '../i18n/locale';

const VotePageDocument = graphql(`
  query VotePage($voteId: UUID!) {
    vote(id: $voteId) {
      id
      titleFr
      titleEn
      method
      status
      secrecy
      collegeWeighting
      opensAt
      closesAt
      minSelections
      maxSelections
      options {
        id
        labelFr
        labelEn
      }
      grades {
        id
        labelFr
        labelEn
      }
      myParticipation {
        onRoll
        voted
      }
      result {
        outcome
        quorumMet
        eligible
        participations
        ballots
        winners
        details
      }
    }
  }
`);

const CollegesQuery = graphql(`
  query VoteColleges {
    colleges {
      id
      nameFr
      nameEn
    }
  }
`);

const CastBallotMutation = graphql(`
  mutation CastBallot($input: CastBallotInput!) {
    castBallot(input: $input) {
      voteId
      receipt
      replaced
    }
  }
`);

const CheckReceiptQuery = graphql(`
  query CheckReceipt($voteId: UUID!, $receipt: String!) {
    checkReceipt(voteId: $voteId, receipt: $receipt)
  }
`);

type Vote = VotePageQuery['vote'];

function useLabelled(list: { id: string; labelFr: string; labelEn: string }[] | null | undefined) {
  const { locale } = useLocale();
  return (list ?? []).map((item) => ({
    id: item.id,
    label: locale === 'en-CA' ? item.labelEn : item.labelFr,
  }));
}

/** Moves focus to a step's heading when the step changes, so screen readers follow along. */
function useStepFocus(step: string) {
  const heading = useRef<HTMLHeadingElement>(null);
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    heading.current?.focus();
  }, [step]);
  return heading;
}

function BallotSection({
  vote,
  options,
  grades,
  onCast,
}: {
  vote: Vote;
  options: LabelledOption[];
  grades: LabelledOption[];
  onCast(receipt: string): void;
}) {
  const t = useT();
  const rules = {
    options: options.map((option) => option.id),
    minSelections: vote.minSelections,
    maxSelections: vote.maxSelections,
  };
  const [draft, setDraft] = useState<BallotDraft>(() =>
    emptyDraft(vote.method as VoteMethodName, rules.options),
  );
  const [step, setStep] = useState<'fill' | 'review'>('fill');
  // One id per reviewed ballot: confirming again after a network error gets the
  // receipt of a cast that went through instead of "already voted".
  const [requestId, setRequestId] = useState(() => crypto.randomUUID());
  const [problem, setProblem] = useState<string | null>(null);
  const [result, cast] = useMutation(CastBallotMutation);
  const heading = useStepFocus(step);

  function review(event: FormEvent) {
    event.preventDefault();
    const found = draftProblem(draft, rules);
    setProblem(found ? t(found.id, 'values' in found ? found.values : undefined) : null);
    if (!found) {
      setRequestId(crypto.randomUUID());
      setStep('review');
    }
  }

  async function confirm() {
    const response = await cast({
      input: { voteId: vote.id, ballot: toBallotInput(draft, rules), clientRequestId: requestId },
    });
    if (response.data) {
      receiptStore.save(vote.id, response.data.castBallot.receipt);
      onCast(response.data.castBallot.receipt);
    }
  }

  if (step === 'review') {
    return (
      <section aria-labelledby="ballot-step" className="card">
        <h2 id="ballot-step" ref={heading} tabIndex={-1}>
          {t('ballot.reviewTitle')}
        </h2>
        <p>{t(vote.secrecy === 'Secret' ? 'ballot.reviewSecret' : 'ballot.reviewNamed')}</p>
        <BallotSummary draft={draft} options={options} grades={grades} />
        <ErrorAlert error={result.error} />
        <div className="button-row">
          <button
            type="button"
            className="button-primary"
            disabled={result.fetching}
            onClick={() => void confirm()}
          >
            {t('ballot.confirm')}
          </button>
          <button type="button" className="button-secondary" onClick={() => setStep('fill')}>
            {t('ballot.edit')}
          </button>
        </div>
      </section>
    );
  }

  return (
    <section aria-labelledby="ballot-step" className="card">
      <h2 id="ballot-step" ref={heading} tabIndex={-1}>
        {t('ballot.title')}
      </h2>
      <form onSubmit={review} className="stack" noValidate>
        <ErrorAlert error={problem} />
        <BallotFields
          draft={draft}
          onChange={(next) => {
            setDraft(next);
            setProblem(null);
          }}
          options={options}
          grades={grades}
          maxSelections={vote.maxSelections}
        />
        <button type="submit" className="button-primary">
          {t('ballot.review')}
        </button>
      </form>
    </section>
  );
}

function ReceiptPanel({ receipt }: { receipt: string }) {
  const t = useT();
  return (
    <section aria-labelledby="receipt-title" className="card receipt">
      <h2 id="receipt-title" tabIndex={-1}>
        {t('receipt.title')}
      </h2>
      <p>{t('receipt.help')}</p>
      <p className="receipt-code mono" aria-label={t('receipt.codeLabel')}>
        {receipt}
      </p>
    </section>
  );
}

function ReceiptCheck({ voteId }: { voteId: string }) {
  const t = useT();
  const [receipt, setReceipt] = useState(() => receiptStore.get(voteId) ?? '');
  const [submitted, setSubmitted] = useState<string | null>(null);
  const [{ data, error, fetching }] = useQuery({
    query: CheckReceiptQuery,
    variables: { voteId, receipt: submitted ?? '' },
    pause: !submitted,
    requestPolicy: 'network-only',
  });

  return (
    <section aria-labelledby="check-title" className="card">
      <h2 id="check-title">{t('receipt.checkTitle')}</h2>
      <form
        className="stack"
        onSubmit={(event) => {
          event.preventDefault();
          setSubmitted(receipt.trim());
        }}
      >
        <TextField
          id="receipt"
          label={t('receipt.codeLabel')}
          className="mono"
          required
          maxLength={200}
          value={receipt}
          onChange={(event) => setReceipt(event.target.value)}
        />
        <button type="submit" className="button-secondary" disabled={fetching}>
          {t('receipt.check')}
        </button>
        <ErrorAlert error={error} />
        <p
          role="status"
          className={
            data
              ? `notice ${data.checkReceipt ? 'notice-success' : 'notice-error'}`
              : 'visually-hidden'
          }
        >
          {data ? t(data.checkReceipt ? 'receipt.found' : 'receipt.notFound') : ''}
        </p>
      </form>
    </section>
  );
}

/** One vote: its countdown, the ballot with a review step, the receipt, then the result explained. */
export function VotePage() {
  const t = useT();
  const { locale } = useLocale();
  const voteId = useParams().voteId ?? '';
  const [{ data, error, fetching }, refetch] = useQuery({
    query: VotePageDocument,
    variables: { voteId },
  });
  const [receipt, setReceipt] = useState<string | null>(null);
  const vote = data?.vote;
  const title = vote ? (locale === 'en-CA' ? vote.titleEn : vote.titleFr) : t('vote.loadingTitle');
  usePageTitle(title);
  const options = useLabelled(vote?.options);
  const grades = useLabelled(vote?.grades);
  // College names only matter for a weighted vote's breakdown.
  const [collegesResult] = useQuery({ query: CollegesQuery, pause: !vote?.collegeWeighting });
  const colleges = (collegesResult.data?.colleges ?? []).map((college) => ({
    id: college.id,
    label: locale === 'en-CA' ? college.nameEn : college.nameFr,
  }));

  if (!vote) {
    return (
      <>
        <h1>{t('vote.loadingTitle')}</h1>
        <ErrorAlert error={error} />
        {fetching && <Loading />}
      </>
    );
  }

  const participation = vote.myParticipation;
  const canCast =
    vote.status === 'Open' &&
    participation?.onRoll === true &&
    (!participation.voted || vote.secrecy === 'Named') &&
    !receipt;

  return (
    <>
      <p className="breadcrumb">
        <Link to="/votes">{t('nav.votes')}</Link>
      </p>
      <h1>{title}</h1>
      <dl className="facts">
        <div>
          <dt>{t('vote.method')}</dt>
          <dd>{t(`voteMethod.${vote.method}`)}</dd>
        </div>
        <div>
          <dt>{t('vote.ballotKind')}</dt>
          <dd>{t(`secrecy.${vote.secrecy}`)}</dd>
        </div>
        <div>
          <dt>{t('vote.window')}</dt>
          <dd>
            {t('vote.windowValue', {
              opens: formatDateTime(vote.opensAt, locale),
              closes: formatDateTime(vote.closesAt, locale),
            })}
          </dd>
        </div>
        <div>
          <dt>{t('vote.status')}</dt>
          <dd>{t(`voteStatus.${vote.status}`)}</dd>
        </div>
      </dl>
      {vote.status === 'Open' && (
        <Countdown
          closesAt={vote.closesAt}
          onClosed={() => refetch({ requestPolicy: 'network-only' })}
        />
      )}
      {receipt && <ReceiptPanel receipt={receipt} />}
      {canCast && (
        <>
          {participation?.voted && <p className="badge">{t('vote.alreadyVotedNamed')}</p>}
          <BallotSection vote={vote} options={options} grades={grades} onCast={setReceipt} />
        </>
      )}
      {vote.status === 'Open' && participation?.voted && vote.secrecy === 'Secret' && !receipt && (
        <p className="badge">{t('vote.alreadyVoted')}</p>
      )}
      {vote.status === 'Open' && participation && !participation.onRoll && (
        <p className="notice">{t('vote.notOnRoll')}</p>
      )}
      {vote.status === 'Closed' && <p className="notice">{t('vote.counting')}</p>}
      {vote.result && (
        <VoteResult
          result={vote.result}
          options={options}
          grades={grades}
          colleges={colleges}
          weighted={vote.collegeWeighting}
        />
      )}
      {vote.status === 'Tallied' && <ReceiptCheck voteId={vote.id} />}
    </>
  );
}
