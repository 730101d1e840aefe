import { useAnnouncedMutation } from '../api/use-announced-mutation';
import { ErrorAlert } from '../components/feedback';
import { graphql } from '../gql';
import { useT } from '../i18n/locale';

const RegisterMutation = graphql(`
  mutation RegisterForMeeting($input: MeetingRegistrationInput!) {
    registerForMeeting(input: $input) {
      assemblyId
      registeredAt
    }
  }
`);

const CancelRegistrationMutation = graphql(`
  mutation CancelMeetingRegistration($input: MeetingRegistrationInput!) {
    cancelMeetingRegistration(input: $input)
  }
`);

/** A council or public meeting: members say they are coming (or no longer), and see how many are. */
export function MeetingRegistration({
  assemblyId,
  registered,
  count,
  onChanged,
}: {
  assemblyId: string;
  registered: boolean;
  count: number;
  onChanged(message: string): void;
}) {
  const t = useT();
  const [registering, register] = useAnnouncedMutation(RegisterMutation, onChanged);
  const [cancelling, cancel] = useAnnouncedMutation(CancelRegistrationMutation, onChanged);
  const input = { assemblyId };
  return (
    <section aria-labelledby="registration-title" className="card stack">
      <h2 id="registration-title">{t('registration.title')}</h2>
      <p aria-live="polite">{t('registration.count', { count })}</p>
      <ErrorAlert error={registering.error ?? cancelling.error} />
      {registered ? (
        <div className="stack">
          <p className="badge">{t('registration.yours')}</p>
          <button
            type="button"
            className="button-secondary"
            disabled={cancelling.fetching}
            onClick={() => cancel({ input }, t('registration.cancelled'))}
          >
            {t('registration.cancel')}
          </button>
        </div>
      ) : (
        <button
          type="button"
          className="button-primary"
          disabled={registering.fetching}
          onClick={() => register({ input }, t('registration.done'))}
        >
          {t('registration.register')}
        </button>
      )}
    </section>
  );
}
