import { Link } from 'react-router';
import { useQuery } from 'urql';
import { ErrorAlert, Loading } from '../components/feedback';
import { useNow } from '../components/countdown';
import { usePageTitle } from '../components/page-title';
import { formatRemaining } from '../format/countdown';
import { formatDateTime } from '../format/format';
import { graphql } from '../gql';
import { useLocale, useT } from '../i18n/locale';

const VotesDocument = graphql(`
  query Votes {
    votes(first: 50) {
      edges {
        node {
          id
          titleFr
          titleEn
          status
          opensAt
          closesAt
          myParticipation {
            onRoll
            voted
          }
        }
      }
    }
  }
`);

/** Votes open now, first, then the others, with where each stands for the reader. */
export function VotesPage() {
  const t = useT();
  const { locale } = useLocale();
  usePageTitle(t('votes.title'));
  const now = useNow(60_000);
  const [{ data, error, fetching }] = useQuery({ query: VotesDocument });
  const votes = (data?.votes.edges.map((edge) => edge.node) ?? []).sort(
    (a, b) => Number(b.status === 'Open') - Number(a.status === 'Open'),
  );

  return (
    <>
      <h1>{t('votes.title')}</h1>
      <ErrorAlert error={error} />
      {fetching && !data && <Loading />}
      {data && votes.length === 0 && <p>{t('votes.none')}</p>}
      <ul className="card-list">
        {votes.map((vote) => (
          <li key={vote.id} className="card">
            <h2>
              <Link to={`/votes/${vote.id}`}>
                {locale === 'en-CA' ? vote.titleEn : vote.titleFr}
              </Link>
            </h2>
            <p className="meta">
              {t(`voteStatus.${vote.status}`)}
              {' · '}
              {vote.status === 'Open'
                ? t('vote.closesIn', {
                    remaining: formatRemaining(new Date(vote.closesAt).getTime() - now, locale),
                  })
                : formatDateTime(vote.closesAt, locale)}
            </p>
            {vote.status === 'Open' && vote.myParticipation?.onRoll && (
              <p className="badge">
                {t(vote.myParticipation.voted ? 'votes.voted' : 'votes.toVote')}
              </p>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
