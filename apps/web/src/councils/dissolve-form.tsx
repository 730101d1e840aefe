import { FormEvent, useState } from 'react';
import { useMutation } from 'urql';
import { ErrorAlert } from '../components/feedback';
import { TextAreaField } from '../components/text-field';
import { graphql } from '../gql';
import { useT } from '../i18n/locale';

const DissolveCouncilMutation = graphql(`
  mutation DissolveCouncil($input: DissolveCouncilInput!) {
    dissolveCouncil(input: $input) {
      id
      dissolvedAt
    }
  }
`);

/**
 * The secretary dissolves a council, giving the reason: its seats end and its
 * applications are refused. The API refuses while the charter consults it or
 * while it has work under way, and says why.
 */
export function DissolveCouncilForm({
  councilId,
  councilName,
  onDone,
}: {
  councilId: string;
  councilName: string;
  onDone(message: string): void;
}) {
  const t = useT();
  const [reason, setReason] = useState('');
  const [result, dissolve] = useMutation(DissolveCouncilMutation);
  const id = `dissolve-${councilId}`;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const response = await dissolve({ input: { councilId, reason: reason.trim() } });
    if (response.data) onDone(t('councilAdmin.dissolved', { council: councilName }));
  }

  return (
    <form onSubmit={(event) => void submit(event)} className="stack">
      <ErrorAlert error={result.error} />
      <TextAreaField
        id={`${id}-reason`}
        label={t('councilAdmin.dissolveReason')}
        aria-describedby={`${id}-hint`}
        required
        minLength={3}
        maxLength={2000}
        value={reason}
        onChange={(event) => setReason(event.target.value)}
      >
        <p id={`${id}-hint`} className="hint">
          {t('councilAdmin.dissolveHint')}
        </p>
      </TextAreaField>
      <button
        type="submit"
        className="button-secondary"
        disabled={result.fetching || reason.trim().length < 3}
      >
        {t('councilAdmin.dissolveSubmit', { council: councilName })}
      </button>
    </form>
  );
}
