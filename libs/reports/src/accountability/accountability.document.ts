import { Locale, TRUST_TIME_ZONE } from '@delibera/kernel';
import { formatCents } from '@delibera/contributions';
import { Period } from '../period';
import {
  CampaignReportType,
  CouncilsReportType,
  DecisionRegisterType,
  MembershipReportType,
  ParticipationCellType,
  ParticipationReportWithVotes,
  ProposalPipelineType,
  ReportCountType,
  VolunteerReportType,
} from '../reports.types';
import { ReportBlock, ReportDocument, ReportSection } from './report-document';
import { WORDS } from './accountability.words';

/** Everything the annual report assembles, each part computed by its own report. */
export interface AccountabilityData {
  fiscalYear: number;
  period: Period;
  generatedAt: Date;
  membership: MembershipReportType;
  participation: ParticipationReportWithVotes;
  /** Each vote's turnout by college, small cells of secret votes already suppressed. */
  collegeTurnout: Record<string, ParticipationCellType[]>;
  register: DecisionRegisterType;
  pipeline: ProposalPipelineType;
  councils: CouncilsReportType;
  campaign: CampaignReportType;
  volunteers: VolunteerReportType;
}

const DAY_FORMATS: Record<Locale, Intl.DateTimeFormat> = {
  fr: new Intl.DateTimeFormat('fr-CA', { timeZone: TRUST_TIME_ZONE, dateStyle: 'long' }),
  en: new Intl.DateTimeFormat('en-CA', { timeZone: TRUST_TIME_ZONE, dateStyle: 'long' }),
};

/** A day as a member reads it, in Montréal time: « 1 avril 2026 », "April 1, 2026". */
export function formatDay(date: Date, locale: Locale): string {
  return DAY_FORMATS[locale].format(date);
}

/** A whole number with the locale's thousands separator (a no-break space in French). */
export function formatNumber(n: number, locale: Locale): string {
  const text = Math.round(n)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, locale === 'fr' ? '\u00a0' : ',');
  return text;
}

/** A ratio (0.4567) as a percentage with one decimal: « 45,7 % », "45.7%". */
export function formatPercent(ratio: number | null, locale: Locale): string {
  if (ratio === null) return '—';
  const fixed = (Math.round(ratio * 1000) / 10).toFixed(1);
  return locale === 'fr' ? `${fixed.replace('.', ',')}\u00a0%` : `${fixed}%`;
}

/** Hours with up to one decimal, locale style. */
function formatHours(hours: number, locale: Locale): string {
  const fixed = (Math.round(hours * 10) / 10).toFixed(hours % 1 === 0 ? 0 : 1);
  return locale === 'fr' ? fixed.replace('.', ',') : fixed;
}

function formatDays(days: number, locale: Locale): string {
  const fixed = days < 1 ? days.toFixed(2) : days.toFixed(1);
  return locale === 'fr' ? fixed.replace('.', ',') : fixed;
}

