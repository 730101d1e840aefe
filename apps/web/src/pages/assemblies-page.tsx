import { Link } from 'react-router';
import { useQuery } from 'urql';
import { useSession } from '../api/session';
import { ErrorAlert, Loading } from '../components/feedback';
import { usePageTitle } from '../components/page-title';
import { formatDateTime } from '../format/format';
import { graphql } from '../gql';
import { useLocale, useT } from '../i18n/locale';

const AssembliesDocument = graphql(`
  query Assemblies {
    assemblies(first: 50) {
      edges {
        node {
          id
          titleFr
          titleEn
          kind
          status
          mode
          startsAt
          place
        }
      }
    }
  }
`);

export function AssembliesPage() {
  const t = useT();
  const { locale } = useLocale();
  const { hasRole } = useSession();
  usePageTitle(t('assemblies.title'));
  const [{ data, error, fetching }] = useQuery({ query: AssembliesDocument });
  const assemblies = data?.assemblies.edges.map((edge) => edge.node) ?? [];

  return (
    <>
      <h1>{t('assemblies.title')}</h1>
      {hasRole('Secretary') && (
        <p>
          <Link className="button-primary link-button" to="/assemblies/new">
            {t('convene.title')}
          </Link>
        </p>
      )}
      <ErrorAlert error={error} />
      {fetching && !data && <Loading />}
      {data && assemblies.length === 0 && <p>{t('assemblies.none')}</p>}
      <ul className="card-list">
        {assemblies.map((assembly) => (
          <li key={assembly.id} className="card">
            <h2>
              <Link to={`/assemblies/${assembly.id}`}>
                {locale === 'en-CA' ? assembly.titleEn : assembly.titleFr}
              </Link>
            </h2>
            <p className="meta">
              {t(`assemblyKind.${assembly.kind}`)} · {t(`assemblyStatus.${assembly.status}`)} ·{' '}
              {formatDateTime(assembly.startsAt, locale)} · {t(`assemblyMode.${assembly.mode}`)}
              {assembly.place && ` · ${assembly.place}`}
            </p>
          </li>
        ))}
      </ul>
    </>
  );
}
