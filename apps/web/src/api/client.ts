import { cacheExchange, Client, fetchExchange } from 'urql';
import { sessionStore } from './session-store';

const GRAPHQL_URL = '/graphql';

interface GraphQLBody {
  errors?: { extensions?: { code?: string } }[];
}

let currentLocale = 'fr-CA';

/** The API answers errors in the caller's language: follow the portal's language. */
export function setApiLocale(locale: string): void {
  currentLocale = locale;
}

let refreshing: Promise<boolean> | null = null;

/** Exchanges the refresh token for new tokens; concurrent callers share one exchange. */
function refreshSession(): Promise<boolean> {
  const refreshToken = sessionStore.refreshToken();
  if (!refreshToken) return Promise.resolve(false);
  refreshing ??= fetch(GRAPHQL_URL, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query:
        'mutation Refresh($token: String!) { refreshSession(refreshToken: $token) { accessToken refreshToken } }',
      variables: { token: refreshToken },
    }),
  })
    .then(async (response) => {
      const body = (await response.json()) as {
        data?: { refreshSession?: { accessToken: string; refreshToken: string } } | null;
      };
      if (!body.data?.refreshSession) {
        sessionStore.clear();
        return false;
      }
      sessionStore.save(body.data.refreshSession);
      return true;
    })
    .catch(() => false)
    .finally(() => {
      refreshing = null;
    });
  return refreshing;
}

function withHeaders(init: RequestInit | undefined): RequestInit {
  const headers = new Headers(init?.headers);
  headers.set('accept-language', currentLocale);
  const token = sessionStore.accessToken();
  if (token) headers.set('authorization', `Bearer ${token}`);
  return { ...init, headers };
}

/**
 * fetch for urql: adds the token and language, and when the access token has
 * expired (or is not loaded yet after a reload) refreshes once and retries.
 */
export const authenticatedFetch: typeof fetch = async (input, init) => {
  const response = await fetch(input, withHeaders(init));
  const body = (await response
    .clone()
    .json()
    .catch(() => null)) as GraphQLBody | null;
  const unauthenticated = body?.errors?.some((e) => e.extensions?.code === 'UNAUTHENTICATED');
  if (!unauthenticated || !(await refreshSession())) return response;
  return fetch(input, withHeaders(init));
};

export function createApiClient(): Client {
  return new Client({
    url: GRAPHQL_URL,
    exchanges: [cacheExchange, fetchExchange],
    fetch: authenticatedFetch,
    requestPolicy: 'cache-and-network',
    // Apollo's CSRF protection refuses simple GET requests; POST every operation.
    preferGetMethod: false,
  });
}
