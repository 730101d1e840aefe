import { FormEvent, useState } from 'react';
import { useMutation } from 'urql';
import { ErrorAlert } from '../components/feedback';
import { TextField } from '../components/text-field';
import { graphql } from '../gql';
import type { MemberStatus } from '../gql/graphql';
import { useT } from '../i18n/locale';

const ChangeStatusMutation = graphql(`
  mutation ChangeMemberStatus($input: ChangeMemberStatusInput!) {
    changeMemberStatus(input: $input) {
      id
      status
    }
  }
`);

interface Action {
  action: 'admit' | 'suspend' | 'reinstate' | 'resign';
  to: MemberStatus;
}
/** Suspending and recording a resignation sign the member out everywhere: they ask first, with a reason. */
type Asking = Action & { action: 'suspend' | 'resign' };
const asks = (action: Action): action is Asking =>
  action.action === 'suspend' || action.action === 'resign';

/** What the secretary may do with a member in each status, and the status each action sets. */
const ACTIONS: Record<MemberStatus, Action[]> = {
  Applicant: [{ action: 'admit', to: 'Active' }],
  Active: [
    { action: 'suspend', to: 'Suspended' },
    { action: 'resign', to: 'Resigned' },
  ],
  Suspended: [
    { action: 'reinstate', to: 'Active' },
    { action: 'resign', to: 'Resigned' },
  ],
  Resigned: [],
};

/** The secretary's status actions on one member of the register. */
export function MemberStatusActions({
  member,
  onChanged,
}: {
  member: { id: string; displayName: string; status: MemberStatus };
  onChanged(message: string): void;
}) {
  const t = useT();
  const [asking, setAsking] = useState<Asking | null>(null);
  const [reason, setReason] = useState('');
  const [result, change] = useMutation(ChangeStatusMutation);
  const name = member.displayName;

  async function apply(action: Action) {
    const response = await change({
      input: { memberId: member.id, status: action.to, reason: reason.trim() || undefined },
    });
    if (response.data) {
      setAsking(null);
      setReason('');
      onChanged(t(`memberAction.${action.action}.done`, { name }));
    }
  }

  if (asking) {
    return (
      <form
        className="stack"
        onSubmit={(event: FormEvent) => {
          event.preventDefault();
          void apply(asking);
        }}
      >
        <ErrorAlert error={result.error} />
        <TextField
          id={`status-reason-${member.id}`}
          label={t(`memberAction.${asking.action}.reason`, { name })}
          maxLength={1000}
          autoFocus
          value={reason}
          onChange={(event) => setReason(event.target.value)}
        />
        <div className="button-row">
          <button type="submit" className="button-primary" disabled={result.fetching}>
            {t(`memberAction.${asking.action}.confirm`)}
          </button>
          <button type="button" className="button-secondary" onClick={() => setAsking(null)}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    );
  }
  return (
    <div className="button-row">
      <ErrorAlert error={result.error} />
      {ACTIONS[member.status].map((action) => (
        <button
          key={action.action}
          type="button"
          className="button-secondary"
          aria-label={t(`memberAction.${action.action}.label`, { name })}
          disabled={result.fetching}
          onClick={() => (asks(action) ? setAsking(action) : void apply(action))}
        >
          {t(`memberAction.${action.action}`)}
        </button>
      ))}
    </div>
  );
}
