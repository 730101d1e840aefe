import { FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { useMutation } from 'urql';
import { useAnnouncedMutation } from '../api/use-announced-mutation';
import { fromMontrealInput, montrealInputInDays } from '../format/datetime-input';
import { formatDateTime } from '../format/format';
import { graphql } from '../gql';
import type { AmendmentStatus, ProposalPageQuery } from '../gql/graphql';
import { useLocale, useT } from '../i18n/locale';
import { BODY_MAX, NOTE_MAX, TITLE_MAX } from '../pages/proposal-new-page';
import { charterChangeInput, draftOf } from '../proposals/charter-change-draft';
import { CharterChangeFields } from '../proposals/charter-change-fields';
import { ErrorAlert } from './feedback';
import { TextAreaField, TextField } from './text-field';
import { TwoStepAction } from './two-step-action';

const EditDraftMutation = graphql(`
  mutation EditProposalDraft($input: EditProposalDraftInput!) {
    editProposalDraft(input: $input) {
      id
      title
      currentVersion
    }
  }
`);

const SubmitProposalMutation = graphql(`
  mutation SubmitProposal($input: SubmitProposalInput!) {
    submitProposal(input: $input) {
      id
      status
    }
  }
`);

const ProposeAmendmentMutation = graphql(`
  mutation ProposeAmendment($input: ProposeAmendmentInput!) {
    proposeAmendment(input: $input) {
      id
      status
    }
  }
`);

const PutAmendmentToVoteMutation = graphql(`
  mutation PutAmendmentToVote($input: PutAmendmentToVoteInput!) {
    putAmendmentToVote(input: $input) {
      id
      status
      voteId
    }
  }
`);

const DecideAmendmentMutation = graphql(`
  mutation DecideAmendment($input: DecideAmendmentInput!) {
    decideAmendment(input: $input) {
      id
      status
      resultingVersion
    }
  }
`);

type Proposal = ProposalPageQuery['proposal'];

/** Title and Markdown body, shared by editing a draft and proposing an amendment. */
function TextFields({
  prefix,
  title,
  body,
  onTitle,
  onBody,
}: {
  prefix: string;
  title: string;
  body: string;
  onTitle(value: string): void;
  onBody(value: string): void;
}) {
  const t = useT();
  return (
    <>
      <TextField
        id={`${prefix}-title`}
        label={t('draft.titleField')}
        maxLength={TITLE_MAX}
        required
        value={title}
        onChange={(event) => onTitle(event.target.value)}
      />
      <TextAreaField
        id={`${prefix}-body`}
        label={t('draft.body')}
        rows={12}
        maxLength={BODY_MAX}
        required
        value={body}
        onChange={(event) => onBody(event.target.value)}
      />
    </>
  );
}

/** The author's draft: edit it (each save is a version) and submit it. */
export function DraftActions({
  proposal,
  canSubmit,
  onChanged,
}: {
  proposal: Proposal;
  /** False for the secretary, who submits with the phases' schedule instead. */
  canSubmit: boolean;
  onChanged(message: string): void;
}) {
  const t = useT();
  const [editing, setEditing] = useState(false);
  const [title, setTitle] = useState(proposal.title);
  const [body, setBody] = useState(proposal.body);
  const [note, setNote] = useState('');
  const { locale } = useLocale();
  const [charterChange, setCharterChange] = useState(() =>
    draftOf(proposal.charterChange, locale === 'fr-CA' ? ',' : '.'),
  );
  const [problem, setProblem] = useState<string | null>(null);
  const [edit, editDraft] = useMutation(EditDraftMutation);
  const [submission, submitProposal] = useAnnouncedMutation(SubmitProposalMutation, onChanged);

  async function save(event: FormEvent) {
    event.preventDefault();
    if (title.trim() === '' || body.trim() === '') {
      setProblem(t('draft.missing'));
      return;
    }
    const change = charterChangeInput(charterChange, proposal.decisionType);
    if ('unreadable' in change) {
      setProblem(t('charterChangeForm.unreadable', { field: t(change.unreadable) }));
      return;
    }
    setProblem(null);
    const response = await editDraft({
      input: {
        proposalId: proposal.id,
        title: title.trim(),
        body,
        note: note.trim() || undefined,
        charterChange: change.input,
      },
    });
    if (response.data) {
      setEditing(false);
      setNote('');
      onChanged(t('draft.saved', { version: response.data.editProposalDraft.currentVersion }));
    }
  }

  return (
    <section aria-labelledby="draft-actions-title" className="card">
      <h2 id="draft-actions-title">{t('draft.yourDraft')}</h2>
      <p className="hint">{t('draft.yourDraftHelp')}</p>
      {editing ? (
        <form onSubmit={(event) => void save(event)} className="stack" noValidate>
          <ErrorAlert error={problem ?? edit.error} />
          <TextFields prefix="edit" title={title} body={body} onTitle={setTitle} onBody={setBody} />
          {proposal.decisionType === 'CharterAmendment' && (
            <CharterChangeFields draft={charterChange} onChange={setCharterChange} />
          )}
          <TextField
            id="edit-note"
            label={t('draft.note')}
            maxLength={NOTE_MAX}
            value={note}
            onChange={(event) => setNote(event.target.value)}
          />
          <div className="form-row">
            <button type="submit" className="button-primary" disabled={edit.fetching}>
              {t('draft.saveVersion')}
            </button>
            <button type="button" className="button-secondary" onClick={() => setEditing(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <div className="stack">
          <ErrorAlert error={submission.error} />
          <div className="form-row">
            <button type="button" className="button-secondary" onClick={() => setEditing(true)}>
              {t('draft.edit')}
            </button>
            {canSubmit && (
              <button
                type="button"
                className="button-primary"
                disabled={submission.fetching}
                onClick={() =>
                  submitProposal({ input: { proposalId: proposal.id } }, t('draft.submitted'))
                }
              >
                {t('draft.submit')}
              </button>
            )}
          </div>
        </div>
      )}
    </section>
  );
}

const DECISIONS = ['Accepted', 'Refused'] as const satisfies AmendmentStatus[];

/** The author or the secretary puts an amendment to its own vote, by the body that decides. */
function PutToVoteForm({
  amendmentId,
  title,
  onDone,
}: {
  amendmentId: string;
  title: string;
  onDone(message: string): void;
}) {
  const t = useT();
  const [result, putToVote] = useAnnouncedMutation(PutAmendmentToVoteMutation, onDone);
  return (
    <TwoStepAction
      button={{
        label: t('amendment.decide.PutToVote'),
        ariaLabel: t('amendment.decide.PutToVoteLabel', { title }),
      }}
      field={{
        id: `amendment-vote-${amendmentId}`,
        label: t('amendment.voteClosesAt'),
        type: 'datetime-local',
        // A default close in eight days (the charter's longest minimum voting period is a week), Montréal time.
        initialValue: montrealInputInDays(8),
      }}
      submitLabel={t('amendment.openVote')}
      state={result}
      onSubmit={(closesAt) =>
        putToVote(
          { input: { amendmentId, closesAt: fromMontrealInput(closesAt) ?? '' } },
          t('amendment.decided.PutToVote'),
        )
      }
    />
  );
}

/**
 * Amendments: during deliberation any member proposes a whole new text with
 * its rationale; the author accepts or refuses it, or (with the secretary)
 * puts it to a vote.
 */
export function Amendments({
  proposal,
  isAuthor,
  canPutToVote,
  onChanged,
}: {
  proposal: Proposal;
  isAuthor: boolean;
  canPutToVote: boolean;
  onChanged(message: string): void;
}) {
  const t = useT();
  const { locale } = useLocale();
  const [open, setOpen] = useState(false);
  const [title, setTitle] = useState(proposal.title);
  const [body, setBody] = useState(proposal.body);
  const [rationale, setRationale] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [proposing, propose] = useMutation(ProposeAmendmentMutation);
  const [decision, decide] = useAnnouncedMutation(DecideAmendmentMutation, onChanged);
  const deliberating = proposal.status === 'Deliberation';
  if (!deliberating && proposal.amendments.length === 0) return null;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (title.trim() === '' || body.trim() === '' || rationale.trim() === '') {
      setProblem(t('amendment.missing'));
      return;
    }
    setProblem(null);
    const response = await propose({
      input: { proposalId: proposal.id, title: title.trim(), body, rationale: rationale.trim() },
    });
    if (response.data) {
      setOpen(false);
      setRationale('');
      onChanged(t('amendment.proposed'));
    }
  }

  return (
    <section aria-labelledby="amendments-title" className="card">
      <h2 id="amendments-title">{t('amendment.title')}</h2>
      <ErrorAlert error={decision.error} />
      {proposal.amendments.length === 0 ? (
        <p>{t('amendment.none')}</p>
      ) : (
        <ul className="card-list">
          {proposal.amendments.map((amendment) => (
            <li key={amendment.id} className="opinion">
              <h3>{amendment.title}</h3>
              <p className="meta">
                {t(`amendmentStatus.${amendment.status}`)} ·{' '}
                {t('amendment.onVersion', { version: amendment.baseVersion })} ·{' '}
                {formatDateTime(amendment.createdAt, locale)}
              </p>
              <p className="pre-line">{amendment.rationale}</p>
              <details>
                <summary>{t('amendment.showText')}</summary>
                <pre className="amendment-text">{amendment.body}</pre>
              </details>
              {amendment.voteId && (
                <p>
                  <Link to={`/votes/${amendment.voteId}`}>{t('amendment.seeVote')}</Link>
                </p>
              )}
              {amendment.status === 'Proposed' && (isAuthor || canPutToVote) && (
                <div className="form-row">
                  {isAuthor &&
                    DECISIONS.map((value) => (
                      <button
                        key={value}
                        type="button"
                        className={value === 'Accepted' ? 'button-primary' : 'button-secondary'}
                        disabled={decision.fetching}
                        aria-label={t(`amendment.decide.${value}Label`, { title: amendment.title })}
                        onClick={() =>
                          decide(
                            { input: { amendmentId: amendment.id, decision: value } },
                            t(`amendment.decided.${value}`),
                          )
                        }
                      >
                        {t(`amendment.decide.${value}`)}
                      </button>
                    ))}
                  <PutToVoteForm
                    amendmentId={amendment.id}
                    title={amendment.title}
                    onDone={onChanged}
                  />
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      {deliberating &&
        (open ? (
          <form onSubmit={(event) => void submit(event)} className="stack" noValidate>
            <h3>{t('amendment.proposeTitle')}</h3>
            <p className="hint">{t('amendment.proposeHelp')}</p>
            <ErrorAlert error={problem ?? proposing.error} />
            <TextFields
              prefix="amendment"
              title={title}
              body={body}
              onTitle={setTitle}
              onBody={setBody}
            />
            <TextAreaField
              id="amendment-rationale"
              label={t('amendment.rationale')}
              rows={4}
              maxLength={NOTE_MAX}
              required
              value={rationale}
              onChange={(event) => setRationale(event.target.value)}
            />
            <div className="form-row">
              <button type="submit" className="button-primary" disabled={proposing.fetching}>
                {t('amendment.submit')}
              </button>
              <button type="button" className="button-secondary" onClick={() => setOpen(false)}>
                {t('common.cancel')}
              </button>
            </div>
          </form>
        ) : (
          <button type="button" className="button-secondary" onClick={() => setOpen(true)}>
            {t('amendment.propose')}
          </button>
        ))}
    </section>
  );
}
