import { FormEvent, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { useSession } from '../api/session';
import { useAnnouncedMutation } from '../api/use-announced-mutation';
import { formatDateTime } from '../format/format';
import { graphql } from '../gql';
import type { ArgumentStance, FlagKind, ProposalThreadQuery } from '../gql/graphql';
import { useLocale, useT } from '../i18n/locale';
import { ErrorAlert, StatusMessage } from './feedback';
import { TextAreaField } from './text-field';
import { TwoStepAction } from './two-step-action';
import { SelectField } from './select-field';

// The argument fields are written out in both queries: the API's query-cost limit counts a
// fragment spread as one more level of depth, which made the thread query cost twice as much.
const ThreadDocument = graphql(`
  query ProposalThread($proposalId: UUID!, $councilId: UUID) {
    proposalThread(proposalId: $proposalId, councilId: $councilId) {
      restricted
      counts {
        for
        against
        question
        information
      }
      arguments(first: 50) {
        totalCount
        edges {
          node {
            id
            bodyHtml
            stance
            hidden
            createdAt
            endorsementCount
            endorsedByMe
            myOpenFlags
            replyCount
            author {
              displayName
            }
          }
        }
      }
    }
  }
`);

const RepliesDocument = graphql(`
  query ArgumentReplies($argumentId: UUID!) {
    argumentReplies(argumentId: $argumentId, first: 50) {
      edges {
        node {
          id
          bodyHtml
          stance
          hidden
          createdAt
          endorsementCount
          endorsedByMe
          myOpenFlags
          replyCount
          author {
            displayName
          }
        }
      }
    }
  }
`);

const PostDocument = graphql(`
  mutation PostArgument($input: PostArgumentInput!) {
    postArgument(input: $input) {
      id
    }
  }
`);

const ReplyDocument = graphql(`
  mutation ReplyToArgument($input: ReplyToArgumentInput!) {
    replyToArgument(input: $input) {
      id
    }
  }
`);

const EndorseDocument = graphql(`
  mutation EndorseArgument($argumentId: UUID!) {
    endorseArgument(argumentId: $argumentId) {
      id
      endorsedByMe
      endorsementCount
    }
  }
`);

const UnendorseDocument = graphql(`
  mutation UnendorseArgument($argumentId: UUID!) {
    unendorseArgument(argumentId: $argumentId) {
      id
      endorsedByMe
      endorsementCount
    }
  }
`);

const FlagDocument = graphql(`
  mutation FlagArgument($input: FlagArgumentInput!) {
    flagArgument(input: $input) {
      id
    }
  }
`);

const RestrictDocument = graphql(`
  mutation SetCouncilThreadRestricted($input: SetCouncilThreadRestrictedInput!) {
    setCouncilThreadRestricted(input: $input) {
      restricted
    }
  }
`);

type ArgumentView = ProposalThreadQuery['proposalThread']['arguments']['edges'][number]['node'];

const STANCES: ArgumentStance[] = ['For', 'Against', 'Question', 'Information'];
const RestoreDocument = graphql(`
  mutation RestoreArgument($input: RestoreArgumentInput!) {
    restoreArgument(input: $input) {
      id
      hidden
      hiddenReason
      body
      bodyHtml
    }
  }
`);

/** Moderators show a hidden argument again, saying why (a hiding overturned on review). */
function RestoreForm({
  argumentId,
  author,
  onChanged,
}: {
  argumentId: string;
  author: string;
  onChanged(message: string): void;
}) {
  const t = useT();
  const [result, restore] = useAnnouncedMutation(RestoreDocument, onChanged);
  return (
    <TwoStepAction
      button={{ label: t('moderation.restore') }}
      field={{
        id: `restore-${argumentId}`,
        label: t('moderation.restoreReason'),
        maxLength: 2000,
        multiline: true,
      }}
      submitLabel={t('moderation.restoreConfirm')}
      state={result}
      onSubmit={(reason) =>
        restore({ input: { argumentId, reason } }, t('moderation.restored', { author }))
      }
    />
  );
}

const FLAGS: FlagKind[] = ['NeedsVerification', 'SourceNeeded', 'False'];

function ArgumentForm({
  idPrefix,
  submitLabel,
  stanceRequired,
  onSubmit,
}: {
  idPrefix: string;
  submitLabel: string;
  stanceRequired: boolean;
  onSubmit(body: string, stance: ArgumentStance | null): Promise<boolean>;
}) {
  const t = useT();
  const [body, setBody] = useState('');
  const [stance, setStance] = useState<ArgumentStance | ''>(stanceRequired ? 'For' : '');

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (await onSubmit(body, stance || null)) setBody('');
  }

  return (
    <form className="stack" onSubmit={(event) => void submit(event)}>
      <SelectField
        id={`${idPrefix}-stance`}
        label={t('thread.stance')}
        value={stance}
        onChange={setStance}
        placeholder={stanceRequired ? undefined : t('thread.noStance')}
        options={STANCES.map((value) => ({ value, label: t(`stance.${value}`) }))}
      />
      <TextAreaField
        id={`${idPrefix}-body`}
        label={t('thread.body')}
        required
        rows={4}
        maxLength={10000}
        value={body}
        onChange={(event) => setBody(event.target.value)}
      />
      <button type="submit" className="button-primary">
        {submitLabel}
      </button>
    </form>
  );
}

