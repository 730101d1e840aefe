import { useQuery } from 'urql';
import { formatFraction, formatMoney } from '../format/format';
import { localizedName } from '../format/names';
import { graphql } from '../gql';
import { useLocale, useT } from '../i18n/locale';
import { enumName, methodName } from './charter-change-draft';
import type { MessageId } from '../i18n/messages.fr-CA';

type Fields = Record<string, unknown>;

const CouncilNamesDocument = graphql(`
  query CouncilNames {
    councils(includeDissolved: true) {
      code
      nameFr
      nameEn
    }
  }
`);

const DURATIONS = ['minNoticeDays', 'minConsultationDays', 'minDeliberationDays', 'minVotingDays'];

/**
 * What a deed amendment changes in the charter, shown with the proposal so
 * that those who decide read the rules they adopt, not only the prose.
 */
export function CharterChange({ change }: { change: Fields }) {
  const t = useT();
  const { locale } = useLocale();
  const [{ data }] = useQuery({ query: CouncilNamesDocument });
  const councilName = (code: string) => {
    const council = data?.councils.find((c) => c.code === code);
    return council ? localizedName(council, locale) : code;
  };
  const fraction = (numerator: unknown, denominator: unknown) =>
    formatFraction({ numerator: Number(numerator), denominator: Number(denominator) }, locale);
  const days = (count: unknown) => t('common.days', { count: Number(count) });
  const line = (label: string, value: string) => t('charterChange.line', { label, value });

  /** A translated enum label for a stored value: `ordinary_resolution` → decisionType.OrdinaryResolution. */
  const label = (prefix: string, value: unknown) =>
    t(`${prefix}.${enumName(String(value))}` as MessageId);

  function settingLines(settings: Fields): string[] {
    const lines: string[] = [];
    if (settings.proxyLimitPerHolder != null)
      lines.push(line(t('charter.proxyLimit'), String(settings.proxyLimitPerHolder)));
    if (settings.assemblyQuorumNumerator != null) {
      const quorum = fraction(settings.assemblyQuorumNumerator, settings.assemblyQuorumDenominator);
      lines.push(line(t('charter.assemblyQuorum'), quorum));
    }
    if (settings.initiativeCosignatures != null) {
      const count = String(settings.initiativeCosignatures);
      lines.push(line(t('charterChange.initiativeCosignatures'), count));
    }
    if (settings.initiativeSupportDays != null) {
      const support = days(settings.initiativeSupportDays);
      lines.push(line(t('charterChange.initiativeSupportDays'), support));
    }
    if (settings.referendumPetitionCosignatures != null) {
      const count = String(settings.referendumPetitionCosignatures);
      lines.push(line(t('charter.petition'), count));
    }
    if (settings.volunteerHourRateCents != null) {
      const rate = formatMoney(Number(settings.volunteerHourRateCents), locale);
      lines.push(line(t('charter.volunteerRate'), rate));
    }
    return lines;
  }

  function ruleLines(rule: Fields): string[] {
    const lines: string[] = [];
    if (rule.decidingBody)
      lines.push(line(t('charter.decides'), label('decidingBody', rule.decidingBody)));
    if (Array.isArray(rule.consultedCouncils)) {
      const councils = rule.consultedCouncils.map(String).map(councilName).join(', ');
      lines.push(line(t('charter.consulted'), councils || t('common.none')));
    }
    if (rule.voteMethod)
      lines.push(line(t('charter.method'), t(`voteMethod.${methodName(rule.voteMethod)}`)));
    if (rule.competingOptionsMethod !== undefined) {
      const method = rule.competingOptionsMethod
        ? t(`voteMethod.${methodName(rule.competingOptionsMethod)}`)
        : t('charter.competingNone');
      lines.push(line(t('charter.competing'), method));
    }
    if (rule.thresholdNumerator != null) {
      const threshold = fraction(rule.thresholdNumerator, rule.thresholdDenominator);
      lines.push(line(t('charter.threshold'), threshold));
    }
    if (rule.thresholdComparison) {
      const comparison = label('thresholdComparison', rule.thresholdComparison);
      lines.push(line(t('charterChangeForm.comparison'), comparison));
    }
    if (rule.thresholdBase)
      lines.push(line(t('charterChange.base'), label('thresholdBase', rule.thresholdBase)));
    if (rule.quorumKind === 'none') lines.push(line(t('charter.quorum'), t('charter.quorumNone')));
    if (rule.quorumKind === 'count') {
      const count = t('charter.quorumCount', { count: Number(rule.quorumNumerator) });
      lines.push(line(t('charter.quorum'), count));
    }
    if (rule.quorumKind === 'ratio') {
      const share = fraction(rule.quorumNumerator, rule.quorumDenominator);
      lines.push(line(t('charter.quorum'), t('charter.quorumRatio', { fraction: share })));
    }
    if (Array.isArray(rule.informed)) {
      const informed = rule.informed.map((audience) => label('audience', audience)).join(', ');
      lines.push(line(t('charter.informed'), informed || t('common.none')));
    }
    if (rule.secrecy) lines.push(line(t('charter.secrecy'), label('secrecy', rule.secrecy)));
    if (rule.collegeWeighting != null) {
      const weighted = t(rule.collegeWeighting ? 'common.yes' : 'common.no');
      lines.push(line(t('charter.weighting'), weighted));
    }
    for (const key of DURATIONS)
      if (rule[key] != null)
        lines.push(line(t(`charterChange.${key}` as MessageId), days(rule[key])));
    return lines;
  }

  const settings = settingLines((change.settings as Fields | undefined) ?? {});
  const rules = Object.entries((change.rules as Record<string, Fields> | undefined) ?? {});
  return (
    <section aria-labelledby="charter-change-title" className="card">
      <h2 id="charter-change-title">{t('charterChange.title')}</h2>
      <p className="hint">{t('charterChange.help')}</p>
      {settings.length > 0 && (
        <>
          <h3>{t('charter.general')}</h3>
          <ul>
            {settings.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </>
      )}
      {rules.map(([decisionType, rule]) => (
        <div key={decisionType}>
          <h3>{label('decisionType', decisionType)}</h3>
          <ul>
            {ruleLines(rule).map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
