import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { useSession } from '../api/session';
import { ErrorAlert, Loading } from '../components/feedback';
import { usePageTitle } from '../components/page-title';
import { useNow } from '../components/countdown';
import { formatRemaining } from '../format/countdown';
import { formatDateTime } from '../format/format';
import { localizedName } from '../format/names';
import { graphql } from '../gql';
import { useLocale, useT } from '../i18n/locale';

const HomeQuery = graphql(`
  query Home {
    proposals(first: 20, status: Consultation) {
      edges {
        node {
          id
          title
          consultations {
            councilId
            status
            dueAt
          }
        }
      }
    }
    votes(first: 50, status: Open) {
      edges {
        node {
          id
          titleFr
          titleEn
          closesAt
          myParticipation {
            onRoll
            voted
          }
        }
      }
    }
    assemblies(first: 10, status: Convened) {
      edges {
        node {
          id
          titleFr
          titleEn
          kind
          startsAt
          endsAt
        }
      }
    }
    myNotifications(first: 20, unreadOnly: true) {
      totalCount
      edges {
        node {
          id
          kind
          subject
          body
          createdAt
        }
      }
    }
    councils {
      id
      code
      nameFr
      nameEn
      chairMemberId
      members {
        id
        memberId
        status
      }
    }
  }
`);

const MarkReadMutation = graphql(`
  mutation MarkNotificationsRead($input: MarkNotificationsReadInput!) {
    markNotificationsRead(input: $input)
  }
`);

/** "What needs me now": decisions waiting for me, my pending requests, unread notifications. */
export function HomePage() {
  const t = useT();
  const { locale } = useLocale();
  const { account, hasRole } = useSession();
  const name = account?.member?.displayName ?? account?.email ?? '';
  usePageTitle(t('nav.home'));
  const [{ data, error, fetching }, refetch] = useQuery({ query: HomeQuery });
  const [markResult, markRead] = useMutation(MarkReadMutation);

  const memberId = account?.member?.id;
  const councils = data?.councils ?? [];
  const toDecide = councils
    .filter((council) => council.chairMemberId === memberId || hasRole('Secretary'))
    .map((council) => ({
      council,
      count: council.members.filter((seat) => seat.status === 'Applied').length,
    }))
    .filter(({ count }) => count > 0);
  const myPending = councils.filter((council) =>
    council.members.some((seat) => seat.memberId === memberId && seat.status === 'Applied'),
  );
  const mySeats = new Set(
    councils
      .filter((council) =>
        council.members.some((seat) => seat.memberId === memberId && seat.status === 'Active'),
      )
      .map((council) => council.id),
  );
  const consultationsToAnswer =
    data?.proposals.edges
      .map((edge) => edge.node)
      .flatMap((proposal) =>
        proposal.consultations
          .filter((c) => c.status === 'Requested' && mySeats.has(c.councilId))
          .map((c) => ({ proposal, consultation: c })),
      ) ?? [];
  const now = useNow(60_000);
  const votesToCast =
    data?.votes.edges
      .map((edge) => edge.node)
      .filter((vote) => vote.myParticipation?.onRoll && !vote.myParticipation.voted)
      .sort((a, b) => a.closesAt.localeCompare(b.closesAt)) ?? [];
  const notifications = data?.myNotifications.edges.map((edge) => edge.node) ?? [];
  const assemblies =
    data?.assemblies.edges
      .map((edge) => edge.node)
      .filter((assembly) => new Date(assembly.endsAt).getTime() > now)
      .sort((a, b) => a.startsAt.localeCompare(b.startsAt)) ?? [];

  async function markAsRead(id: string) {
    await markRead({ input: { ids: [id] } });
    refetch({ requestPolicy: 'network-only' });
  }

  return (
    <>
      <h1>{t('home.title', { name })}</h1>
      <ErrorAlert error={error ?? markResult.error} />
      {fetching && !data && <Loading />}
      {data && (
        <>
          <section aria-labelledby="needs-you">
            <h2 id="needs-you">{t('home.needsYou')}</h2>
            {votesToCast.length +
              consultationsToAnswer.length +
              toDecide.length +
              myPending.length ===
            0 ? (
              <p>{t('home.nothing')}</p>
            ) : (
              <ul className="task-list">
                {votesToCast.map((vote) => (
                  <li key={vote.id} className="task-urgent">
                    <Link to={`/votes/${vote.id}`}>
                      {t('home.voteToCast', {
                        title: locale === 'en-CA' ? vote.titleEn : vote.titleFr,
                        remaining: formatRemaining(new Date(vote.closesAt).getTime() - now, locale),
                      })}
                    </Link>
                  </li>
                ))}
                {consultationsToAnswer.map(({ proposal, consultation }) => (
                  <li key={`${proposal.id}-${consultation.councilId}`}>
                    <Link to={`/proposals/${proposal.id}`}>
                      {t('home.opinionToGive', {
                        council: localizedName(
                          councils.find((c) => c.id === consultation.councilId) ?? {
                            nameFr: '',
                            nameEn: '',
                          },
                          locale,
                        ),
                        title: proposal.title,
                        date: formatDateTime(consultation.dueAt, locale),
                      })}
                    </Link>
                  </li>
                ))}
                {toDecide.map(({ council, count }) => (
                  <li key={council.id}>
                    <Link to={`/councils#${council.code}`}>
                      {t('home.applicationsToDecide', {
                        council: localizedName(council, locale),
                        count,
                      })}
                    </Link>
                  </li>
                ))}
                {myPending.map((council) => (
                  <li key={council.id}>
                    {t('home.myPendingApplication', { council: localizedName(council, locale) })}
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section aria-labelledby="coming-assemblies">
            <h2 id="coming-assemblies">{t('home.assemblies')}</h2>
            {assemblies.length === 0 ? (
              <p>{t('home.noAssemblies')}</p>
            ) : (
              <ul className="task-list">
                {assemblies.map((assembly) => (
                  <li key={assembly.id}>
                    <Link to={`/assemblies/${assembly.id}`}>
                      {locale === 'en-CA' ? assembly.titleEn : assembly.titleFr}
                    </Link>
                    <span className="meta">
                      {' '}
                      · {t(`assemblyKind.${assembly.kind}`)} ·{' '}
                      {formatDateTime(assembly.startsAt, locale)}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section aria-labelledby="unread">
            <h2 id="unread">{t('home.notifications')}</h2>
            {notifications.length === 0 ? (
              <p>{t('home.noNotifications')}</p>
            ) : (
              <ul className="card-list">
                {notifications.map((notification) => (
                  <li key={notification.id} className="card">
                    <h3>{notification.subject}</h3>
                    <p className="meta">
                      {t('home.received', { date: formatDateTime(notification.createdAt, locale) })}
                    </p>
                    <p className="pre-line">{notification.body}</p>
                    <button
                      type="button"
                      className="button-secondary"
                      aria-label={t('home.markReadLabel', { subject: notification.subject })}
                      onClick={() => void markAsRead(notification.id)}
                    >
                      {t('home.markRead')}
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      )}
    </>
  );
}
