import { FormEvent, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { useSession } from '../api/session';
import { formatDateTime } from '../format/format';
import { localizedName } from '../format/names';
import { graphql } from '../gql';
import type { CouncilConsultationsQuery, OpinionPosition } from '../gql/graphql';
import { useLocale, useT } from '../i18n/locale';
import { ErrorAlert, StatusMessage } from './feedback';
import { TextField } from './text-field';

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

const RecordVoteDocument = graphql(`
  mutation RecordCouncilOpinionVote($input: RecordCouncilVoteInput!) {
    recordCouncilOpinionVote(input: $input) {
      id
      status
    }
  }
`);

const PublishOpinionDocument = graphql(`
  mutation PublishCouncilOpinion($opinionId: UUID!) {
    publishCouncilOpinion(opinionId: $opinionId) {
      id
      status
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
      <div className="field">
        <label htmlFor={`${prefix}-text`}>{t('opinion.text')}</label>
        <textarea
          id={`${prefix}-text`}
          required
          rows={4}
          maxLength={20000}
          value={text}
          onChange={(event) => setText(event.target.value)}
        />
      </div>
      <button type="submit" className="button-primary" disabled={result.fetching}>
        {t('opinion.saveDraft')}
      </button>
    </form>
  );
}

function CouncilVoteForm({ draft, onDone }: { draft: Draft; onDone(message: string): void }) {
  const t = useT();
  const [counts, setCounts] = useState({ votesFor: 0, votesAgainst: 0, votesAbstain: 0 });
  const [result, recordVote] = useMutation(RecordVoteDocument);
  const fields: [keyof typeof counts, string][] = [
    ['votesFor', t('opinion.votesFor')],
    ['votesAgainst', t('opinion.votesAgainst')],
    ['votesAbstain', t('opinion.votesAbstain')],
  ];

  async function submit(event: FormEvent) {
    event.preventDefault();
    const response = await recordVote({ input: { opinionId: draft.id, ...counts } });
    if (response.data) {
      onDone(
        t(
          response.data.recordCouncilOpinionVote.status === 'Adopted'
            ? 'opinion.adopted'
            : 'opinion.notAdopted',
        ),
      );
    }
  }

  return (
    <form className="stack" onSubmit={(event) => void submit(event)}>
      <ErrorAlert error={result.error} />
      <fieldset>
        <legend>{t('opinion.recordVote')}</legend>
        <div className="filters">
          {fields.map(([key, label]) => (
            <TextField
              key={key}
              id={`${draft.id}-${key}`}
              label={label}
              type="number"
              inputMode="numeric"
              min={0}
              required
              value={counts[key]}
              onChange={(event) => setCounts({ ...counts, [key]: Number(event.target.value) })}
            />
          ))}
        </div>
      </fieldset>
      <button type="submit" className="button-primary" disabled={result.fetching}>
        {t('opinion.saveVote')}
      </button>
    </form>
  );
}

function DraftCard({
  draft,
  isChair,
  onDone,
}: {
  draft: Draft;
  isChair: boolean;
  onDone(message: string): void;
}) {
  const t = useT();
  const [result, publish] = useMutation(PublishOpinionDocument);
  return (
    <li className="card">
      <p>
        <strong>{t(`opinion.${draft.position}`)}</strong> · {t(`opinionStatus.${draft.status}`)}
        {draft.votesFor != null &&
          ` · ${t('proposal.opinionVotes', {
            for: draft.votesFor,
            against: draft.votesAgainst ?? 0,
            abstain: draft.votesAbstain ?? 0,
          })}`}
      </p>
      <p className="pre-line">{draft.text}</p>
      <ErrorAlert error={result.error} />
      {isChair && draft.status === 'Draft' && <CouncilVoteForm draft={draft} onDone={onDone} />}
      {isChair && draft.status === 'Adopted' && (
        <button
          type="button"
          className="button-primary"
          disabled={result.fetching}
          onClick={() =>
            void publish({ opinionId: draft.id }).then(
              (response) => response.data && onDone(t('opinion.published')),
            )
          }
        >
          {t('opinion.publish')}
        </button>
      )}
    </li>
  );
}

/**
 * For members of a consulted council (and its chair): draft the council's
 * opinion, record the council's vote on a draft, publish the adopted one.
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
  const { account } = useSession();
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
          <section key={consultation.id} aria-labelledby={headingId} className="card">
            <h2 id={headingId}>{t('opinion.title', { council: name })}</h2>
            <p className="meta">
              {t(`consultation.${consultation.status}`)} ·{' '}
              {t('proposal.dueAt', { date: formatDateTime(consultation.dueAt, locale) })}
            </p>
            {consultation.opinionDrafts.length > 0 && (
              <ul className="card-list">
                {consultation.opinionDrafts.map((draft) => (
                  <DraftCard key={draft.id} draft={draft} isChair={isChair} onDone={done} />
                ))}
              </ul>
            )}
            {consultation.status === 'Requested' && (
              <DraftForm consultation={consultation} onDone={done} />
            )}
          </section>
        );
      })}
    </>
  );
}