/** The annual accountability report (*reddition de comptes*) as a document, in one language. */
export function buildAccountabilityDocument(
  data: AccountabilityData,
  locale: Locale,
): ReportDocument {
  const w = WORDS[locale];
  const money = (cents: number) => formatCents(cents, locale);
  const num = (n: number) => formatNumber(n, locale);
  /** One campaign breakdown (by category or by region): its groups' calls, called, received and outstanding. */
  const campaignTable = <
    G extends {
      callCount: number;
      calledCents: number;
      paidCents: number;
      outstandingCents: number;
    },
  >(
    caption: string,
    groupLabel: string,
    groups: G[],
    name: (group: G) => string,
  ): ReportBlock => ({
    kind: 'table',
    caption,
    columns: [
      { label: groupLabel, align: 'left', width: 3 },
      { label: w.calls, align: 'right', width: 1 },
      { label: w.called, align: 'right', width: 2 },
      { label: w.received, align: 'right', width: 2 },
      { label: w.outstanding, align: 'right', width: 2 },
    ],
    rows: groups.map((g) => [
      name(g),
      num(g.callCount),
      money(g.calledCents),
      money(g.paidCents),
      money(g.outstandingCents),
    ]),
    empty: w.none,
  });
  const pct = (r: number | null) => formatPercent(r, locale);
  const label = (row: { labelFr: string; labelEn: string }) =>
    locale === 'fr' ? row.labelFr : row.labelEn;
  const countTable = (
    caption: string,
    heading: string,
    rows: ReportCountType[],
    total: number,
  ): ReportBlock => ({
    kind: 'table',
    caption,
    columns: [
      { label: heading, align: 'left', width: 3 },
      { label: w.members, align: 'right', width: 1 },
      { label: w.share, align: 'right', width: 1 },
    ],
    rows: rows
      .filter((r) => r.count > 0)
      .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key))
      .map((r) => [label(r), num(r.count), pct(total > 0 ? r.count / total : null)]),
    empty: w.none,
  });
  const lastDay = new Date(data.period.to.getTime() - 1);
  // A fiscal year from January 1st is named by its year alone.
  const calendarYear =
    data.period.from.toLocaleDateString('en-CA', { timeZone: TRUST_TIME_ZONE }).slice(5) ===
    '01-01';
  const {
    membership: m,
    participation: p,
    register,
    pipeline,
    councils,
    campaign,
    volunteers: v,
  } = data;
  const c = campaign.campaign;
  const consultations = councils.councils.reduce(
    (sum, x) => ({
      received: sum.received + x.consultationsReceived,
      onTime: sum.onTime + x.answeredOnTime,
      due: sum.due + x.consultationsReceived - x.pending,
    }),
    { received: 0, onTime: 0, due: 0 },
  );

  const sections: ReportSection[] = [
    {
      heading: w.highlights,
      blocks: [
        {
          kind: 'figures',
          items: [
            { label: w.activeAtEnd, value: num(m.activeAtEnd) },
            { label: w.votesHeld, value: num(p.voteCount) },
            { label: w.overallTurnout, value: pct(p.turnout) },
            { label: w.decisions, value: num(register.decisions.length) },
            {
              label: w.consultationsOnTime,
              value: `${num(consultations.onTime)} / ${num(consultations.due)}`,
            },
            {
              label: w.contributionsReceived,
              value: `${money(c.paidCents)} / ${money(c.calledCents)}`,
            },
            { label: w.volunteerHours, value: formatHours(v.hours, locale) },
          ],
        },
      ],
    },
    {
      heading: w.membership,
      blocks: [
        {
          kind: 'paragraph',
          text: w.membershipIntro(
            num(m.activeAtStart),
            num(m.activeAtEnd),
            num(m.joined),
            num(m.resigned),
          ),
        },
        countTable(w.byCollege, w.college, m.byCollege, m.activeAtEnd),
        countTable(w.byCategory, w.category, m.byCategory, m.activeAtEnd),
        countTable(w.byRegion, w.region, m.byRegion, m.activeAtEnd),
        countTable(w.byAgeBand, w.ageBand, m.byAgeBand, m.activeAtEnd),
        {
          kind: 'table',
          caption: w.monthlyFlows,
          columns: [
            { label: w.month, align: 'left', width: 2 },
            { label: w.joined, align: 'right', width: 1 },
            { label: w.resigned, align: 'right', width: 1 },
            { label: w.suspended, align: 'right', width: 1 },
            { label: w.reinstated, align: 'right', width: 1 },
          ],
          rows: m.overTime.map((row) => [
            row.month,
            num(row.joined),
            num(row.resigned),
            num(row.suspended),
            num(row.reinstated),
          ]),
          empty: w.none,
        },
      ],
    },
    {
      heading: w.participation,
      blocks: [
        {
          kind: 'paragraph',
          text: w.participationIntro(
            num(p.voteCount),
            num(p.voters),
            num(p.eligible),
            pct(p.turnout),
          ),
        },
        {
          kind: 'table',
          caption: w.votes,
          columns: [
            { label: w.vote, align: 'left', width: 4 },
            { label: w.closed, align: 'left', width: 2.2 },
            { label: w.eligible, align: 'right', width: 1.2 },
            { label: w.voters, align: 'right', width: 1.2 },
            { label: w.turnout, align: 'right', width: 1.3 },
            { label: w.quorumMargin, align: 'right', width: 1.4 },
            { label: w.result, align: 'left', width: 2 },
          ],
          rows: [...p.votes]
            .sort((a, b) => a.closesAt.getTime() - b.closesAt.getTime())
            .map((vote) => [
              `${locale === 'fr' ? vote.titleFr : vote.titleEn}${vote.secrecy === 'secret' ? ` (${w.secret})` : ''}`,
              formatDay(vote.closesAt, locale),
              num(vote.eligible),
              num(vote.voters),
              pct(vote.turnout),
              vote.quorumMargin === null
                ? '—'
                : `${vote.quorumMargin > 0 ? '+' : ''}${num(vote.quorumMargin)}`,
              vote.outcome ? (w.outcome[vote.outcome] ?? vote.outcome) : w.open,
            ]),
          empty: w.noVotes,
        },
        {
          kind: 'table',
          caption: w.byCollegeTurnout,
          columns: [
            { label: w.vote, align: 'left', width: 4 },
            { label: w.college, align: 'left', width: 4 },
            { label: w.eligible, align: 'right', width: 1.2 },
            { label: w.voters, align: 'right', width: 1.4 },
            { label: w.turnout, align: 'right', width: 1.3 },
          ],
          rows: [...p.votes]
            .sort((a, b) => a.closesAt.getTime() - b.closesAt.getTime())
            .flatMap((vote) =>
              (data.collegeTurnout[vote.voteId] ?? []).map((cell) => [
                locale === 'fr' ? vote.titleFr : vote.titleEn,
                label(cell),
                num(cell.eligible),
                cell.suppressed ? w.fewerThanFive : num(cell.voters ?? 0),
                cell.suppressed ? '—' : pct(cell.turnout),
              ]),
            ),
          empty: w.noVotes,
        },
        { kind: 'note', text: w.suppressionNote },
      ],
    },
    {
      heading: w.register,
      blocks: [
        {
          kind: 'table',
          caption: w.decisionsOfYear,
          columns: [
            { label: w.date, align: 'left', width: 2 },
            { label: w.decision, align: 'left', width: 3.5 },
            { label: w.decidedBy, align: 'left', width: 2 },
            { label: w.result, align: 'left', width: 1.6 },
            { label: w.opinions, align: 'left', width: 3.5 },
          ],
          rows: register.decisions.map((d) => [
            formatDay(d.decidedAt, locale),
            `${locale === 'fr' ? d.titleFr : d.titleEn}${d.decisionType ? ` — ${w.decisionType[d.decisionType] ?? d.decisionType}` : ''}`,
            d.decidingBody ? (w.body[d.decidingBody] ?? d.decidingBody) : '—',
            w.outcome[d.result] ?? d.result,
            d.opinions.length === 0
              ? '—'
              : d.opinions
                  .map(
                    (o) =>
                      `${locale === 'fr' ? o.nameFr : o.nameEn}${w.labelSep}${o.position ? (w.position[o.position] ?? o.position) : w.noOpinion}`,
                  )
                  .join(w.opinionSep),
          ]),
          empty: w.noDecisions,
        },
      ],
    },
    {
      heading: w.pipeline,
      blocks: [
        {
          kind: 'table',
          caption: w.proposalsByStatus,
          columns: [
            { label: w.status, align: 'left', width: 3 },
            { label: w.proposals, align: 'right', width: 1 },
          ],
          rows: pipeline.byStatus.map((s) => [label(s), num(s.count)]),
          empty: w.none,
        },
        {
          kind: 'table',
          caption: w.timeInPhase,
          columns: [
            { label: w.phase, align: 'left', width: 3 },
            { label: w.proposals, align: 'right', width: 1 },
            { label: w.medianDays, align: 'right', width: 1.4 },
            { label: w.p90Days, align: 'right', width: 1.4 },
          ],
          rows: pipeline.timeInPhase.map((t) => [
            label(t),
            num(t.proposals),
            formatDays(t.medianDays, locale),
            formatDays(t.p90Days, locale),
          ]),
          empty: w.none,
        },
        {
          kind: 'table',
          caption: w.expiredInitiatives,
          columns: [
            { label: w.initiative, align: 'left', width: 4 },
            { label: w.cosignatures, align: 'right', width: 2 },
          ],
          rows: pipeline.expiredInitiatives.map((e) => [
            e.title,
            `${num(e.cosignatures)} / ${num(e.required)}`,
          ]),
          empty: w.noExpired,
        },
      ],
    },
    {
      heading: w.councils,
      blocks: [
        {
          kind: 'table',
          caption: w.councilsActivity,
          columns: [
            { label: w.council, align: 'left', width: 3 },
            { label: w.seatsHeld, align: 'right', width: 1.3 },
            { label: w.pool, align: 'right', width: 1.2 },
            { label: w.consulted, align: 'right', width: 1.2 },
            { label: w.onTime, align: 'right', width: 1.2 },
            { label: w.late, align: 'right', width: 1.1 },
            { label: w.notAnswered, align: 'right', width: 1.2 },
            { label: w.pending, align: 'right', width: 1.2 },
          ],
          rows: councils.councils.map((x) => [
            locale === 'fr' ? x.nameFr : x.nameEn,
            `${num(x.members)} / ${num(x.seats)}`,
            num(x.eligiblePool),
            num(x.consultationsReceived),
            num(x.answeredOnTime),
            num(x.answeredLate),
            num(x.notAnswered),
            num(x.pending),
          ]),
          empty: w.none,
        },
      ],
    },
    {
      heading: w.campaign(campaign.fiscalYear),
      blocks: [
        {
          kind: 'figures',
          items: [
            { label: w.target, value: money(c.targetCents) },
            { label: w.called, value: money(c.calledCents) },
            { label: w.received, value: money(c.paidCents) },
            { label: w.outstanding, value: money(c.outstandingCents) },
            { label: w.waived, value: money(c.waivedCents) },
            { label: w.inKind, value: money(c.inKindCents) },
          ],
        },
        {
          kind: 'paragraph',
          text: c.reconciliation.reconciles ? w.reconciles : w.doesNotReconcile,
        },
        // Calls without a tier are individual members' dues.
        campaignTable(w.campaignByCategory, w.category, c.byCategory, (g) =>
          w.category_(g.organisationCategory ?? 'person'),
        ),
        campaignTable(w.campaignByRegion, w.region, c.byRegion, (g) => w.region_(g.region ?? '')),
        {
          kind: 'table',
          caption: w.inKindByCategory,
          columns: [
            { label: w.category, align: 'left', width: 3 },
            { label: w.contributionsCount, align: 'right', width: 1.5 },
            { label: w.value, align: 'right', width: 2 },
          ],
          rows: campaign.inKindByCategory.map((g) => [
            label(g),
            num(g.contributions),
            money(g.valueCents),
          ]),
          empty: w.none,
        },
        {
          kind: 'paragraph',
          text: w.arrears(
            num(campaign.largestArrears.length),
            money(campaign.largestArrears.reduce((sum, a) => sum + a.outstandingCents, 0)),
          ),
        },
      ],
    },
    {
      heading: w.volunteers,
      blocks: [
        {
          kind: 'figures',
          items: [
            { label: w.volunteerHours, value: formatHours(v.hours, locale) },
            { label: w.volunteerCount, value: num(v.volunteers) },
            { label: w.volunteerValue, value: money(v.valueCents) },
          ],
        },
        {
          kind: 'table',
          caption: w.byActivity,
          columns: [
            { label: w.activity, align: 'left', width: 3 },
            { label: w.hours, align: 'right', width: 1 },
            { label: w.value, align: 'right', width: 1.5 },
          ],
          rows: v.byActivity.map((g) => [g.key, formatHours(g.hours, locale), money(g.valueCents)]),
          empty: w.none,
        },
        {
          kind: 'table',
          caption: w.byCouncil,
          columns: [
            { label: w.council, align: 'left', width: 3 },
            { label: w.hours, align: 'right', width: 1 },
            { label: w.value, align: 'right', width: 1.5 },
          ],
          rows: v.byCouncil.map((g) => [
            label(g),
            formatHours(g.hours, locale),
            money(g.valueCents),
          ]),
          empty: w.none,
        },
        {
          kind: 'paragraph',
          text:
            v.volunteers === 0
              ? w.noVolunteers
              : v.thanked.length > 0
                ? w.thanks(
                    v.thanked.map((t) => t.name),
                    v.volunteers - v.thanked.length,
                  )
                : w.thanksAnonymous(num(v.volunteers)),
        },
      ],
    },
  ];
  return {
    locale,
    title: w.title,
    subtitle: w.fiscalYear(data.fiscalYear, calendarYear),
    meta: [
      w.periodLine(formatDay(data.period.from, locale), formatDay(lastDay, locale)),
      w.issued(formatDay(data.generatedAt, locale)),
    ],
    intro: w.intro,
    sections,
    footer: `${w.title} — ${w.fiscalYear(data.fiscalYear, calendarYear)}`,
    pageLabel: w.page,
    labelSep: w.labelSep,
  };
}
