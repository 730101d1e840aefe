import { FormEvent, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useMutation } from 'urql';
import { useSession } from '../api/session';
import { ErrorAlert } from '../components/feedback';
import { usePageTitle } from '../components/page-title';
import { TextField } from '../components/text-field';
import { graphql } from '../gql';
import { useT } from '../i18n/locale';

const AcceptInvitationMutation = graphql(`
  mutation AcceptInvitation($input: AcceptInvitationInput!) {
    acceptInvitation(input: $input) {
      ...SessionPayload
    }
  }
`);

/** Opened from the invitation email (`/invitation?token=…`): choose a password, then you are signed in. */
export function AcceptInvitationPage() {
  const t = useT();
  usePageTitle(t('invitation.title'));
  const token = useSearchParams()[0].get('token');
  const { signIn } = useSession();
  const navigate = useNavigate();
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const [result, accept] = useMutation(AcceptInvitationMutation);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setMismatch(password !== confirmation);
    if (!token || password !== confirmation) return;
    const response = await accept({ input: { token, password } });
    if (response.data) {
      signIn(response.data.acceptInvitation);
      void navigate('/', { replace: true });
    }
  }

  return (
    <div className="narrow">
      <h1>{t('invitation.title')}</h1>
      {!token ? (
        <p role="alert" className="notice notice-error">
          {t('invitation.missingToken')}
        </p>
      ) : (
        <>
          <p>{t('invitation.intro')}</p>
          <form onSubmit={(event) => void submit(event)} className="stack">
            <ErrorAlert error={mismatch ? t('invitation.mismatch') : result.error} />
            <TextField
              id="new-password"
              label={t('invitation.password')}
              type="password"
              autoComplete="new-password"
              required
              value={password}
              onChange={(event) => setPassword(event.target.value)}
            />
            <TextField
              id="confirm-password"
              label={t('invitation.confirm')}
              type="password"
              autoComplete="new-password"
              required
              aria-invalid={mismatch}
              value={confirmation}
              onChange={(event) => setConfirmation(event.target.value)}
            />
            <button type="submit" className="button-primary" disabled={result.fetching}>
              {t('invitation.submit')}
            </button>
          </form>
        </>
      )}
    </div>
  );
}
