/** The board's reports (libs/reports) as a dashboard asks for them: used by the reports and load benches. */
export interface ReportCase {
  name: string;
  /** The Query field it needs: the case runs only when the API's schema has it. */
  field: string;
  query: string;
  variables: (ctx: { from: string; to: string; fiscalYear: number; voteId: string }) => object;
  role: 'trustee' | 'treasurer';
}

const PERIOD = `query ($from: DateTime, $to: DateTime) `;
/** Every report of libs/reports, with the fields a dashboard asks for. */
export const REPORT_CASES: ReportCase[] = [
  {
    name: 'participation: totals by month and the first page (50) of votes with turnout, quorum margin and breakdowns',
    field: 'participationReport',
    // The page size as a variable, as the portal sends it (the cost limit multiplies a literal `first`).
    query: `query ($from: DateTime, $to: DateTime, $first: Int) {
      participationReport(period: { from: $from, to: $to }) { voteCount voters turnout
      overTime { month votes voters turnout }
      votes(first: $first) { totalCount pageInfo { hasNextPage endCursor } edges { node {
        voteId titleFr eligible voters turnout quorumMargin outcome
        byCollege { key voters eligible suppressed } byRegion { key voters eligible suppressed }
        byAgeBand { key voters suppressed } byCategory { key voters suppressed } byCouncil { key voters suppressed } } } } } }`,
    variables: ({ from, to }) => ({ from, to, first: 50 }),
    role: 'trustee',
  },
  {
    name: 'membership: composition, joins and departures by month, council pools',
    field: 'membershipReport',
    query: `${PERIOD}{ membershipReport(period: { from: $from, to: $to }) { activeAtStart activeAtEnd joined resigned
      byKind { key count } byRegion { key count } byCollege { key count } byCategory { key count } byAgeBand { key count }
      byStatus { key count } overTime { month joined resigned suspended reinstated } councilPools { code eligible seats } } }`,
    variables: ({ from, to }) => ({ from, to }),
    role: 'trustee',
  },
  {
    name: 'councils: seats, consultations answered on time, late, not answered',
    field: 'councilsReport',
    query: `${PERIOD}{ councilsReport(period: { from: $from, to: $to }) { councils { code seats members vacancies
      consultationsReceived answeredOnTime answeredLate notAnswered pending onTimeRate eligiblePool pendingApplications } } }`,
    variables: ({ from, to }) => ({ from, to }),
    role: 'trustee',
  },
  {
    name: 'contribution campaign: called, received, outstanding, waived, in-kind, largest arrears',
    field: 'campaignReport',
    query: `query ($y: Int!) { campaignReport(fiscalYear: $y) { fiscalYear
      campaign { targetCents calledCents paidCents outstandingCents }
      inKindByCategory { key valueCents contributions } inKindByRegion { key valueCents contributions }
      largestArrears { reference displayName outstandingCents } } }`,
    variables: ({ fiscalYear }) => ({ y: fiscalYear }),
    role: 'treasurer',
  },
  {
    name: "decision register: every decision with its body, result and consulted councils' opinions",
    field: 'decisionRegister',
    query: `${PERIOD}{ decisionRegister(period: { from: $from, to: $to }) { decisions { kind titleFr decisionType
      decidingBody decidedAt result quorumMet voters eligible resultHash proposalId voteId assemblyId } } }`,
    variables: ({ from, to }) => ({ from, to }),
    role: 'trustee',
  },
  {
    name: 'proposal pipeline: counts by status, median and p90 time in each phase, expired initiatives',
    field: 'proposalPipeline',
    query: `${PERIOD}{ proposalPipeline(period: { from: $from, to: $to }) { byStatus { status count }
      timeInPhase { phase proposals medianDays p90Days } expiredInitiatives { proposalId cosignatures required } } }`,
    variables: ({ from, to }) => ({ from, to }),
    role: 'trustee',
  },
  {
    name: 'volunteer recognition: hours and value by activity and council, names with consent',
    field: 'volunteerReport',
    query: `${PERIOD}{ volunteerReport(period: { from: $from, to: $to }) { volunteers contributions hours valueCents
      byActivity { key hours valueCents } byCouncil { key hours valueCents } thanked { name hours } } }`,
    variables: ({ from, to }) => ({ from, to }),
    role: 'trustee',
  },
  {
    name: 'annual accountability report of the fiscal year (every report assembled, Markdown)',
    field: 'accountabilityReport',
    query: `query ($y: Int!) { accountabilityReport(fiscalYear: $y, locale: Fr) { fiscalYear markdown pdfPath } }`,
    variables: ({ fiscalYear }) => ({ y: fiscalYear }),
    role: 'trustee',
  },
];
