import { useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { useQuery } from 'urql';
import { CouncilOpinions } from '../components/council-opinion';
import { useSession } from '../api/session';
import { ErrorAlert, Loading, StatusMessage } from '../components/feedback';
import { Amendments, DraftActions } from '../components/proposal-drafting';
import { ProposalPhases } from '../components/proposal-phases';
import { usePageTitle } from '../components/page-title';
import { ProposalThread } from '../components/proposal-thread';
import { VersionDiff } from '../components/version-diff';
import { formatDateTime, formatFraction } from '../format/format';
import { localizedName } from '../format/names';
import { graphql } from '../gql';
import type { ProposalPageQuery } from '../gql/graphql';
import { useLocale, useT } from '../i18n/locale';
import { CharterChange } from '../proposals/charter-change';

const ProposalPageDocument = graphql(`
  query ProposalPage($id: UUID!) {
    proposal(id: $id) {
      id
      title
      status
      decisionType
      charterChange
      renderedBody
      body
      authorMemberId
      currentVersion
      amendments {
        id
        title
        body
        rationale
        status
        baseVersion
        resultingVersion
        voteId
        createdAt
      }
      submittedAt
      consultationEndsAt
      deliberationEndsAt
      votingOpensAt
      votingClosesAt
      author {
        displayName
      }
      versions {
        version
        note
        createdAt
      }
      decisionRights {
        charterVersion
        decides
        deliberates
        informed
        consulted {
          councilCode
          status
          dueAt
          council {
            nameFr
            nameEn
          }
          opinion {
            position
            text
            votesFor
            votesAgainst
            votesAbstain
          }
        }
        rule {
          voteMethod
          secrecy
          thresholdComparison
          thresholdBase
          threshold {
            numerator
            denominator
          }
        }
      }
    }
    votes(first: 5, subjectType: Proposal, subjectId: $id) {
      edges {
        node {
          id
          status
        }
      }
    }
  }
`);

type Rights = ProposalPageQuery['proposal']['decisionRights'];

function DecisionRights({ rights }: { rights: Rights }) {
  const t = useT();
  const { locale } = useLocale();
  const { rule } = rights;
  return (
    <section aria-labelledby="rights-title" className="card">
      <h2 id="rights-title">{t('proposal.rights')}</h2>
      <p className="hint">{t('proposal.rightsCharter', { version: rights.charterVersion })}</p>
      <dl className="facts">
        <div>
          <dt>{t('charter.decides')}</dt>
          <dd>{t(`decidingBody.${rights.decides}`)}</dd>
        </div>
        <div>
          <dt>{t('proposal.deliberates')}</dt>
          <dd>
            {rights.deliberates
              .map((who) => {
                if (who === 'all_members') return t('audience.AllMembers');
                const council = rights.consulted.find((c) => c.councilCode === who)?.council;
                return council ? localizedName(council, locale) : who;
              })
              .join(', ')}
          </dd>
        </div>
        <div>
          <dt>{t('charter.informed')}</dt>
          <dd>
            {rights.informed.map((audience) => t(`audience.${audience}`)).join(', ') ||
              t('common.none')}
          </dd>
        </div>
        <div>
          <dt>{t('charter.method')}</dt>
          <dd>
            {t(`voteMethod.${rule.voteMethod}`)} ·{' '}
            {t('charter.thresholdValue', {
              comparison: t(`thresholdComparison.${rule.thresholdComparison}`),
              fraction: formatFraction(rule.threshold, locale),
              base: t(`thresholdBase.${rule.thresholdBase}`),
            })}{' '}
            · {t(`secrecy.${rule.secrecy}`)}
          </dd>
        </div>
      </dl>
      <h3>{t('proposal.opinions')}</h3>
      {rights.consulted.length === 0 ? (
        <p>{t('proposal.noConsultation')}</p>
      ) : (
        <ul className="card-list">
          {rights.consulted.map((consulted) => (
            <li key={consulted.councilCode} className="opinion">
              <h4>
                {consulted.council
                  ? localizedName(consulted.council, locale)
                  : consulted.councilCode}
              </h4>
              <p className="meta">
                {consulted.status
                  ? t(`consultation.${consulted.status}`)
                  : t('consultation.notYet')}
                {consulted.dueAt &&
                  ` · ${t('proposal.dueAt', { date: formatDateTime(consulted.dueAt, locale) })}`}
              </p>
              {consulted.opinion && (
                <>
                  <p>
                    <strong>{t(`opinion.${consulted.opinion.position}`)}</strong>
                    {consulted.opinion.votesFor != null &&
                      ` (${t('proposal.opinionVotes', {
                        for: consulted.opinion.votesFor,
                        against: consulted.opinion.votesAgainst ?? 0,
                        abstain: consulted.opinion.votesAbstain ?? 0,
                      })})`}
                  </p>
                  <p className="pre-line">{consulted.opinion.text}</p>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** A proposal: its text, versions and differences, who decides and who was consulted, its vote and thread. */
export function ProposalPage() {
  const t = useT();
  const { locale } = useLocale();
  const id = useParams().proposalId ?? '';
  const [{ data, error, fetching }, refetch] = useQuery({
    query: ProposalPageDocument,
    variables: { id },
  });
  const proposal = data?.proposal;
  usePageTitle(proposal?.title ?? t('proposals.title'));
  const { account, hasRole } = useSession();
  const drafted = (useLocation().state as { drafted?: boolean } | null)?.drafted;
  const [status, setStatus] = useState<string | null>(drafted ? t('draft.created') : null);
  const changed = (message: string) => {
    setStatus(message);
    refetch({ requestPolicy: 'network-only' });
  };

  if (!proposal) {
    return (
      <>
        <h1>{t('proposals.title')}</h1>
        <ErrorAlert error={error} />
        {fetching && <Loading />}
      </>
    );
  }

  const dates: [string, string | null | undefined][] = [
    [t('proposal.submittedAt'), proposal.submittedAt],
    [t('proposal.consultationEndsAt'), proposal.consultationEndsAt],
    [t('proposal.deliberationEndsAt'), proposal.deliberationEndsAt],
    [t('proposal.votingOpensAt'), proposal.votingOpensAt],
    [t('proposal.votingClosesAt'), proposal.votingClosesAt],
  ];
  const vote = data?.votes.edges[0]?.node;
  const isAuthor = !!account?.member && proposal.authorMemberId === account.member.id;

  return (
    <>
      <p className="breadcrumb">
        <Link to="/proposals">{t('proposals.title')}</Link>
      </p>
      <h1>{proposal.title}</h1>
      <StatusMessage>{status}</StatusMessage>
      <p className="meta">
        {t(`decisionType.${proposal.decisionType}`)} ·{' '}
        <span className="badge">{t(`proposalStatus.${proposal.status}`)}</span>
        {proposal.author && ` · ${t('proposal.by', { author: proposal.author.displayName })}`}
      </p>
      {vote && (
        <p>
          <Link className="button-primary link-button" to={`/votes/${vote.id}`}>
            {vote.status === 'Open' ? t('proposal.goVote') : t('proposal.seeVote')}
          </Link>
        </p>
      )}
      <dl className="facts">
        {dates
          .filter(([, value]) => value)
          .map(([term, value]) => (
            <div key={term}>
              <dt>{term}</dt>
              <dd>{formatDateTime(value!, locale)}</dd>
            </div>
          ))}
      </dl>
      <section aria-labelledby="text-title" className="card">
        <h2 id="text-title">{t('proposal.text', { version: proposal.currentVersion })}</h2>
        {/* renderedBody is Markdown rendered and sanitised by the API (sanitize-html). */}
        <div className="prose" dangerouslySetInnerHTML={{ __html: proposal.renderedBody }} />
      </section>
      {isAuthor && proposal.status === 'Draft' && (
        <DraftActions
          key={proposal.currentVersion}
          proposal={proposal}
          canSubmit={!hasRole('Secretary')}
          onChanged={changed}
        />
      )}
      {hasRole('Secretary') && <ProposalPhases proposal={proposal} onChanged={changed} />}
      <section aria-labelledby="versions-title" className="card">
        <h2 id="versions-title">{t('proposal.versions')}</h2>
        <ol className="versions">
          {proposal.versions.map((version) => (
            <li key={version.version}>
              {t('proposal.version', { version: version.version })} ·{' '}
              {formatDateTime(version.createdAt, locale)}
              {version.note && ` — ${version.note}`}
            </li>
          ))}
        </ol>
        <VersionDiff proposalId={proposal.id} versions={proposal.versions.map((v) => v.version)} />
      </section>
      <Amendments
        key={`amendments-${proposal.currentVersion}`}
        proposal={proposal}
        isAuthor={isAuthor}
        canPutToVote={hasRole('Secretary')}
        onChanged={changed}
      />
      {proposal.charterChange && <CharterChange change={proposal.charterChange} />}
      <DecisionRights rights={proposal.decisionRights} />
      <CouncilOpinions
        proposalId={proposal.id}
        onPublished={() => refetch({ requestPolicy: 'network-only' })}
      />
      <ProposalThread proposalId={proposal.id} />
    </>
  );
}
