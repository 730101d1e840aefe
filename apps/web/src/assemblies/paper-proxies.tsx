import { FormEvent, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { useAnnouncedMutation } from '../api/use-announced-mutation';
import { ErrorAlert } from '../components/feedback';
import { MemberName } from '../components/member-name';
import { TextField } from '../components/text-field';
import { graphql } from '../gql';
import { useT } from '../i18n/locale';

const AllProxiesQuery = graphql(`
  query AssemblyProxies($id: UUID!) {
    assembly(id: $id) {
      id
      proxies(all: true) {
        id
        grantorMemberId
        holderMemberId
        endedAt
      }
    }
  }
`);

const RecordProxyMutation = graphql(`
  mutation RecordPaperProxy($input: GrantProxyInput!) {
    grantProxy(input: $input) {
      id
    }
  }
`);

const EndProxyMutation = graphql(`
  mutation EndPaperProxy($input: RevokeProxyInput!) {
    revokeProxy(input: $input) {
      id
    }
  }
`);

const MEMBER_NUMBER = '[0-9a-fA-F-]{36}';

/**
 * The proxies in force at a general assembly, for the secretary: each
 * grantor and holder by name, revocable until the first vote opens, and a
 * signed paper proxy recorded from the two member numbers written on it.
 */
export function PaperProxies({
  assemblyId,
  locked,
  onChanged,
}: {
  assemblyId: string;
  locked: boolean;
  onChanged(message: string): void;
}) {
  const t = useT();
  const [grantor, setGrantor] = useState('');
  const [holder, setHolder] = useState('');
  const [{ data, error }, refetch] = useQuery({
    query: AllProxiesQuery,
    variables: { id: assemblyId },
    requestPolicy: 'network-only',
  });
  const [recording, record] = useMutation(RecordProxyMutation);
  const [ending, end] = useAnnouncedMutation(EndProxyMutation, changed);
  const inForce = data?.assembly.proxies.filter((proxy) => !proxy.endedAt) ?? [];

  function changed(message: string) {
    refetch({ requestPolicy: 'network-only' });
    onChanged(message);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const response = await record({
      input: { assemblyId, grantorMemberId: grantor.trim(), holderMemberId: holder.trim() },
    });
    if (response.data) {
      setGrantor('');
      setHolder('');
      changed(t('paperProxy.recorded'));
    }
  }

  return (
    <div className="stack">
      <h3>{t('paperProxy.title')}</h3>
      <ErrorAlert error={error ?? recording.error ?? ending.error} />
      {data && inForce.length === 0 && <p>{t('paperProxy.none')}</p>}
      <ul className="plain-list">
        {inForce.map((proxy) => (
          <li key={proxy.id}>
            <span id={`proxy-${proxy.id}`}>
              <MemberName id={proxy.grantorMemberId} /> {t('paperProxy.gives')}{' '}
              <MemberName id={proxy.holderMemberId} />
            </span>
            {!locked && (
              <button
                id={`end-proxy-${proxy.id}`}
                aria-labelledby={`end-proxy-${proxy.id} proxy-${proxy.id}`}
                type="button"
                className="button-secondary small"
                disabled={ending.fetching}
                onClick={() => end({ input: { proxyId: proxy.id } }, t('paperProxy.ended'))}
              >
                {t('paperProxy.end')}
              </button>
            )}
          </li>
        ))}
      </ul>
      {!locked && (
        <form className="stack" onSubmit={(event) => void submit(event)}>
          <p className="hint">{t('paperProxy.help')}</p>
          <div className="form-row">
            <TextField
              id="paper-proxy-grantor"
              label={t('paperProxy.grantor')}
              className="mono"
              required
              pattern={MEMBER_NUMBER}
              value={grantor}
              onChange={(event) => setGrantor(event.target.value)}
            />
            <TextField
              id="paper-proxy-holder"
              label={t('paperProxy.holder')}
              className="mono"
              required
              pattern={MEMBER_NUMBER}
              value={holder}
              onChange={(event) => setHolder(event.target.value)}
            />
          </div>
          <button type="submit" className="button-secondary" disabled={recording.fetching}>
            {t('paperProxy.record')}
          </button>
        </form>
      )}
    </div>
  );
}
