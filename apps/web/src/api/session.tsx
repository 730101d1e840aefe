import {
  createContext,
  ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
} from 'react';
import { Provider } from 'urql';
import { graphql } from '../gql';
import type { SessionAccountFragment } from '../gql/graphql';
import { toAppLocale } from '../format/format';
import { useLocale } from '../i18n/locale';
import { createApiClient } from './client';
import { sessionStore } from './session-store';

export const SessionAccount = graphql(`
  fragment SessionAccount on Account {
    id
    email
    locale
    roles
    member {
      id
      displayName
      kind
      status
    }
  }
`);

/** What sign-in and accepting an invitation both return: the tokens and the account. */
export const SessionPayload = graphql(`
  fragment SessionPayload on AuthPayload {
    accessToken
    refreshToken
    account {
      ...SessionAccount
    }
  }
`);

const MeQuery = graphql(`
  query Me {
    me {
      ...SessionAccount
    }
  }
`);

const LogoutMutation = graphql(`
  mutation Logout {
    logout
  }
`);

export type Account = SessionAccountFragment;
export type Role = Account['roles'][number];

interface SessionContextValue {
  /** undefined while the stored session is being restored. */
  account: Account | null | undefined;
  signIn(payload: { accessToken: string; refreshToken: string; account: Account }): void;
  signOut(): Promise<void>;
  /** The reader signed out here: the next sign-in starts from home, not their last page. */
  signedOut: boolean;
  hasRole(...roles: Role[]): boolean;
}

const SessionContext = createContext<SessionContextValue | null>(null);

/** Holds the signed-in account and the GraphQL client (replaced on sign-out to drop its cache). */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [client, setClient] = useState(createApiClient);
  const [account, setAccount] = useState<Account | null | undefined>(() =>
    sessionStore.refreshToken() ? undefined : null,
  );
  const [signedOut, setSignedOut] = useState(false);
  const { chosen, setLocale } = useLocale();

  useEffect(() => {
    if (account !== undefined) return;
    void client
      .query(MeQuery, {}, { requestPolicy: 'network-only' })
      .toPromise()
      // A sign-in may have completed meanwhile: the restored session must not overwrite it.
      .then((result) => setAccount((current) => current ?? result.data?.me ?? null));
  }, [account, client]);

  const signIn = useCallback<SessionContextValue['signIn']>(
    (payload) => {
      sessionStore.save(payload);
      setSignedOut(false);
      if (!chosen) setLocale(toAppLocale(payload.account.locale));
      setAccount(payload.account);
    },
    [chosen, setLocale],
  );

  const signOut = useCallback(async () => {
    await client.mutation(LogoutMutation, {}).toPromise();
    sessionStore.clear();
    setSignedOut(true);
    setAccount(null);
    setClient(createApiClient());
  }, [client]);

  const value = useMemo<SessionContextValue>(
    () => ({
      account,
      signIn,
      signOut,
      signedOut,
      hasRole: (...roles) => roles.some((role) => account?.roles.includes(role)),
    }),
    [account, signIn, signOut, signedOut],
  );
  return (
    <SessionContext.Provider value={value}>
      <Provider value={client}>{children}</Provider>
    </SessionContext.Provider>
  );
}

export function useSession(): SessionContextValue {
  const context = useContext(SessionContext);
  if (!context) throw new Error('useSession outside SessionProvider');
  return context;
}
