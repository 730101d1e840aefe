import { FormEvent, Fragment, useState } from 'react';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { useSession } from '../api/session';
import { fromMontrealInput, toMontrealInput } from '../format/datetime-input';
import { formatDateTime } from '../format/format';
import { localizedName } from '../format/names';
import { graphql } from '../gql';
import type { CouncilConsultationsQuery, OpinionPosition } from '../gql/graphql';
import { useLocale, useT } from '../i18n/locale';
import { ErrorAlert, StatusMessage } from './feedback';
import { ProposalThread } from './proposal-thread';
import { TextAreaField, TextField } from './text-field';

const ConsultationsDocument = graphql(`
  query CouncilConsultations($proposalId: UUID!) {
    proposal(id: $proposalId) {
      id
      consultations {
        id
        status
        dueAt
        council {
          id
          nameFr
          nameEn
          chairMemberId
          members {
            memberId
            status
          }
        }
        opinionDrafts {
          id
          status
          position
          text
          votesFor
          votesAgainst
          votesAbstain
          activeMembers
          voteId
          voteOutcome
        }
      }
    }
  }
`);

const DraftOpinionDocument = graphql(`
  mutation DraftCouncilOpinion($input: DraftOpinionInput!) {
    draftCouncilOpinion(input: $input) {
      id
    }
  }
`);

const PutToVoteDocument = graphql(`
  mutation PutCouncilOpinionToVote($input: PutOpinionToVoteInput!) {
    putCouncilOpinionToVote(input: $input) {
      id
      status
      voteId
    }
  }
`);

type Consultation = CouncilConsultationsQuery['proposal']['consultations'][number];
type Draft = Consultation['opinionDrafts'][number];

const POSITIONS: OpinionPosition[] = [
  'Favourable',
  'FavourableWithConditions',
  'Unfavourable',
  'Abstain',
];

function DraftForm({
  consultation,
  onDone,
}: {
  consultation: Consultation;
  onDone(message: string): void;
}) {
  const t = useT();
  const [position, setPosition] = useState<OpinionPosition>('Favourable');
  const [text, setText] = useState('');
  const [result, draftOpinion] = useMutation(DraftOpinionDocument);
  const prefix = `opinion-${consultation.id}`;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const response = await draftOpinion({
      input: { consultationId: consultation.id, position, text },
    });
    if (response.data) {
      setText('');
      onDone(t('opinion.drafted'));
    }
  }

  return (
    <form className="stack" onSubmit={(event) => void submit(event)}>
      <h4>{t('opinion.draftTitle')}</h4>
      <ErrorAlert error={result.error} />
      <fieldset>
        <legend>{t('opinion.position')}</legend>
        {POSITIONS.map((value) => (
          <div className="checkbox" key={value}>
            <input
              type="radio"
              id={`${prefix}-${value}`}
              name={`${prefix}-position`}
              checked={position === value}
              onChange={() => setPosition(value)}
            />
            <label htmlFor={`${prefix}-${value}`}>{t(`opinion.${value}`)}</label>
          </div>
        ))}
      </fieldset>
      <TextAreaField
        id={`${prefix}-text`}
        label={t('opinion.text')}
        required
        rows={4}
        maxLength={20000}
        value={text}
        onChange={(event) => setText(event.target.value)}
      />
      <button type="submit" className="button-primary" disabled={result.fetching}>
        {t('opinion.saveDraft')}
      </button>
    </form>
  );
}

/** Three days, beyond the charter's minimum for a council opinion (2), if the consultation allows. */
function defaultClosing(dueAt: string): string {
  const end = Math.min(Date.now() + 3 * 86_400_000, new Date(dueAt).getTime() - 3_600_000);
  return toMontrealInput(new Date(end));
}

function CouncilVoteForm({
  draft,
  dueAt,
  onDone,
}: {
  draft: Draft;
  dueAt: string;
  onDone(message: string): void;
}) {
  const t = useT();
  const [closesAt, setClosesAt] = useState(() => defaultClosing(dueAt));
  const [result, putToVote] = useMutation(PutToVoteDocument);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const response = await putToVote({
      input: { opinionId: draft.id, closesAt: fromMontrealInput(closesAt) ?? '' },
    });
    if (response.data) onDone(t('opinion.voteOpened'));
  }

  return (
    <form className="stack" onSubmit={(event) => void submit(event)}>
      <ErrorAlert error={result.error} />
      <fieldset>
        <legend>{t('opinion.putToVote')}</legend>
        <TextField
          id={`${draft.id}-closes-at`}
          label={t('opinion.voteClosesAt')}
          type="datetime-local"
          required
          value={closesAt}
          onChange={(event) => setClosesAt(event.target.value)}
        />
      </fieldset>
      <button type="submit" className="button-primary" disabled={result.fetching}>
        {t('opinion.openVote')}
      </button>
    </form>
  );
}

