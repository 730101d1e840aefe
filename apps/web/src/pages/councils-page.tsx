import { FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { useSession } from '../api/session';
import { ErrorAlert, Loading, StatusMessage } from '../components/feedback';
import { MemberName } from '../components/member-name';
import { usePageTitle } from '../components/page-title';
import { TextAreaField, TextField } from '../components/text-field';
import { ChairForm } from '../councils/chair-form';
import { CouncilForm } from '../councils/council-form';
import { DissolveCouncilForm } from '../councils/dissolve-form';
import { formatDateTime } from '../format/format';
import { localizedName } from '../format/names';
import { regionName } from '../format/regions';
import { graphql } from '../gql';
import type { CouncilsQuery } from '../gql/graphql';
import { useLocale, useT } from '../i18n/locale';

const CouncilsQueryDocument = graphql(`
  query Councils {
    councils {
      id
      code
      nameFr
      nameEn
      seats
      termMonths
      chairMemberId
      eligibility {
        minAge
        maxAge
        regions
        requiresApprovedPractice
      }
      members {
        id
        memberId
        status
        appliedAt
        declaredPractice
      }
    }
  }
`);

const ApplyMutation = graphql(`
  mutation ApplyToCouncil($input: ApplyToCouncilInput!) {
    applyToCouncil(input: $input) {
      id
      status
    }
  }
`);

const DecideMutation = graphql(`
  mutation DecideCouncilSeat($input: DecideCouncilSeatInput!) {
    decideCouncilSeat(input: $input) {
      id
      status
    }
  }
`);

const ConsultationsDocument = graphql(`
  query CouncilProposals($councilId: UUID!) {
    proposals(first: 20, councilId: $councilId, status: Consultation) {
      edges {
        node {
          id
          title
          consultationEndsAt
        }
      }
    }
  }
`);

type Council = CouncilsQuery['councils'][number];
type Seat = Council['members'][number];

function Eligibility({ council }: { council: Council }) {
  const t = useT();
  const { minAge, maxAge, regions, requiresApprovedPractice } = council.eligibility;
  const rules: string[] = [];
  if (minAge != null && maxAge != null)
    rules.push(t('councils.eligibility.ages', { min: minAge, max: maxAge }));
  else if (minAge != null) rules.push(t('councils.eligibility.minAge', { min: minAge }));
  else if (maxAge != null) rules.push(t('councils.eligibility.maxAge', { max: maxAge }));
  if (regions?.length)
    rules.push(t('councils.eligibility.regions', { regions: regions.map(regionName).join(', ') }));
  if (requiresApprovedPractice) rules.push(t('councils.eligibility.practice'));
  return <>{rules.length ? rules.join(' · ') : t('councils.eligibility.open')}</>;
}

function ApplyForm({ council, onDone }: { council: Council; onDone(message: string): void }) {
  const t = useT();
  const { locale } = useLocale();
  const [practice, setPractice] = useState('');
  const [result, apply] = useMutation(ApplyMutation);
  const name = localizedName(council, locale);
  const needsPractice = council.eligibility.requiresApprovedPractice === true;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const response = await apply({
      input: { councilId: council.id, declaredPractice: needsPractice ? practice : undefined },
    });
    if (response.data) onDone(t('councils.applied', { council: name }));
  }

  return (
    <form onSubmit={(event) => void submit(event)} className="stack">
      <ErrorAlert error={result.error} />
      {needsPractice && (
        <TextAreaField
          id={`practice-${council.id}`}
          label={t('councils.practice')}
          aria-describedby={`practice-hint-${council.id}`}
          required
          maxLength={2000}
          rows={3}
          value={practice}
          onChange={(event) => setPractice(event.target.value)}
        >
          <p id={`practice-hint-${council.id}`} className="hint">
            {t('councils.practiceHint')}
          </p>
        </TextAreaField>
      )}
      <button type="submit" className="button-primary" disabled={result.fetching}>
        <span aria-hidden="true">{t('councils.apply')}</span>
        <span className="visually-hidden">{t('councils.applyTo', { council: name })}</span>
      </button>
    </form>
  );
}

