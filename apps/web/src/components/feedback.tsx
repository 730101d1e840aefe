import type { CombinedError } from 'urql';
import { useT } from '../i18n/locale';

/** The API's own message (already in the reader's language), or a network notice. */
export function ErrorAlert({ error }: { error?: CombinedError | string | null }) {
  const t = useT();
  if (!error) return null;
  const message =
    typeof error === 'string'
      ? error
      : (error.graphQLErrors[0]?.message ?? t('common.networkError'));
  return (
    <p role="alert" className="notice notice-error">
      {message}
    </p>
  );
}

/** A polite live region: screen readers announce what changed without moving focus. */
export function StatusMessage({ children }: { children?: string | null }) {
  return (
    <p role="status" className={children ? 'notice notice-success' : 'visually-hidden'}>
      {children ?? ''}
    </p>
  );
}

export function Loading() {
  const t = useT();
  return (
    <p role="status" className="loading">
      {t('common.loading')}
    </p>
  );
}