function DraftCard({
  draft,
  dueAt,
  isChair,
  onDone,
}: {
  draft: Draft;
  dueAt: string;
  isChair: boolean;
  onDone(message: string): void;
}) {
  const t = useT();
  const voting = draft.voteId != null && draft.voteOutcome == null;
  return (
    <li className="card">
      <p>
        <strong>{t(`opinion.${draft.position}`)}</strong> · {t(`opinionStatus.${draft.status}`)}
        {voting && ` · ${t('opinion.voteUnderWay')}`}
        {draft.status === 'Draft' && draft.voteOutcome != null && ` · ${t('opinion.voteRejected')}`}
        {draft.votesFor != null &&
          ` · ${t('proposal.opinionVotes', {
            for: draft.votesFor,
            against: draft.votesAgainst ?? 0,
            abstain: draft.votesAbstain ?? 0,
          })}`}
      </p>
      <p className="pre-line">{draft.text}</p>
      {voting && draft.voteId && (
        // Seated members vote on the draft like on any vote: the ballot, its review and receipt.
        <p>
          <Link className="button-primary link-button" to={`/votes/${draft.voteId}`}>
            {t('opinion.goVote')}
          </Link>
        </p>
      )}
      {isChair && draft.status === 'Draft' && !voting && (
        <CouncilVoteForm draft={draft} dueAt={dueAt} onDone={onDone} />
      )}
    </li>
  );
}

/**
 * For members of a consulted council (and its chair): draft the council's
 * opinion and put a draft to the council's vote (members then vote under
 * Votes); the adopted opinion is published when the vote is counted.
 */
export function CouncilOpinions({
  proposalId,
  onPublished,
}: {
  proposalId: string;
  onPublished(): void;
}) {
  const t = useT();
  const { locale } = useLocale();
  const { account, hasRole } = useSession();
  const [{ data, error }, refetch] = useQuery({
    query: ConsultationsDocument,
    variables: { proposalId },
  });
  const [status, setStatus] = useState<string | null>(null);
  const memberId = account?.member?.id;
  const mine =
    data?.proposal.consultations.filter(
      ({ council }) =>
        council.chairMemberId === memberId ||
        council.members.some((seat) => seat.memberId === memberId && seat.status === 'Active'),
    ) ?? [];
  if (error) return <ErrorAlert error={error} />;
  if (mine.length === 0) return null;

  function done(message: string) {
    setStatus(message);
    refetch({ requestPolicy: 'network-only' });
    onPublished();
  }

  return (
    <>
      <StatusMessage>{status}</StatusMessage>
      {mine.map((consultation) => {
        const name = localizedName(consultation.council, locale);
        const isChair = consultation.council.chairMemberId === memberId;
        const headingId = `council-opinion-${consultation.id}`;
        return (
          <Fragment key={consultation.id}>
            <section aria-labelledby={headingId} className="card">
              <h2 id={headingId}>{t('opinion.title', { council: name })}</h2>
              <p className="meta">
                {t(`consultation.${consultation.status}`)} ·{' '}
                {t('proposal.dueAt', { date: formatDateTime(consultation.dueAt, locale) })}
              </p>
              {consultation.opinionDrafts.length > 0 && (
                <ul className="card-list">
                  {consultation.opinionDrafts.map((draft) => (
                    <DraftCard
                      key={draft.id}
                      draft={draft}
                      dueAt={consultation.dueAt}
                      isChair={isChair}
                      onDone={done}
                    />
                  ))}
                </ul>
              )}
              {consultation.status === 'Requested' && (
                <DraftForm consultation={consultation} onDone={done} />
              )}
            </section>
            <ProposalThread
              proposalId={proposalId}
              council={{ id: consultation.council.id, name }}
              canRestrict={isChair || hasRole('Secretary')}
            />
          </Fragment>
        );
      })}
    </>
  );
}
