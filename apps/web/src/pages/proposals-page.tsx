import { Link } from 'react-router';
import { useQuery } from 'urql';
import { ErrorAlert, Loading } from '../components/feedback';
import { usePageTitle } from '../components/page-title';
import { formatDateTime } from '../format/format';
import { graphql } from '../gql';
import { useLocale, useT } from '../i18n/locale';

const ProposalsDocument = graphql(`
  query Proposals {
    proposals(first: 50) {
      totalCount
      edges {
        node {
          id
          title
          status
          decisionType
          createdAt
        }
      }
    }
  }
`);

export function ProposalsPage() {
  const t = useT();
  const { locale } = useLocale();
  usePageTitle(t('proposals.title'));
  const [{ data, error, fetching }] = useQuery({ query: ProposalsDocument });
  const proposals = data?.proposals.edges.map((edge) => edge.node) ?? [];

  return (
    <>
      <h1>{t('proposals.title')}</h1>
      <p>
        <Link className="button-secondary link-button" to="/proposals/new">
          {t('draft.open')}
        </Link>
      </p>
      <ErrorAlert error={error} />
      {fetching && !data && <Loading />}
      {data && proposals.length === 0 && <p>{t('proposals.none')}</p>}
      <ul className="card-list">
        {proposals.map((proposal) => (
          <li key={proposal.id} className="card">
            <h2>
              <Link to={`/proposals/${proposal.id}`}>{proposal.title}</Link>
            </h2>
            <p className="meta">
              {t(`decisionType.${proposal.decisionType}`)} ·{' '}
              {t(`proposalStatus.${proposal.status}`)} ·{' '}
              {formatDateTime(proposal.createdAt, locale)}
            </p>
          </li>
        ))}
      </ul>
    </>
  );
}