/** Replies load when asked for, keeping the thread's query small. */
function Replies({
  argumentId,
  onChanged,
}: {
  argumentId: string;
  onChanged(message: string): void;
}) {
  const [{ data, error }] = useQuery({ query: RepliesDocument, variables: { argumentId } });
  return (
    <>
      <ErrorAlert error={error} />
      <ol className="thread replies">
        {data?.argumentReplies.edges.map(({ node }) => (
          <li key={node.id}>
            <ArgumentCard argument={node} onChanged={onChanged} />
          </li>
        ))}
      </ol>
    </>
  );
}

function ArgumentCard({
  argument,
  onChanged,
}: {
  argument: ArgumentView;
  onChanged(message: string): void;
}) {
  const t = useT();
  const { locale } = useLocale();
  const [endorse, endorseArgument] = useMutation(EndorseDocument);
  const [unendorse, unendorseArgument] = useMutation(UnendorseDocument);
  const [reply, replyToArgument] = useMutation(ReplyDocument);
  const [flag, flagArgument] = useAnnouncedMutation(FlagDocument, onChanged);
  const [flagKind, setFlagKind] = useState<FlagKind>('SourceNeeded');
  const { hasRole } = useSession();
  const [replying, setReplying] = useState(false);
  const [showReplies, setShowReplies] = useState(false);
  const author = argument.author.displayName;

  async function toggleEndorsement() {
    const variables = { argumentId: argument.id };
    if (argument.endorsedByMe) await unendorseArgument(variables);
    else await endorseArgument(variables);
  }

  return (
    <article className="argument" aria-label={t('thread.argumentBy', { author })}>
      <p className="meta">
        {argument.stance && (
          <span className={`stance stance-${argument.stance}`}>
            {t(`stance.${argument.stance}`)}
          </span>
        )}{' '}
        <strong>{author}</strong> · {formatDateTime(argument.createdAt, locale)}
      </p>
      {/* bodyHtml is rendered and sanitised by the API (sanitize-html). */}
      <div className="prose" dangerouslySetInnerHTML={{ __html: argument.bodyHtml }} />
      <ErrorAlert error={endorse.error ?? unendorse.error ?? reply.error ?? flag.error} />
      {!argument.hidden && (
        <div className="button-row">
          <button
            type="button"
            className="button-secondary"
            aria-pressed={argument.endorsedByMe}
            onClick={() => void toggleEndorsement()}
          >
            {t('thread.endorse', { count: argument.endorsementCount })}
          </button>
          <button
            type="button"
            className="button-secondary"
            aria-expanded={replying}
            onClick={() => setReplying((open) => !open)}
          >
            {t('thread.reply')}
          </button>
          <label className="visually-hidden" htmlFor={`flag-${argument.id}`}>
            {t('thread.flagKind')}
          </label>
          <select
            id={`flag-${argument.id}`}
            className="inline-select"
            value={flagKind}
            onChange={(event) => setFlagKind(event.target.value as FlagKind)}
          >
            {FLAGS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`flag.${kind}`)}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="button-secondary"
            disabled={argument.myOpenFlags.includes(flagKind)}
            onClick={() =>
              flagArgument(
                { input: { argumentId: argument.id, kind: flagKind } },
                t('thread.flagged'),
              )
            }
          >
            {t('thread.flag')}
          </button>
        </div>
      )}
      {argument.hidden && hasRole('Moderator') && (
        <RestoreForm argumentId={argument.id} author={author} onChanged={onChanged} />
      )}
      {replying && (
        <ArgumentForm
          idPrefix={`reply-${argument.id}`}
          submitLabel={t('thread.sendReply')}
          stanceRequired={false}
          onSubmit={async (body, stance) => {
            const result = await replyToArgument({
              input: { argumentId: argument.id, body, stance: stance ?? undefined },
            });
            if (result.data) {
              setReplying(false);
              onChanged(t('thread.replied'));
            }
            return Boolean(result.data);
          }}
        />
      )}
      {argument.replyCount > 0 && (
        <button
          type="button"
          className="button-link"
          aria-expanded={showReplies}
          onClick={() => setShowReplies((open) => !open)}
        >
          {t('thread.showReplies', { count: argument.replyCount })}
        </button>
      )}
      {showReplies && <Replies argumentId={argument.id} onChanged={onChanged} />}
    </article>
  );
}

