import { FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { ErrorAlert, Loading, StatusMessage } from '../components/feedback';
import { TextAreaField } from '../components/text-field';
import { usePageTitle } from '../components/page-title';
import { formatDateTime } from '../format/format';
import { graphql } from '../gql';
import type { FlagResolution, ModerationQueueQuery } from '../gql/graphql';
import { useLocale, useT } from '../i18n/locale';

const QueueQuery = graphql(`
  query ModerationQueue($after: String) {
    moderationQueue(first: 20, after: $after) {
      totalCount
      edges {
        node {
          id
          kind
          note
          createdAt
          flaggedBy {
            displayName
          }
          argument {
            id
            proposalId
            body
            hidden
            createdAt
            author {
              displayName
            }
          }
        }
      }
    }
  }
`);

const ResolveMutation = graphql(`
  mutation ResolveFlag($input: ResolveFlagInput!) {
    resolveFlag(input: $input) {
      id
      hidden
      hiddenReason
      moderatorNote
    }
  }
`);

type Flag = ModerationQueueQuery['moderationQueue']['edges'][number]['node'];

const RESOLUTIONS: FlagResolution[] = ['Kept', 'Annotated', 'Hidden'];
const NOTE_MAX = 2000;

function FlagCard({ flag, onResolved }: { flag: Flag; onResolved(message: string): void }) {
  const t = useT();
  const { locale } = useLocale();
  const [resolution, setResolution] = useState<FlagResolution>('Kept');
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [result, resolve] = useMutation(ResolveMutation);
  const author = flag.argument.author.displayName;
  const prefix = `flag-${flag.id}`;

  async function submit(event: FormEvent) {
    event.preventDefault();
    // Annotating and hiding say why, publicly or to the author: the API requires it too.
    if (resolution !== 'Kept' && note.trim() === '') {
      setProblem(t('moderation.noteRequired'));
      return;
    }
    setProblem(null);
    const response = await resolve({
      input: { flagId: flag.id, resolution, note: note.trim() || undefined },
    });
    if (response.data) onResolved(t(`moderation.resolved.${resolution}`, { author }));
  }

  return (
    <li className="card" aria-labelledby={`${prefix}-title`}>
      <h2 id={`${prefix}-title`}>
        {t('moderation.flagTitle', { kind: t(`flag.${flag.kind}`), author })}
      </h2>
      <p className="meta">
        {t('moderation.flaggedBy', {
          name: flag.flaggedBy.displayName,
          date: formatDateTime(flag.createdAt, locale),
        })}{' '}
        · <Link to={`/proposals/${flag.argument.proposalId}`}>{t('moderation.seeThread')}</Link>
      </p>
      {flag.note && <p className="pre-line">{t('moderation.flagNote', { note: flag.note })}</p>}
      <blockquote className="pre-line">{flag.argument.body}</blockquote>
      <form onSubmit={(event) => void submit(event)} className="stack" noValidate>
        <ErrorAlert error={problem ?? result.error} />
        <fieldset>
          <legend>{t('moderation.decision')}</legend>
          {RESOLUTIONS.map((value) => (
            <div className="checkbox" key={value}>
              <input
                type="radio"
                id={`${prefix}-${value}`}
                name={`${prefix}-resolution`}
                value={value}
                checked={resolution === value}
                onChange={() => setResolution(value)}
              />
              <label htmlFor={`${prefix}-${value}`}>{t(`moderation.resolution.${value}`)}</label>
            </div>
          ))}
        </fieldset>
        <TextAreaField
          id={`${prefix}-note`}
          label={t(resolution === 'Hidden' ? 'moderation.reason' : 'moderation.note')}
          rows={3}
          maxLength={NOTE_MAX}
          value={note}
          onChange={(event) => setNote(event.target.value)}
        />
        <button type="submit" className="button-primary" disabled={result.fetching}>
          {t('moderation.submit')}
        </button>
      </form>
    </li>
  );
}

/** Moderators: open flags, oldest first; keep, annotate or hide each flagged argument. */
export function ModerationPage() {
  const t = useT();
  usePageTitle(t('moderation.title'));
  const [{ data, error, fetching }, refetch] = useQuery({ query: QueueQuery });
  const [status, setStatus] = useState<string | null>(null);
  const flags = data?.moderationQueue.edges.map((edge) => edge.node) ?? [];

  function resolved(message: string) {
    setStatus(message);
    refetch({ requestPolicy: 'network-only' });
  }

  return (
    <>
      <h1>{t('moderation.title')}</h1>
      <p className="hint">{t('moderation.intro')}</p>
      <StatusMessage>{status}</StatusMessage>
      <ErrorAlert error={error} />
      {fetching && !data && <Loading />}
      {data && (
        <p className="meta" aria-live="polite">
          {t('moderation.count', { count: data.moderationQueue.totalCount })}
        </p>
      )}
      <ul className="card-list">
        {flags.map((flag) => (
          <FlagCard key={flag.id} flag={flag} onResolved={resolved} />
        ))}
      </ul>
    </>
  );
}
