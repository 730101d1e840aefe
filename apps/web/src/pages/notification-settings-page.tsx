import { FormEvent, useEffect, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { ErrorAlert, Loading, StatusMessage } from '../components/feedback';
import { usePageTitle } from '../components/page-title';
import { graphql } from '../gql';
import type { EmailDigest, NotificationKind } from '../gql/graphql';
import { useT } from '../i18n/locale';

const PreferencesQuery = graphql(`
  query NotificationPreferences {
    myNotificationPreferences {
      emailDisabledKinds
      emailDigest
    }
  }
`);

const UpdatePreferencesMutation = graphql(`
  mutation UpdateNotificationPreferences($input: NotificationPreferencesInput!) {
    updateNotificationPreferences(input: $input) {
      emailDisabledKinds
      emailDigest
    }
  }
`);

const DIGESTS: EmailDigest[] = ['Immediate', 'Daily'];

/**
 * Every kind the API sends, and whether it is always emailed (the API's
 * mandatory kinds: without them a member could not act). A Record, so a new
 * kind in the schema fails the build until it is placed here.
 */
const ALWAYS_EMAILED: Record<NotificationKind, boolean> = {
  MemberStatusChanged: false,
  AssemblyNotice: false,
  ConsultationRequested: false,
  ConsultationDueSoon: false,
  ContributionOverdue: false,
  ContributionPaymentReceived: false,
  VoteOpened: false,
  VoteResultPublished: false,
  VoteReminder: false,
  Invitation: true,
  AccountLocked: true,
  ContributionCall: true,
};
const KINDS = (Object.keys(ALWAYS_EMAILED) as NotificationKind[]).map((kind) => ({
  kind,
  alwaysEmailed: ALWAYS_EMAILED[kind],
}));

export function NotificationSettingsPage() {
  const t = useT();
  usePageTitle(t('notifications.title'));
  const [{ data, error, fetching }] = useQuery({ query: PreferencesQuery });
  const [result, update] = useMutation(UpdatePreferencesMutation);
  const [disabled, setDisabled] = useState<Set<NotificationKind> | null>(null);
  const [digest, setDigest] = useState<EmailDigest>('Immediate');
  const [saved, setSaved] = useState<string | null>(null);

  useEffect(() => {
    if (!data) return;
    setDisabled(new Set(data.myNotificationPreferences.emailDisabledKinds));
    setDigest(data.myNotificationPreferences.emailDigest);
  }, [data]);

  function toggle(kind: NotificationKind, emailed: boolean) {
    setSaved(null);
    setDisabled((current) => {
      const next = new Set(current);
      if (emailed) next.delete(kind);
      else next.add(kind);
      return next;
    });
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!disabled) return;
    const response = await update({
      input: { emailDisabledKinds: [...disabled], emailDigest: digest },
    });
    if (response.data) setSaved(t('common.saved'));
  }

  return (
    <div className="narrow">
      <h1>{t('notifications.title')}</h1>
      <p>{t('notifications.intro')}</p>
      <ErrorAlert error={error ?? result.error} />
      {fetching && !disabled && <Loading />}
      {disabled && (
        <form onSubmit={(event) => void submit(event)} className="stack">
          <fieldset aria-describedby="digest-hint">
            <legend>{t('notifications.digestLegend')}</legend>
            {DIGESTS.map((value) => (
              <div className="checkbox" key={value}>
                <input
                  type="radio"
                  id={`digest-${value}`}
                  name="email-digest"
                  checked={digest === value}
                  onChange={() => {
                    setSaved(null);
                    setDigest(value);
                  }}
                />
                <label htmlFor={`digest-${value}`}>{t(`emailDigest.${value}`)}</label>
              </div>
            ))}
            <p id="digest-hint" className="hint">
              {t('notifications.digestHint')}
            </p>
          </fieldset>
          <fieldset>
            <legend>{t('notifications.legend')}</legend>
            {KINDS.map(({ kind, alwaysEmailed }) => (
              <div className="checkbox" key={kind}>
                <input
                  type="checkbox"
                  id={`kind-${kind}`}
                  checked={alwaysEmailed || !disabled.has(kind)}
                  disabled={alwaysEmailed}
                  aria-describedby={alwaysEmailed ? `kind-${kind}-hint` : undefined}
                  onChange={(event) => toggle(kind, event.target.checked)}
                />
                <label htmlFor={`kind-${kind}`}>{t(`notificationKind.${kind}`)}</label>
                {alwaysEmailed && (
                  <span id={`kind-${kind}-hint`} className="hint">
                    {t('notifications.alwaysEmailed')}
                  </span>
                )}
              </div>
            ))}
          </fieldset>
          <button type="submit" className="button-primary" disabled={result.fetching}>
            {t('common.save')}
          </button>
          <StatusMessage>{saved}</StatusMessage>
        </form>
      )}
    </div>
  );
}
