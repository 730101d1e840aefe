import { FormEvent, useEffect, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { useSession } from '../api/session';
import { ErrorAlert, StatusMessage } from '../components/feedback';
import { usePageTitle } from '../components/page-title';
import { TextField } from '../components/text-field';
import { regionName } from '../format/regions';
import { graphql } from '../gql';
import type { MemberStatus } from '../gql/graphql';
import { useT } from '../i18n/locale';

const MembersQuery = graphql(`
  query Members($first: Int, $after: String, $search: String, $status: MemberStatus) {
    members(first: $first, after: $after, search: $search, status: $status) {
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
      edges {
        node {
          id
          displayName
          kind
          email
          region
          status
        }
      }
    }
  }
`);

const ChangeStatusMutation = graphql(`
  mutation ChangeMemberStatus($input: ChangeMemberStatusInput!) {
    changeMemberStatus(input: $input) {
      id
      status
    }
  }
`);

const ImportMutation = graphql(`
  mutation ImportMembers($input: ImportMembersInput!) {
    importMembers(input: $input) {
      imported
      invited
    }
  }
`);

const STATUSES: MemberStatus[] = ['Applicant', 'Active', 'Suspended', 'Resigned'];
const PAGE_SIZE = 50;

interface Filters {
  search?: string;
  status?: MemberStatus;
}

/** One page of the register as a <tbody>; the last page tells the table where the next one starts. */
function MemberRows(props: {
  after: string | null;
  filters: Filters;
  isLast: boolean;
  onPage(page: { totalCount: number; next: string | null }): void;
  onChanged(message: string): void;
}) {
  const t = useT();
  const { hasRole } = useSession();
  const [{ data, error }] = useQuery({
    query: MembersQuery,
    variables: { first: PAGE_SIZE, after: props.after, ...props.filters },
  });
  const [change, changeStatus] = useMutation(ChangeStatusMutation);
  const { onPage, isLast } = props;
  const connection = data?.members;

  useEffect(() => {
    if (connection && isLast) {
      onPage({
        totalCount: connection.totalCount,
        next: connection.pageInfo.hasNextPage ? (connection.pageInfo.endCursor ?? null) : null,
      });
    }
  }, [connection, isLast, onPage]);

  async function admit(id: string, name: string) {
    const response = await changeStatus({ input: { memberId: id, status: 'Active' } });
    if (response.data) props.onChanged(t('members.admitted', { name }));
  }

  const problem = error ?? change.error;
  return (
    <tbody>
      {problem && (
        <tr>
          <td colSpan={6}>
            <ErrorAlert error={problem} />
          </td>
        </tr>
      )}
      {connection?.edges.map(({ node: member }) => (
        <tr key={member.id}>
          <td>{member.displayName}</td>
          <td>{t(`memberKind.${member.kind}`)}</td>
          <td className="break">{member.email}</td>
          <td>{regionName(member.region)}</td>
          <td>{t(`memberStatus.${member.status}`)}</td>
          <td>
            {member.status === 'Applicant' && hasRole('Secretary') && (
              <button
                type="button"
                className="button-secondary"
                aria-label={t('members.admitLabel', { name: member.displayName })}
                disabled={change.fetching}
                onClick={() => void admit(member.id, member.displayName)}
              >
                {t('members.admit')}
              </button>
            )}
          </td>
        </tr>
      ))}
    </tbody>
  );
}

function ImportForm({ onImported }: { onImported(message: string): void }) {
  const t = useT();
  const [csv, setCsv] = useState('');
  const [invite, setInvite] = useState(false);
  const [empty, setEmpty] = useState(false);
  const [result, importMembers] = useMutation(ImportMutation);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setEmpty(csv.trim() === '');
    if (csv.trim() === '') return;
    const response = await importMembers({ input: { csv, sendInvitations: invite } });
    if (response.data) {
      setCsv('');
      onImported(t('import.done', { ...response.data.importMembers }));
    }
  }

  return (
    <section aria-labelledby="import-title" className="card">
      <h2 id="import-title">{t('import.title')}</h2>
      <p className="hint" id="import-help">
        {t('import.help')}
      </p>
      <form onSubmit={(event) => void submit(event)} className="stack">
        <ErrorAlert error={empty ? t('import.empty') : result.error} />
        <TextField
          id="import-file"
          label={t('import.file')}
          type="file"
          accept=".csv,text/csv"
          onChange={(event) => void event.target.files?.[0]?.text().then(setCsv)}
        />
        <div className="field">
          <label htmlFor="import-text">{t('import.text')}</label>
          <textarea
            id="import-text"
            rows={6}
            aria-describedby="import-help"
            className="mono"
            value={csv}
            onChange={(event) => setCsv(event.target.value)}
          />
        </div>
        <div className="checkbox">
          <input
            id="import-invite"
            type="checkbox"
            checked={invite}
            onChange={(event) => setInvite(event.target.checked)}
          />
          <label htmlFor="import-invite">{t('import.invite')}</label>
        </div>
        <button type="submit" className="button-primary" disabled={result.fetching}>
          {t('import.submit')}
        </button>
      </form>
    </section>
  );
}

