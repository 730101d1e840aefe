import { FormEvent, useEffect, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { useSession } from '../api/session';
import { ErrorAlert, StatusMessage } from '../components/feedback';
import { usePageTitle } from '../components/page-title';
import { SelectField } from '../components/select-field';
import { TextAreaField, TextField } from '../components/text-field';
import { regionName } from '../format/regions';
import { InviteMemberForm } from '../members/invite-member-form';
import { MemberStatusActions } from '../members/member-status-action';
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

  const problem = error;
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
            {hasRole('Secretary') && (
              <MemberStatusActions member={member} onChanged={props.onChanged} />
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
        <TextAreaField
          id="import-text"
          label={t('import.text')}
          rows={6}
          aria-describedby="import-help"
          className="mono"
          value={csv}
          onChange={(event) => setCsv(event.target.value)}
        />
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

/** The member register (secretary, trustees, admins): search, filter, admit, suspend or reinstate, invite, import CSV. */
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
        <SelectField
          id="member-status"
          label={t('members.statusFilter')}
          value={filters.status ?? ''}
          onChange={(status) => applyFilters({ ...filters, status: status || undefined })}
          placeholder={t('members.allStatuses')}
          options={STATUSES.map((value) => ({ value, label: t(`memberStatus.${value}`) }))}
        />
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
      {hasRole('Secretary') && <InviteMemberForm onInvited={changed} />}
      {hasRole('Secretary') && <ImportForm onImported={changed} />}
    </>
  );
}
