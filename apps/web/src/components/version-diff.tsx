import { useState } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../gql';
import { useT } from '../i18n/locale';
import { ErrorAlert } from './feedback';
import { SelectField } from './select-field';

const DiffDocument = graphql(`
  query ProposalDiff($id: UUID!, $from: Int!, $to: Int!) {
    proposal(id: $id) {
      id
      diff(from: $from, to: $to) {
        titleChanged
        changes {
          kind
          text
        }
      }
    }
  }
`);

function VersionSelect(props: {
  id: string;
  label: string;
  value: number;
  versions: number[];
  onChange(version: number): void;
}) {
  const t = useT();
  return (
    <SelectField
      id={props.id}
      label={props.label}
      value={String(props.value)}
      onChange={(version) => props.onChange(Number(version))}
      options={props.versions.map((version) => ({
        value: String(version),
        label: t('proposal.version', { version }),
      }))}
    />
  );
}

export function VersionDiff({ proposalId, versions }: { proposalId: string; versions: number[] }) {
  const t = useT();
  const latest = versions[versions.length - 1] ?? 1;
  const [from, setFrom] = useState(Math.max(1, latest - 1));
  const [to, setTo] = useState(latest);
  const [{ data, error }] = useQuery({
    query: DiffDocument,
    variables: { id: proposalId, from, to },
    pause: versions.length < 2,
  });
  if (versions.length < 2) return <p>{t('proposal.singleVersion')}</p>;

  return (
    <div className="stack">
      <div className="filters">
        <VersionSelect
          id="diff-from"
          label={t('proposal.diffFrom')}
          value={from}
          onChange={setFrom}
          versions={versions}
        />
        <VersionSelect
          id="diff-to"
          label={t('proposal.diffTo')}
          value={to}
          onChange={setTo}
          versions={versions}
        />
      </div>
      <ErrorAlert error={error} />
      {data && (
        <div className="diff" aria-live="polite">
          {data.proposal.diff.changes.map((change, index) =>
            change.kind === 'added' ? (
              <ins key={index}>
                <span className="visually-hidden">{t('proposal.added')} </span>
                {change.text}
              </ins>
            ) : change.kind === 'removed' ? (
              <del key={index}>
                <span className="visually-hidden">{t('proposal.removed')} </span>
                {change.text}
              </del>
            ) : (
              <span key={index}>{change.text}</span>
            ),
          )}
        </div>
      )}
    </div>
  );
}
