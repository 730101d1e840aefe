import { useQuery } from 'urql';
import { ErrorAlert, Loading } from '../components/feedback';
import { usePageTitle } from '../components/page-title';
import { formatDate, formatFraction, formatMoney } from '../format/format';
import { localizedName } from '../format/names';
import { graphql } from '../gql';
import type { CharterQuery } from '../gql/graphql';
import { useLocale, useT } from '../i18n/locale';

/** The charter in force and the councils it names; a deed amendment's form reads it too. */
export const CharterQueryDocument = graphql(`
  query Charter {
    councils {
      code
      nameFr
      nameEn
    }
    charter {
      version
      adoptedAt
      summary
      assemblyQuorum {
        numerator
        denominator
      }
      proxyLimitPerHolder
      initiativeCosignatures
      initiativeSupportDays
      referendumPetitionCosignatures
      volunteerHourRate
      rules {
        decisionType
        decidingBody
        consultedCouncils
        informed
        voteMethod
        allowedVoteMethods
        competingOptionsMethod
        allowedCompetingOptionsMethods
        threshold {
          numerator
          denominator
        }
        thresholdBase
        thresholdComparison
        quorum {
          kind
          count
          ratio {
            numerator
            denominator
          }
        }
        secrecy
        collegeWeighting
        minNoticeDays
        minConsultationDays
        minDeliberationDays
        minVotingDays
      }
    }
  }
`);

type Rule = CharterQuery['charter']['rules'][number];

function RuleCard({ rule, councilNames }: { rule: Rule; councilNames: Map<string, string> }) {
  const t = useT();
  const { locale } = useLocale();
  const days = (count: number) => t('common.days', { count });
  const quorum =
    rule.quorum.kind === 'Count'
      ? t('charter.quorumCount', { count: rule.quorum.count ?? 0 })
      : rule.quorum.kind === 'Ratio' && rule.quorum.ratio
        ? t('charter.quorumRatio', { fraction: formatFraction(rule.quorum.ratio, locale) })
        : t('charter.quorumNone');
  const headingId = `rule-${rule.decisionType}`;
  // Only the kinds of decision whose proposals may compete (contribution scales) say how.
  const competing: [string, string][] = rule.allowedCompetingOptionsMethods.length
    ? [
        [
          t('charter.competing'),
          rule.competingOptionsMethod
            ? t(`voteMethod.${rule.competingOptionsMethod}`)
            : t('charter.competingNone'),
        ],
      ]
    : [];
  const rows: [string, string][] = [
    [t('charter.decides'), t(`decidingBody.${rule.decidingBody}`)],
    [
      t('charter.consulted'),
      rule.consultedCouncils.length
        ? rule.consultedCouncils.map((code) => councilNames.get(code) ?? code).join(', ')
        : t('common.none'),
    ],
    [
      t('charter.informed'),
      rule.informed.length
        ? rule.informed.map((audience) => t(`audience.${audience}`)).join(', ')
        : t('common.none'),
    ],
    [t('charter.method'), t(`voteMethod.${rule.voteMethod}`)],
    ...competing,
    [
      t('charter.threshold'),
      t('charter.thresholdValue', {
        comparison: t(`thresholdComparison.${rule.thresholdComparison}`),
        fraction: formatFraction(rule.threshold, locale),
        base: t(`thresholdBase.${rule.thresholdBase}`),
      }),
    ],
    [t('charter.quorum'), quorum],
    [t('charter.secrecy'), t(`secrecy.${rule.secrecy}`)],
    [t('charter.weighting'), t(rule.collegeWeighting ? 'common.yes' : 'common.no')],
    [
      t('charter.durations'),
      t('charter.durationsValue', {
        notice: days(rule.minNoticeDays),
        consultation: days(rule.minConsultationDays),
        deliberation: days(rule.minDeliberationDays),
        voting: days(rule.minVotingDays),
      }),
    ],
  ];
  return (
    <section className="card" aria-labelledby={headingId}>
      <h3 id={headingId}>{t(`decisionType.${rule.decisionType}`)}</h3>
      <dl className="facts">
        {rows.map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

/** The rules in force: for each decision type, who decides, who is consulted and informed, and how. */
export function CharterPage() {
  const t = useT();
  const { locale } = useLocale();
  usePageTitle(t('charter.title'));
  const [{ data, error, fetching }] = useQuery({ query: CharterQueryDocument });
  const charter = data?.charter;
  const councilNames = new Map(
    data?.councils.map((council) => [council.code, localizedName(council, locale)]) ?? [],
  );

  return (
    <>
      <h1>{t('charter.title')}</h1>
      <ErrorAlert error={error} />
      {fetching && !charter && <Loading />}
      {charter && (
        <>
          <p className="meta">
            {t('charter.version', {
              version: charter.version,
              date: formatDate(charter.adoptedAt, locale),
            })}
          </p>
          <p className="pre-line">{charter.summary}</p>
          <section aria-labelledby="charter-general" className="card">
            <h2 id="charter-general">{t('charter.general')}</h2>
            <dl className="facts">
              <div>
                <dt>{t('charter.assemblyQuorum')}</dt>
                <dd>{formatFraction(charter.assemblyQuorum, locale)}</dd>
              </div>
              <div>
                <dt>{t('charter.proxyLimit')}</dt>
                <dd>{charter.proxyLimitPerHolder}</dd>
              </div>
              <div>
                <dt>{t('charter.initiative')}</dt>
                <dd>
                  {t('charter.initiativeValue', {
                    count: charter.initiativeCosignatures,
                    days: charter.initiativeSupportDays,
                  })}
                </dd>
              </div>
              <div>
                <dt>{t('charter.petition')}</dt>
                <dd>
                  {t('charter.petitionValue', { count: charter.referendumPetitionCosignatures })}
                </dd>
              </div>
              <div>
                <dt>{t('charter.volunteerRate')}</dt>
                <dd>{formatMoney(charter.volunteerHourRate, locale)}</dd>
              </div>
            </dl>
          </section>
          <h2>{t('charter.rules')}</h2>
          <div className="grid rules">
            {charter.rules.map((rule) => (
              <RuleCard key={rule.decisionType} rule={rule} councilNames={councilNames} />
            ))}
          </div>
        </>
      )}
    </>
  );
}
