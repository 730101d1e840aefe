import { FormEvent, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useMutation } from 'urql';
import { useSession } from '../api/session';
import { ErrorAlert } from '../components/feedback';
import { usePageTitle } from '../components/page-title';
import { SelectField } from '../components/select-field';
import { TextAreaField, TextField } from '../components/text-field';
import { graphql } from '../gql';
import type { DecisionType } from '../gql/graphql';
import { useT } from '../i18n/locale';
import { charterChangeInput, NO_CHARTER_CHANGE } from '../proposals/charter-change-draft';
import { CharterChangeFields } from '../proposals/charter-change-fields';

const DraftMutation = graphql(`
  mutation DraftProposal($input: DraftProposalInput!) {
    draftProposal(input: $input) {
      id
    }
  }
`);

const DraftBoardMutation = graphql(`
  mutation DraftBoardProposal($input: DraftProposalInput!) {
    draftBoardProposal(input: $input) {
      id
    }
  }
`);

/** What a member may put forward; elections, admissions, scales and opinions have their own ways in. */
export const DRAFTABLE_TYPES: DecisionType[] = [
  'OrdinaryResolution',
  'SpecialResolution',
  'Budget',
  'CharterAmendment',
  'Referendum',
];

export const TITLE_MAX = 200;
export const BODY_MAX = 100_000;
export const NOTE_MAX = 5_000;

/** A member drafts a proposal (an initiative); the secretary or a trustee may draft one the board tables. */
export function ProposalNewPage() {
  const t = useT();
  usePageTitle(t('draft.title'));
  const navigate = useNavigate();
  const { hasRole } = useSession();
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [decisionType, setDecisionType] = useState<DecisionType>('OrdinaryResolution');
  const [charterChange, setCharterChange] = useState(NO_CHARTER_CHANGE);
  const [tabled, setTabled] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [member, draftMember] = useMutation(DraftMutation);
  const [board, draftBoard] = useMutation(DraftBoardMutation);
  const canTable = hasRole('Secretary', 'Trustee');

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (title.trim() === '' || body.trim() === '') {
      setProblem(t('draft.missing'));
      return;
    }
    const change = charterChangeInput(charterChange, decisionType);
    if ('unreadable' in change) {
      setProblem(t('charterChangeForm.unreadable', { field: t(change.unreadable) }));
      return;
    }
    setProblem(null);
    const input = { title: title.trim(), body, decisionType, charterChange: change.input };
    const id = tabled
      ? (await draftBoard({ input })).data?.draftBoardProposal.id
      : (await draftMember({ input })).data?.draftProposal.id;
    if (id) void navigate(`/proposals/${id}`, { state: { drafted: true } });
  }

  return (
    <>
      <p className="breadcrumb">
        <Link to="/proposals">{t('proposals.title')}</Link>
      </p>
      <h1>{t('draft.title')}</h1>
      <p className="hint">{t('draft.intro')}</p>
      <form onSubmit={(event) => void submit(event)} className="stack card" noValidate>
        <ErrorAlert error={problem ?? member.error ?? board.error} />
        <TextField
          id="draft-title"
          label={t('draft.titleField')}
          maxLength={TITLE_MAX}
          required
          value={title}
          onChange={(event) => setTitle(event.target.value)}
        />
        <SelectField
          id="draft-type"
          label={t('draft.decisionType')}
          value={decisionType}
          onChange={setDecisionType}
          options={DRAFTABLE_TYPES.map((type) => ({
            value: type,
            label: t(`decisionType.${type}`),
          }))}
        />
        <TextAreaField
          id="draft-body"
          label={t('draft.body')}
          rows={14}
          maxLength={BODY_MAX}
          required
          aria-describedby="draft-body-help"
          value={body}
          onChange={(event) => setBody(event.target.value)}
        >
          <p className="hint" id="draft-body-help">
            {t('draft.bodyHelp')}
          </p>
        </TextAreaField>
        {decisionType === 'CharterAmendment' && (
          <CharterChangeFields draft={charterChange} onChange={setCharterChange} />
        )}
        {canTable && (
          <div className="checkbox">
            <input
              id="draft-tabled"
              type="checkbox"
              checked={tabled}
              onChange={(event) => setTabled(event.target.checked)}
            />
            <label htmlFor="draft-tabled">{t('draft.tabled')}</label>
          </div>
        )}
        <button
          type="submit"
          className="button-primary"
          disabled={member.fetching || board.fetching}
        >
          {t('draft.save')}
        </button>
      </form>
    </>
  );
}