function Application({ seat, onDone }: { seat: Seat; onDone(message: string): void }) {
  const t = useT();
  const { locale } = useLocale();
  const [reason, setReason] = useState('');
  const [result, decide] = useMutation(DecideMutation);
  const heading = t('councils.applicant', { date: formatDateTime(seat.appliedAt, locale) });

  async function decideSeat(approve: boolean) {
    const response = await decide({
      input: { seatId: seat.id, approve, reason: reason.trim() || undefined },
    });
    if (response.data) onDone(t(approve ? 'councils.approved' : 'councils.refused'));
  }

  return (
    <li className="card" aria-label={heading}>
      <h4>{heading}</h4>
      <p className="meta">{t('councils.applicantMember', { id: seat.memberId.slice(0, 8) })}</p>
      {seat.declaredPractice && (
        <p>{t('councils.declaredPractice', { practice: seat.declaredPractice })}</p>
      )}
      <ErrorAlert error={result.error} />
      <TextField
        id={`reason-${seat.id}`}
        label={t('councils.reason')}
        maxLength={1000}
        value={reason}
        onChange={(event) => setReason(event.target.value)}
      />
      <div className="button-row">
        <button
          type="button"
          className="button-primary"
          disabled={result.fetching}
          onClick={() => void decideSeat(true)}
        >
          {t('councils.approve')}
        </button>
        <button
          type="button"
          className="button-secondary"
          disabled={result.fetching}
          onClick={() => void decideSeat(false)}
        >
          {t('councils.refuse')}
        </button>
      </div>
    </li>
  );
}

