import { FormEvent, useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { useSession } from '../api/session';
import { useAnnouncedMutation } from '../api/use-announced-mutation';
import { AssemblyMinutes } from '../assemblies/assembly-minutes';
import { MeetingRegistration } from '../assemblies/meeting-registration';
import { PaperProxies } from '../assemblies/paper-proxies';
import {
  AddAgendaItem,
  AgendaOrder,
  DoorCheckIn,
  EndAssembly,
} from '../assemblies/assembly-secretariat';
import { ErrorAlert, Loading, StatusMessage } from '../components/feedback';
import { usePageTitle } from '../components/page-title';
import { TextField } from '../components/text-field';
import { formatDateTime } from '../format/format';
import { graphql } from '../gql';
import type { AssemblyPageQuery } from '../gql/graphql';
import { useLocale, useT } from '../i18n/locale';

const AssemblyPageDocument = graphql(`
  query AssemblyPage($id: UUID!) {
    assembly(id: $id) {
      id
      titleFr
      titleEn
      kind
      status
      mode
      startsAt
      endsAt
      place
      url
      proxyLimitPerHolder
      proxiesLockedAt
      agenda {
        id
        position
        kind
        titleFr
        titleEn
        decisionType
      }
      attendance {
        present
        remote
        represented
      }
      registered
      registrationCount
      myAttendance {
        mode
        checkedInAt
      }
      quorum {
        present
        represented
        required
        eligible
        met
      }
      proxies {
        id
        grantorMemberId
        holderMemberId
        endedAt
      }
    }
  }
`);

const CheckInDocument = graphql(`
  mutation CheckIn($input: CheckInInput!) {
    checkIn(input: $input) {
      assemblyId
      checkedInAt
    }
  }
`);

const GrantProxyDocument = graphql(`
  mutation GrantProxy($input: GrantProxyInput!) {
    grantProxy(input: $input) {
      id
    }
  }
`);

const RevokeProxyDocument = graphql(`
  mutation RevokeProxy($input: RevokeProxyInput!) {
    revokeProxy(input: $input) {
      id
    }
  }
`);

type Assembly = AssemblyPageQuery['assembly'];

function Proxies({
  assembly,
  onChanged,
}: {
  assembly: Assembly;
  onChanged(message: string): void;
}) {
  const t = useT();
  const { account } = useSession();
  const memberId = account?.member?.id ?? '';
  const [holder, setHolder] = useState('');
  const [grant, grantProxy] = useMutation(GrantProxyDocument);
  const [revoke, revokeProxy] = useAnnouncedMutation(RevokeProxyDocument, onChanged);
  const active = assembly.proxies.filter((proxy) => !proxy.endedAt);
  const given = active.find((proxy) => proxy.grantorMemberId === memberId);
  const held = active.filter((proxy) => proxy.holderMemberId === memberId);
  const locked = Boolean(assembly.proxiesLockedAt);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const response = await grantProxy({
      input: { assemblyId: assembly.id, holderMemberId: holder.trim() },
    });
    if (response.data) {
      setHolder('');
      onChanged(t('proxy.granted'));
    }
  }

  return (
    <section aria-labelledby="proxy-title" className="card">
      <h2 id="proxy-title">{t('proxy.title')}</h2>
      <p className="hint">
        {t('proxy.help', { limit: assembly.proxyLimitPerHolder })} {t('proxy.myNumber')}{' '}
        <span className="mono">{memberId}</span>
      </p>
      <ErrorAlert error={grant.error ?? revoke.error} />
      {held.length > 0 && <p>{t('proxy.holding', { count: held.length })}</p>}
      {given ? (
        <div className="stack">
          <p>
            {t('proxy.given')} <span className="mono">{given.holderMemberId}</span>
          </p>
          {!locked && (
            <button
              type="button"
              className="button-secondary"
              onClick={() => revokeProxy({ input: { proxyId: given.id } }, t('proxy.revoked'))}
            >
              {t('proxy.revoke')}
            </button>
          )}
        </div>
      ) : locked ? (
        <p>{t('proxy.locked')}</p>
      ) : (
        <form className="stack" onSubmit={(event) => void submit(event)}>
          <TextField
            id="proxy-holder"
            label={t('proxy.holder')}
            className="mono"
            required
            pattern="[0-9a-fA-F-]{36}"
            value={holder}
            onChange={(event) => setHolder(event.target.value)}
          />
          <button type="submit" className="button-primary" disabled={grant.fetching}>
            {t('proxy.grant')}
          </button>
        </form>
      )}
    </section>
  );
}