/**
 * A proposal's thread: counts by stance, arguments and replies, posting,
 * endorsing, flagging. Without `council` the general thread; with it the
 * council's own, restricted to its members until the chair (or the
 * secretary, `canRestrict`) opens it to everyone.
 */
export function ProposalThread({
  proposalId,
  council,
  canRestrict = false,
}: {
  proposalId: string;
  council?: { id: string; name: string };
  canRestrict?: boolean;
}) {
  const t = useT();
  const councilId = council?.id;
  const [{ data, error }, refetch] = useQuery({
    query: ThreadDocument,
    variables: { proposalId, councilId },
  });
  const [post, postArgument] = useMutation(PostDocument);
  const [restriction, restrict] = useAnnouncedMutation(RestrictDocument, changed);
  const [status, setStatus] = useState<string | null>(null);
  const thread = data?.proposalThread;
  const prefix = councilId ? `council-thread-${councilId}` : 'thread';

  function changed(message: string) {
    setStatus(message);
    refetch({ requestPolicy: 'network-only' });
  }

  return (
    <section aria-labelledby={`${prefix}-title`} className="card">
      <h2 id={`${prefix}-title`}>
        {council ? t('thread.councilTitle', { council: council.name }) : t('thread.title')}
      </h2>
      <ErrorAlert error={error ?? post.error ?? restriction.error} />
      <StatusMessage>{status}</StatusMessage>
      {council && thread && (
        <div className="stack">
          <p className="hint">
            {t(thread.restricted ? 'thread.councilRestricted' : 'thread.councilOpen')}
          </p>
          {canRestrict && (
            <div>
              <button
                type="button"
                className="button-secondary"
                disabled={restriction.fetching}
                onClick={() =>
                  restrict(
                    {
                      input: { proposalId, councilId: council.id, restricted: !thread.restricted },
                    },
                    t(thread.restricted ? 'thread.councilOpened' : 'thread.councilClosed'),
                  )
                }
              >
                {t(thread.restricted ? 'thread.openToAll' : 'thread.restrictAgain')}
              </button>
            </div>
          )}
        </div>
      )}
      {thread && (
        <>
          <p className="meta">
            {t('thread.counts', {
              for: thread.counts.for,
              against: thread.counts.against,
              question: thread.counts.question,
              information: thread.counts.information,
            })}
          </p>
          {thread.arguments.edges.length === 0 && <p>{t('thread.empty')}</p>}
          <ol className="thread">
            {thread.arguments.edges.map(({ node }) => (
              <li key={node.id}>
                <ArgumentCard argument={node} onChanged={changed} />
              </li>
            ))}
          </ol>
        </>
      )}
      <h3>{t('thread.post')}</h3>
      <ArgumentForm
        idPrefix={`${prefix}-new-argument`}
        submitLabel={t('thread.publish')}
        stanceRequired
        onSubmit={async (body, stance) => {
          const result = await postArgument({
            input: { proposalId, councilId, body, stance: stance ?? 'For' },
          });
          if (result.data) changed(t('thread.posted'));
          return Boolean(result.data);
        }}
      />
    </section>
  );
}
