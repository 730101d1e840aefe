import { FormEvent, useState } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { useMutation } from 'urql';
import { useSession } from '../api/session';
import { ErrorAlert } from '../components/feedback';
import { usePageTitle } from '../components/page-title';
import { TextField } from '../components/text-field';
import { graphql } from '../gql';
import { useT } from '../i18n/locale';

const LoginMutation = graphql(`
  mutation Login($input: LoginInput!) {
    login(input: $input) {
      ...SessionPayload
    }
  }
`);

export function SignInPage() {
  const t = useT();
  usePageTitle(t('signIn.title'));
  const { account, signIn } = useSession();
  const navigate = useNavigate();
  const from = (useLocation().state as { from?: string } | null)?.from ?? '/';
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [result, login] = useMutation(LoginMutation);

  if (account) return <Navigate to={from} replace />;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const response = await login({ input: { email, password } });
    if (response.data) {
      signIn(response.data.login);
      void navigate(from, { replace: true });
    }
  }

  return (
    <div className="narrow">
      <h1>{t('signIn.title')}</h1>
      <p>{t('signIn.intro')}</p>
      <form onSubmit={(event) => void submit(event)} className="stack">
        <ErrorAlert error={result.error} />
        <TextField
          id="email"
          label={t('signIn.email')}
          type="email"
          autoComplete="email"
          required
          value={email}
          onChange={(event) => setEmail(event.target.value)}
        />
        <TextField
          id="password"
          label={t('signIn.password')}
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(event) => setPassword(event.target.value)}
        />
        <button type="submit" className="button-primary" disabled={result.fetching}>
          {result.fetching ? t('signIn.pending') : t('signIn.submit')}
        </button>
      </form>
    </div>
  );
}