/** The member register (secretary, trustees, admins): search, filter, admit applicants, import CSV. */
export function MembersPage() {
  const t = useT();
  usePageTitle(t('members.title'));
  const { hasRole } = useSession();
  const [searchText, setSearchText] = useState('');
  const [filters, setFilters] = useState<Filters>({});
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const [page, setPage] = useState<{ totalCount: number; next: string | null } | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  // Changing the register reloads it from the first page.
  const [generation, setGeneration] = useState(0);

  function applyFilters(next: Filters) {
    setFilters(next);
    setCursors([null]);
  }

  function changed(message: string) {
    setStatus(message);
    setCursors([null]);
    setGeneration((value) => value + 1);
  }

  function search(event: FormEvent) {
    event.preventDefault();
    applyFilters({ ...filters, search: searchText.trim() || undefined });
  }

  return (
    <>
      <h1>{t('members.title')}</h1>
      <StatusMessage>{status}</StatusMessage>
      <form onSubmit={search} className="filters" role="search">
        <TextField
          id="member-search"
          label={t('members.search')}
          type="search"
          maxLength={200}
          value={searchText}
          onChange={(event) => setSearchText(event.target.value)}
        />
        <div className="field">
          <label htmlFor="member-status">{t('members.statusFilter')}</label>
          <select
            id="member-status"
            value={filters.status ?? ''}
            onChange={(event) =>
              applyFilters({
                ...filters,
                status: (event.target.value || undefined) as MemberStatus | undefined,
              })
            }
          >
            <option value="">{t('members.allStatuses')}</option>
            {STATUSES.map((value) => (
              <option key={value} value={value}>
                {t(`memberStatus.${value}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button-secondary">
          {t('members.searchSubmit')}
        </button>
      </form>
      {page && (
        <p className="meta" aria-live="polite">
          {page.totalCount === 0
            ? t('members.empty')
            : t('members.count', { count: page.totalCount })}
        </p>
      )}
      <div className="table-scroll" tabIndex={0} role="region" aria-label={t('members.title')}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('members.name')}</th>
              <th scope="col">{t('members.kind')}</th>
              <th scope="col">{t('members.email')}</th>
              <th scope="col">{t('members.region')}</th>
              <th scope="col">{t('members.status')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('members.actions')}</span>
              </th>
            </tr>
          </thead>
          {cursors.map((after, index) => (
            <MemberRows
              key={`${generation}-${after ?? 'first'}`}
              after={after}
              filters={filters}
              isLast={index === cursors.length - 1}
              onPage={setPage}
              onChanged={changed}
            />
          ))}
        </table>
      </div>
      {page?.next && (
        <button
          type="button"
          className="button-secondary"
          onClick={() => setCursors((current) => [...current, page.next])}
        >
          {t('members.loadMore')}
        </button>
      )}
      {hasRole('Secretary') && <ImportForm onImported={changed} />}
    </>
  );
}
