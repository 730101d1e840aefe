import { FormEvent, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { ErrorAlert, Loading, StatusMessage } from '../components/feedback';
import { usePageTitle } from '../components/page-title';
import { SelectField } from '../components/select-field';
import { TextAreaField, TextField } from '../components/text-field';
import { formatDate, formatMoney } from '../format/format';
import { graphql } from '../gql';
import { useLocale, useT } from '../i18n/locale';
import { TreasuryNav } from '../treasury/treasury-nav';

const ImportMutation = graphql(`
  mutation ImportBankStatement($input: ImportBankStatementInput!) {
    importBankStatement(input: $input) {
      id
      fileName
      rowCount
      totalCents
      matchedCount
      matchedCents
    }
  }
`);

const UnmatchedQuery = graphql(`
  query UnmatchedBankRows {
    unmatchedBankRows {
      id
      rowNumber
      bookedOn
      amountCents
      reference
      description
    }
  }
`);

const OpenCallsQuery = graphql(`
  query OpenContributionCalls {
    contributionCalls(first: 100) {
      edges {
        node {
          id
          reference
          memberName
          outstandingCents
        }
      }
    }
  }
`);

const MatchMutation = graphql(`
  mutation MatchBankImportRow($input: MatchBankRowInput!) {
    matchBankImportRow(input: $input) {
      id
      reference
      memberName
      status
      outstandingCents
    }
  }
`);

function ImportForm({ onImported }: { onImported(message: string): void }) {
  const t = useT();
  const { locale } = useLocale();
  const [fileName, setFileName] = useState('');
  const [content, setContent] = useState('');
  const [empty, setEmpty] = useState(false);
  const [result, importStatement] = useMutation(ImportMutation);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const missing = content.trim() === '';
    setEmpty(missing);
    if (missing) return;
    const response = await importStatement({
      input: { content, fileName: fileName.trim() || 'releve.csv' },
    });
    const report = response.data?.importBankStatement;
    if (report) {
      setContent('');
      setFileName('');
      onImported(
        t('bank.imported', {
          rows: report.rowCount,
          matched: report.matchedCount,
          matchedAmount: formatMoney(report.matchedCents, locale),
          unmatched: report.rowCount - report.matchedCount,
        }),
      );
    }
  }

  return (
    <section aria-labelledby="bank-import-title" className="card">
      <h2 id="bank-import-title">{t('bank.importTitle')}</h2>
      <p className="hint" id="bank-import-help">
        {t('bank.importHelp')}
      </p>
      <form onSubmit={(event) => void submit(event)} className="stack" noValidate>
        <ErrorAlert error={empty ? t('bank.empty') : result.error} />
        <TextField
          id="bank-file"
          label={t('bank.file')}
          type="file"
          accept=".csv,text/csv"
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (!file) return;
            setFileName(file.name);
            void file.text().then(setContent);
          }}
        />
        <TextAreaField
          id="bank-text"
          label={t('bank.text')}
          rows={6}
          className="mono"
          aria-describedby="bank-import-help"
          value={content}
          onChange={(event) => setContent(event.target.value)}
        />
        <button type="submit" className="button-primary" disabled={result.fetching}>
          {t('bank.importSubmit')}
        </button>
      </form>
    </section>
  );
}

/** Bank statements: import the CSV, then match by hand the lines no call reference matched. */
export function TreasuryBankPage() {
  const t = useT();
  const { locale } = useLocale();
  usePageTitle(t('bank.title'));
  const [message, setMessage] = useState<string | null>(null);
  const [{ data, error, fetching }, refetch] = useQuery({ query: UnmatchedQuery });
  const [calls] = useQuery({ query: OpenCallsQuery });
  const [choice, setChoice] = useState<Record<string, string>>({});
  const [match, matchRow] = useMutation(MatchMutation);
  const openCalls =
    calls.data?.contributionCalls.edges
      .map((edge) => edge.node)
      .filter((call) => call.outstandingCents > 0) ?? [];

  function changed(text: string) {
    setMessage(text);
    refetch({ requestPolicy: 'network-only' });
  }

  return (
    <>
      <h1>{t('bank.title')}</h1>
      <TreasuryNav />
      <StatusMessage>{message}</StatusMessage>
      <ImportForm onImported={changed} />
      <section aria-labelledby="unmatched-title">
        <h2 id="unmatched-title">{t('bank.unmatchedTitle')}</h2>
        <ErrorAlert error={error ?? match.error} />
        {fetching && !data && <Loading />}
        {data && data.unmatchedBankRows.length === 0 && <p>{t('bank.noUnmatched')}</p>}
        <ul className="card-list">
          {data?.unmatchedBankRows.map((row) => (
            <li key={row.id} className="card">
              <p>
                <strong>{formatMoney(row.amountCents, locale)}</strong> ·{' '}
                {formatDate(row.bookedOn, locale)} · <span className="mono">{row.reference}</span>
                {row.description && ` · ${row.description}`}
              </p>
              <form
                className="form-row"
                onSubmit={(event) => {
                  event.preventDefault();
                  const callId = choice[row.id];
                  if (!callId) return;
                  void matchRow({ input: { rowId: row.id, callId } }).then((response) => {
                    const call = response.data?.matchBankImportRow;
                    if (call) changed(t('bank.matched', { member: call.memberName }));
                  });
                }}
              >
                <SelectField
                  id={`match-${row.id}`}
                  label={t('bank.matchTo', { row: row.rowNumber })}
                  value={choice[row.id] ?? ''}
                  onChange={(callId) => setChoice((current) => ({ ...current, [row.id]: callId }))}
                  placeholder={t('bank.chooseCall')}
                  options={openCalls.map((call) => ({
                    value: call.id,
                    label: `${call.reference} — ${call.memberName} (${formatMoney(call.outstandingCents, locale)})`,
                  }))}
                />
                <button
                  type="submit"
                  className="button-secondary"
                  disabled={match.fetching || !choice[row.id]}
                >
                  {t('bank.match')}
                </button>
              </form>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
