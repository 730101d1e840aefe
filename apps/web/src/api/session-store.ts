/**
 * Where the session's tokens live. The short-lived access token stays in
 * memory; the refresh token is kept in localStorage so a reload or a new tab
 * does not sign the member out (the API rotates it at every use).
 */
const REFRESH_KEY = 'delibera.refreshToken';

let accessToken: string | null = null;

export const sessionStore = {
  accessToken: () => accessToken,
  refreshToken: () => localStorage.getItem(REFRESH_KEY),
  save(tokens: { accessToken: string; refreshToken: string }) {
    accessToken = tokens.accessToken;
    localStorage.setItem(REFRESH_KEY, tokens.refreshToken);
  },
  clear() {
    accessToken = null;
    localStorage.removeItem(REFRESH_KEY);
  },
};
