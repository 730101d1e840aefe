import {
  buildAccountabilityDocument,
  formatNumber,
  formatPercent,
} from '../accountability/accountability.document';
import { renderAccountabilityMarkdown } from '../accountability/accountability.markdown';
import { ReportDocument } from '../accountability/report-document';
import { AccountabilityData } from '../accountability/accountability.document';

const period = { from: new Date('2026-04-01T04:00:00Z'), to: new Date('2027-04-01T04:00:00Z') };
const empty = {
  callCount: 0,
  calledCents: 0,
  receivedCents: 0,
  paidCents: 0,
  outstandingCents: 0,
  waivedCents: 0,
  creditCents: 0,
};

/** A year with nothing in it but one volunteer who asked not to be named, and a council. */
const data: AccountabilityData = {
  fiscalYear: 2026,
  period,
  generatedAt: new Date('2026-11-24T15:00:00Z'),
  membership: {
    period,
    compositionAsOf: period.to,
    activeAtStartAsOf: period.from,
    activeAtStart: 1200,
    activeAtEnd: 1234,
    joined: 40,
    resigned: 6,
    byStatus: [],
    byKind: [],
    byCollege: [],
    byCategory: [],
    byRegion: [],
    byAgeBand: [],
    overTime: [],
    councilPools: [],
  },
  participation: {
    period,
    voteCount: 0,
    eligible: 0,
    voters: 0,
    turnout: null,
    votes: [],
    overTime: [],
  },
  collegeTurnout: {},
  register: { period, decisions: [] },
  pipeline: { period, byStatus: [], timeInPhase: [], expiredInitiatives: [] },
  councils: {
    period,
    poolsAsOf: period.to,
    councils: [
      {
        councilId: 'c',
        code: 'youth',
        nameFr: 'Conseil des jeunes | Relève',
        nameEn: 'Youth Council | Next generation',
        seats: 12,
        members: 5,
        vacancies: 7,
        dissolvedAt: null,
        pendingApplications: 0,
        eligiblePool: 30,
        consultationsReceived: 0,
        answeredOnTime: 0,
        answeredLate: 0,
        notAnswered: 0,
        pending: 0,
        onTimeRate: null,
      },
    ],
  },
  campaign: {
    fiscalYear: 2026,
    period,
    campaign: {
      ...empty,
      fiscalYear: 2026,
      scaleId: null,
      targetCents: 123_456_789,
      inKindCents: 0,
      creditCarriedInCents: 0,
      creditCarriedOutCents: 0,
      byCategory: [],
      byRegion: [],
      reconciliation: { reconciles: true, ledgerCents: 0, organisationsNotReconciling: 0 },
    },
    inKindByCategory: [],
    inKindByRegion: [],
    largestArrears: [],
  },
  volunteers: {
    period,
    contributions: 1,
    volunteers: 1,
    minutes: 90,
    hours: 1.5,
    valueCents: 3000,
    byActivity: [],
    byCouncil: [],
    thanked: [],
  },
};

describe('the accountability report', () => {
  it('formats numbers the way each language writes them', () => {
    expect(formatNumber(1234567, 'fr')).toBe('1\u00a0234\u00a0567');
    expect(formatNumber(1234567, 'en')).toBe('1,234,567');
    expect(formatPercent(0.4567, 'fr')).toBe('45,7\u00a0%');
    expect(formatPercent(0.4567, 'en')).toBe('45.7%');
    expect(formatPercent(null, 'en')).toBe('—');
  });

  it('says the same thing in French and English, section for section', () => {
    const fr = buildAccountabilityDocument(data, 'fr');
    const en = buildAccountabilityDocument(data, 'en');
    expect(fr.sections.map((s) => s.blocks.length)).toEqual(
      en.sections.map((s) => s.blocks.length),
    );
    expect(fr.meta[0]).toBe('Période du 1 avril 2026 au 31 mars 2027');
    expect(en.meta[0]).toBe('Period from April 1, 2026 to March 31, 2027');
    expect(fr.subtitle).toBe('Exercice 2026-2027');
    const calendar = {
      ...data,
      period: { from: new Date('2026-01-01T05:00:00Z'), to: new Date('2027-01-01T05:00:00Z') },
    };
    expect(buildAccountabilityDocument(calendar, 'en').subtitle).toBe('Fiscal year 2026');
  });

  it('renders Markdown with escaped cells, empty tables said in words, and no anonymous name', () => {
    const markdown = renderAccountabilityMarkdown(buildAccountabilityDocument(data, 'fr'));
    expect(markdown).toContain('# Rapport annuel de reddition de comptes');
    expect(markdown).toContain('| Conseil des jeunes \\| Relève | 5 / 12 | 30 |');
    expect(markdown).toContain("*Aucun vote pendant l'exercice.*");
    expect(markdown).toContain('- Objectif\u00a0: **1\u00a0234\u00a0567,89\u00a0$**');
    expect(markdown).toContain(
      'La fiducie remercie chaleureusement toutes les personnes bénévoles (1).',
    );
    const english: ReportDocument = buildAccountabilityDocument(data, 'en');
    expect(renderAccountabilityMarkdown(english)).toContain('- Target: **$1,234,567.89**');
  });
});