/** For the council's members: the proposals it is asked to give an opinion on. */
function CouncilConsultations({ councilId }: { councilId: string }) {
  const t = useT();
  const { locale } = useLocale();
  const [{ data, error }] = useQuery({ query: ConsultationsDocument, variables: { councilId } });
  const proposals = data?.proposals.edges.map((edge) => edge.node) ?? [];
  return (
    <>
      <h3>{t('councils.consultations')}</h3>
      <ErrorAlert error={error} />
      {data && proposals.length === 0 && <p>{t('councils.noConsultation')}</p>}
      <ul className="task-list">
        {proposals.map((proposal) => (
          <li key={proposal.id}>
            <Link to={`/proposals/${proposal.id}`}>{proposal.title}</Link>
            {proposal.consultationEndsAt && (
              <span className="meta">
                {' '}
                ·{' '}
                {t('proposal.dueAt', { date: formatDateTime(proposal.consultationEndsAt, locale) })}
              </span>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}

function CouncilCard({ council, onDone }: { council: Council; onDone(message: string): void }) {
  const t = useT();
  const { locale } = useLocale();
  const { account, hasRole } = useSession();
  const memberId = account?.member?.id;
  const mySeat = council.members.find(
    (seat) => seat.memberId === memberId && (seat.status === 'Active' || seat.status === 'Applied'),
  );
  const isChair = memberId != null && council.chairMemberId === memberId;
  const canDecide = isChair || hasRole('Secretary');
  const taken = council.members.filter((seat) => seat.status === 'Active').length;
  const applications = council.members.filter((seat) => seat.status === 'Applied');
  const headingId = `council-${council.code}`;
  // The secretary's forms on this council: at most one open at a time.
  const [managing, setManaging] = useState<'edit' | 'dissolve' | null>(null);

  return (
    <section className="card stack" id={council.code} aria-labelledby={headingId}>
      <h2 id={headingId}>{localizedName(council, locale)}</h2>
      <dl className="facts">
        <div>
          <dt>{t('councils.seats')}</dt>
          <dd>{t('councils.seatsValue', { taken, total: council.seats })}</dd>
        </div>
        <div>
          <dt>{t('councils.term')}</dt>
          <dd>{t('councils.termValue', { months: council.termMonths })}</dd>
        </div>
        <div>
          <dt>{t('councils.eligibility')}</dt>
          <dd>
            <Eligibility council={council} />
          </dd>
        </div>
      </dl>
      {isChair && <p className="badge">{t('councils.youAreChair')}</p>}
      {hasRole('Secretary') &&
        (managing === 'edit' ? (
          <CouncilForm
            council={council}
            onSaved={(names) => {
              setManaging(null);
              onDone(t('councilAdmin.updated', { council: localizedName(names, locale) }));
            }}
          />
        ) : managing === 'dissolve' ? (
          <DissolveCouncilForm
            councilId={council.id}
            councilName={localizedName(council, locale)}
            onDone={onDone}
          />
        ) : (
          <div className="button-row">
            <button type="button" className="button-secondary" onClick={() => setManaging('edit')}>
              {t('councilAdmin.editOpen')}
            </button>
            <button
              type="button"
              className="button-secondary"
              onClick={() => setManaging('dissolve')}
            >
              {t('councilAdmin.dissolveOpen')}
            </button>
          </div>
        ))}
      {hasRole('Secretary') && (
        <>
          <h3>{t('councilAdmin.chairTitle')}</h3>
          <p>
            {council.chairMemberId ? (
              <MemberName id={council.chairMemberId} />
            ) : (
              t('councilAdmin.noChair')
            )}
          </p>
          <ChairForm
            councilId={council.id}
            councilName={localizedName(council, locale)}
            chairMemberId={council.chairMemberId ?? null}
            seatedMemberIds={council.members
              .filter((seat) => seat.status === 'Active')
              .map((seat) => seat.memberId)}
            onDone={onDone}
          />
        </>
      )}
      {mySeat ? (
        <p className="badge">
          {t(mySeat.status === 'Active' ? 'councils.status.Active' : 'councils.status.Applied')}
        </p>
      ) : (
        memberId && <ApplyForm council={council} onDone={onDone} />
      )}
      {mySeat?.status === 'Active' && <CouncilConsultations councilId={council.id} />}
      {canDecide && (
        <>
          <h3>{t('councils.applications')}</h3>
          {applications.length === 0 ? (
            <p>{t('councils.noApplications')}</p>
          ) : (
            <ul className="card-list">
              {applications.map((seat) => (
                <Application key={seat.id} seat={seat} onDone={onDone} />
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}

export function CouncilsPage() {
  const t = useT();
  usePageTitle(t('councils.title'));
  const [{ data, error, fetching }, refetch] = useQuery({ query: CouncilsQueryDocument });
  const [status, setStatus] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const { locale } = useLocale();
  const { hasRole } = useSession();

  function done(message: string) {
    setStatus(message);
    refetch({ requestPolicy: 'network-only' });
  }

  return (
    <>
      <h1>{t('councils.title')}</h1>
      <p>{t('councils.intro')}</p>
      <StatusMessage>{status}</StatusMessage>
      <ErrorAlert error={error} />
      {fetching && !data && <Loading />}
      <div className="stack">
        {data?.councils.map((council) => (
          <CouncilCard key={council.id} council={council} onDone={done} />
        ))}
      </div>
      {hasRole('Secretary') && (
        <section aria-labelledby="create-council-title" className="card">
          <h2 id="create-council-title">{t('councilAdmin.createTitle')}</h2>
          <p className="hint">{t('councilAdmin.createHelp')}</p>
          {creating ? (
            <CouncilForm
              onSaved={(names) => {
                setCreating(false);
                done(t('councilAdmin.created', { council: localizedName(names, locale) }));
              }}
            />
          ) : (
            <button type="button" className="button-secondary" onClick={() => setCreating(true)}>
              {t('councilAdmin.createOpen')}
            </button>
          )}
        </section>
      )}
    </>
  );
}
