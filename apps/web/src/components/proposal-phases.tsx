import { FormEvent, useState } from 'react';
import { useMutation } from 'urql';
import { useAnnouncedMutation } from '../api/use-announced-mutation';
import { fromMontrealInput } from '../format/datetime-input';
import { graphql } from '../gql';
import type { ProposalPageQuery, ProposalStatus, SubmitProposalInput } from '../gql/graphql';
import { useT } from '../i18n/locale';
import type { MessageId } from '../i18n/messages.fr-CA';
import { ErrorAlert } from './feedback';
import { TextField } from './text-field';
import { TwoStepAction } from './two-step-action';

const ScheduleMutation = graphql(`
  mutation ScheduleProposal($input: SubmitProposalInput!) {
    submitProposal(input: $input) {
      id
      status
      consultationEndsAt
      deliberationEndsAt
      votingOpensAt
      votingClosesAt
    }
  }
`);

const AdvanceMutation = graphql(`
  mutation AdvanceProposal($input: AdvanceProposalInput!) {
    advanceProposal(input: $input) {
      id
      status
    }
  }
`);

const CancelMutation = graphql(`
  mutation CancelProposal($input: CancelProposalInput!) {
    cancelProposal(input: $input) {
      id
      status
    }
  }
`);

const ImplementedMutation = graphql(`
  mutation MarkProposalImplemented($proposalId: UUID!) {
    markProposalImplemented(proposalId: $proposalId) {
      id
      status
    }
  }
`);

type Proposal = ProposalPageQuery['proposal'];
type PhaseField = Exclude<keyof SubmitProposalInput, 'proposalId'>;

const PHASES: { field: PhaseField; label: MessageId }[] = [
  { field: 'consultationEndsAt', label: 'proposal.consultationEndsAt' },
  { field: 'deliberationEndsAt', label: 'proposal.deliberationEndsAt' },
  { field: 'votingOpensAt', label: 'proposal.votingOpensAt' },
  { field: 'votingClosesAt', label: 'proposal.votingClosesAt' },
];

/**
 * The secretary tables a draft with its phases' dates, in Montréal time. An
 * empty date takes the charter's minimum; an earlier one is refused by the API
 * (DEADLINE_TOO_SOON), naming the earliest date allowed.
 */
function PhaseSchedule({
  proposal,
  onChanged,
}: {
  proposal: Proposal;
  onChanged(message: string): void;
}) {
  const t = useT();
  const consults = proposal.decisionRights.consulted.length > 0;
  const phases = PHASES.filter(({ field }) => consults || field !== 'consultationEndsAt');
  const [dates, setDates] = useState<Partial<Record<PhaseField, string>>>({});
  const [result, schedule] = useMutation(ScheduleMutation);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const input: SubmitProposalInput = { proposalId: proposal.id };
    for (const { field } of phases) {
      const instant = dates[field] ? fromMontrealInput(dates[field]) : null;
      if (instant) input[field] = instant;
    }
    const response = await schedule({ input });
    if (response.data) onChanged(t('phases.scheduled'));
  }

  return (
    <form onSubmit={(event) => void submit(event)} className="stack">
      <p className="hint" id="phases-help">
        {t('phases.help')}
      </p>
      <ErrorAlert error={result.error} />
      <fieldset aria-describedby="phases-help">
        <legend>{t('phases.legend')}</legend>
        <div className="form-row">
          {phases.map(({ field, label }) => (
            <TextField
              key={field}
              id={`phase-${field}`}
              label={t(label)}
              type="datetime-local"
              value={dates[field] ?? ''}
              onChange={(event) =>
                setDates((current) => ({ ...current, [field]: event.target.value }))
              }
            />
          ))}
        </div>
      </fieldset>
      <button type="submit" className="button-primary" disabled={result.fetching}>
        {t('phases.submit')}
      </button>
    </form>
  );
}

/** Where the proposal may go next at the secretary's (or author's) hand, before its deadline would. */
const ADVANCE: Partial<Record<ProposalStatus, 'Deliberation' | 'Voting'>> = {
  Consultation: 'Deliberation',
  Deliberation: 'Voting',
};
const CANCELLABLE: ProposalStatus[] = [
  'Submitted',
  'Support',
  'Consultation',
  'Deliberation',
  'Voting',
];

function CancelForm({
  proposalId,
  onChanged,
}: {
  proposalId: string;
  onChanged(message: string): void;
}) {
  const t = useT();
  const [result, cancel] = useAnnouncedMutation(CancelMutation, onChanged);
  return (
    <TwoStepAction
      button={{ label: t('phases.cancel') }}
      field={{ id: 'cancel-reason', label: t('phases.cancelReason'), maxLength: 2000 }}
      submitLabel={t('phases.cancelConfirm')}
      state={result}
      onSubmit={(reason) => cancel({ input: { proposalId, reason } }, t('phases.cancelled'))}
    />
  );
}

/**
 * The secretary's hand on a proposal's phases: table a draft with its
 * schedule, close a phase early where the charter allows, cancel with a
 * reason, record that an adopted proposal was implemented.
 */
export function ProposalPhases({
  proposal,
  onChanged,
}: {
  proposal: Proposal;
  onChanged(message: string): void;
}) {
  const t = useT();
  const [advance, advanceProposal] = useAnnouncedMutation(AdvanceMutation, onChanged);
  const [implemented, markImplemented] = useAnnouncedMutation(ImplementedMutation, onChanged);
  const next = ADVANCE[proposal.status];
  const actions = [
    next && (
      <button
        key="advance"
        type="button"
        className="button-secondary"
        disabled={advance.fetching}
        onClick={() =>
          advanceProposal(
            { input: { proposalId: proposal.id, to: next } },
            t(`phases.advanced.${next}`),
          )
        }
      >
        {t(`phases.advance.${next}`)}
      </button>
    ),
    proposal.status === 'Adopted' && (
      <button
        key="implemented"
        type="button"
        className="button-secondary"
        disabled={implemented.fetching}
        onClick={() => markImplemented({ proposalId: proposal.id }, t('phases.implemented'))}
      >
        {t('phases.markImplemented')}
      </button>
    ),
  ].filter(Boolean);
  const cancellable = CANCELLABLE.includes(proposal.status);
  if (proposal.status !== 'Draft' && actions.length === 0 && !cancellable) return null;

  return (
    <section aria-labelledby="phases-title" className="card">
      <h2 id="phases-title">{t('phases.title')}</h2>
      {proposal.status === 'Draft' && <PhaseSchedule proposal={proposal} onChanged={onChanged} />}
      <ErrorAlert error={advance.error ?? implemented.error} />
      {actions.length > 0 && <div className="form-row">{actions}</div>}
      {cancellable && <CancelForm proposalId={proposal.id} onChanged={onChanged} />}
    </section>
  );
}
