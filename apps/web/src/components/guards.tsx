import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { Role, useSession } from '../api/session';
import { Loading } from './feedback';
import { NotFoundPage } from '../pages/not-found-page';

/** Signed-in members only; others go to sign-in and come back afterwards. */
export function RequireAccount({ children, roles }: { children: ReactNode; roles?: Role[] }) {
  const { account, hasRole, signedOut } = useSession();
  const location = useLocation();
  if (account === undefined) return <Loading />;
  if (account === null) {
    return (
      <Navigate to="/sign-in" replace state={signedOut ? null : { from: location.pathname }} />
    );
  }
  // The API refuses anyway; hiding the page avoids showing a form that can only fail.
  if (roles && !hasRole(...roles)) return <NotFoundPage />;
  return <>{children}</>;
}