/** One assembly: when and where, its agenda, checking in, proxies, and the quorum as it stands. */
export function AssemblyPage() {
  const t = useT();
  const { locale } = useLocale();
  const id = useParams().assemblyId ?? '';
  const [{ data, error, fetching }, refetch] = useQuery({
    query: AssemblyPageDocument,
    variables: { id },
  });
  const [checkIn, checkInRemote] = useAnnouncedMutation(CheckInDocument, changed);
  const convened = (useLocation().state as { convened?: boolean } | null)?.convened;
  const [status, setStatus] = useState<string | null>(convened ? t('convene.done') : null);
  const { account, hasRole } = useSession();
  const assembly = data?.assembly;
  const title = assembly ? (locale === 'en-CA' ? assembly.titleEn : assembly.titleFr) : '';
  usePageTitle(title || t('assemblies.title'));

  function changed(message: string) {
    setStatus(message);
    refetch({ requestPolicy: 'network-only' });
  }

  if (!assembly) {
    return (
      <>
        <h1>{t('assemblies.title')}</h1>
        <ErrorAlert error={error} />
        {fetching && <Loading />}
      </>
    );
  }

  const open = assembly.status === 'Convened';
  const secretariat = open && hasRole('Secretary');
  return (
    <>
      <p className="breadcrumb">
        <Link to="/assemblies">{t('assemblies.title')}</Link>
      </p>
      <h1>{title}</h1>
      <StatusMessage>{status}</StatusMessage>
      <dl className="facts">
        <div>
          <dt>{t('assembly.when')}</dt>
          <dd>
            {t('vote.windowValue', {
              opens: formatDateTime(assembly.startsAt, locale),
              closes: formatDateTime(assembly.endsAt, locale),
            })}
          </dd>
        </div>
        <div>
          <dt>{t('assembly.mode')}</dt>
          <dd>{t(`assemblyMode.${assembly.mode}`)}</dd>
        </div>
        {assembly.place && (
          <div>
            <dt>{t('assembly.place')}</dt>
            <dd>{assembly.place}</dd>
          </div>
        )}
        {assembly.url && (
          <div>
            <dt>{t('assembly.online')}</dt>
            <dd>
              <a href={assembly.url}>{assembly.url}</a>
            </dd>
          </div>
        )}
        <div>
          <dt>{t('vote.status')}</dt>
          <dd>{t(`assemblyStatus.${assembly.status}`)}</dd>
        </div>
      </dl>
      <section aria-labelledby="agenda-title" className="card">
        <h2 id="agenda-title">{t('assembly.agenda')}</h2>
        {secretariat ? (
          <>
            <AgendaOrder assembly={assembly} onChanged={changed} />
            <AddAgendaItem assembly={assembly} onChanged={changed} />
          </>
        ) : (
          <ol>
            {assembly.agenda.map((item) => (
              <li key={item.id}>
                {locale === 'en-CA' ? item.titleEn : item.titleFr}
                {item.decisionType && (
                  <span className="meta"> · {t(`decisionType.${item.decisionType}`)}</span>
                )}
              </li>
            ))}
          </ol>
        )}
      </section>
      <section aria-labelledby="attendance-title" className="card">
        <h2 id="attendance-title">{t('assembly.attendance')}</h2>
        <ErrorAlert error={checkIn.error} />
        {assembly.myAttendance ? (
          <p className="badge">
            {t('assembly.checkedIn', {
              mode: t(`attendanceMode.${assembly.myAttendance.mode}`),
              time: formatDateTime(assembly.myAttendance.checkedInAt, locale),
            })}
          </p>
        ) : open && Date.now() < new Date(assembly.startsAt).getTime() ? (
          <p>{t('assembly.checkInOpens', { date: formatDateTime(assembly.startsAt, locale) })}</p>
        ) : open && assembly.mode !== 'InPerson' ? (
          <button
            type="button"
            className="button-primary"
            disabled={checkIn.fetching}
            onClick={() =>
              checkInRemote(
                { input: { assemblyId: assembly.id, mode: 'Remote' } },
                t('assembly.checkedInNow'),
              )
            }
          >
            {t('assembly.checkInRemote')}
          </button>
        ) : (
          <p>{t('assembly.checkInOnSite')}</p>
        )}
        {assembly.quorum && (
          <p aria-live="polite">
            {t('assembly.quorum', {
              present: assembly.quorum.present,
              represented: assembly.quorum.represented,
              required: assembly.quorum.required,
            })}{' '}
            <strong>{t(assembly.quorum.met ? 'result.quorumMet' : 'result.quorumNotMet')}</strong>
          </p>
        )}
      </section>
      {assembly.kind === 'GeneralAssembly' && open && (
        <Proxies assembly={assembly} onChanged={changed} />
      )}
      {assembly.kind !== 'GeneralAssembly' && open && account?.member && (
        <MeetingRegistration
          assemblyId={assembly.id}
          registered={assembly.registered}
          count={assembly.registrationCount}
          onChanged={changed}
        />
      )}
      {secretariat && (
        <section aria-labelledby="secretariat-title" className="card stack">
          <h2 id="secretariat-title">{t('secretariat.title')}</h2>
          <p aria-live="polite">
            {t('secretariat.counts', {
              present: assembly.attendance.present,
              remote: assembly.attendance.remote,
              represented: assembly.attendance.represented,
            })}
          </p>
          <DoorCheckIn assembly={assembly} onChanged={changed} />
          {assembly.kind === 'GeneralAssembly' && (
            <PaperProxies
              assemblyId={assembly.id}
              locked={Boolean(assembly.proxiesLockedAt)}
              onChanged={changed}
            />
          )}
          <EndAssembly assembly={assembly} onChanged={changed} />
        </section>
      )}
      {assembly.status !== 'Cancelled' && (
        <AssemblyMinutes assemblyId={assembly.id} final={assembly.status === 'Closed'} />
      )}
    </>
  );
}
