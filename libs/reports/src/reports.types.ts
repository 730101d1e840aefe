import { Field, Float, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DecidingBody, DecisionType, Secrecy } from '@delibera/charter';
import { Connection, MoneyScalar, UUIDScalar } from '@delibera/kernel';
import { CampaignType } from '@delibera/contributions';
import { ConsultationStatus, OpinionPosition, ProposalStatus } from '@delibera/proposals';

@ObjectType('ReportPeriod', { description: 'The half-open interval [from, to) a report covers.' })
export class ReportPeriodType {
  @Field(() => Date) from: Date;
  @Field(() => Date) to: Date;
}

@ObjectType('ReportCount', {
  description: 'A count in a breakdown, with its label in both languages.',
})
export class ReportCountType {
  @Field(() => String) key: string;
  @Field(() => String) labelFr: string;
  @Field(() => String) labelEn: string;
  @Field(() => Int) count: number;
}

// ---------------------------------------------------------------- participation

@ObjectType('ParticipationCell', {
  description:
    "Turnout of one group of a vote's roll. For a secret vote a group of fewer than 5 voters is suppressed (voters and turnout null).",
})
export class ParticipationCellType {
  @Field(() => String, {
    description: 'College id, region code, age band, category or council id.',
  })
  key: string;
  @Field(() => String) labelFr: string;
  @Field(() => String) labelEn: string;
  @Field(() => Int) eligible: number;
  @Field(() => Int, { nullable: true }) voters: number | null;
  @Field(() => Float, { nullable: true }) turnout: number | null;
  @Field(() => Boolean) suppressed: boolean;
}

@ObjectType('VoteParticipation')
export class VoteParticipationType {
  @Field(() => UUIDScalar) voteId: string;
  @Field(() => String) titleFr: string;
  @Field(() => String) titleEn: string;
  @Field(() => Secrecy) secrecy: Secrecy;
  @Field(() => String, { description: 'open, closed or tallied.' }) status: string;
  @Field(() => Date) opensAt: Date;
  @Field(() => Date) closesAt: Date;
  @Field(() => Int, { description: 'Members on the frozen roll.' }) eligible: number;
  @Field(() => Int, { description: 'Members who voted (participations).' }) voters: number;
  @Field(() => Float, { nullable: true }) turnout: number | null;
  @Field(() => Int, {
    nullable: true,
    description: 'Voters the quorum requires; null without quorum.',
  })
  quorumRequired: number | null;
  @Field(() => Int, {
    nullable: true,
    description: 'Voters above (positive) or below (negative) the quorum.',
  })
  quorumMargin: number | null;
  @Field(() => Boolean, { nullable: true, description: 'From the published result; null before.' })
  quorumMet: boolean | null;
  @Field(() => String, { nullable: true }) outcome: string | null;
  // The breakdowns, filled only when the query asks for one of them (see ParticipationReportService.report).
  @Field(() => [ParticipationCellType], { description: 'By college (frozen with the roll).' })
  byCollege?: ParticipationCellType[];
  @Field(() => [ParticipationCellType], { description: 'By administrative region.' })
  byRegion?: ParticipationCellType[];
  @Field(() => [ParticipationCellType], { description: 'By age band at the close.' })
  byAgeBand?: ParticipationCellType[];
  @Field(() => [ParticipationCellType], {
    description: "By member category (people, or the organisation's category).",
  })
  byCategory?: ParticipationCellType[];
  @Field(() => [ParticipationCellType], {
    description: 'Members seated on each council at the close (they may sit on several).',
  })
  byCouncil?: ParticipationCellType[];
  @Field(() => Date, {
    nullable: true,
    description:
      'When the breakdowns were counted: after the close for a closed vote (final), at the last refresh (every REPORTS_REFRESH_SECONDS) for an open vote.',
  })
  breakdownsAsOf?: Date | null;
  @Field(() => Boolean, {
    description:
      "True when the breakdowns are a closed vote's final counts, false for an open vote's snapshot.",
  })
  breakdownsFinal?: boolean;
}

@ObjectType('VoteParticipationConnection')
export class VoteParticipationConnection extends Connection(VoteParticipationType) {}

@ObjectType('ParticipationMonth')
export class ParticipationMonthType {
  @Field(() => String, { description: 'YYYY-MM, Montréal time, by closing date.' }) month: string;
  @Field(() => Int) votes: number;
  @Field(() => Int) eligible: number;
  @Field(() => Int) voters: number;
  @Field(() => Float, { nullable: true }) turnout: number | null;
  @Field(() => Float, { nullable: true, description: "Mean of the votes' turnouts." })
  meanTurnout: number | null;
}

// The votes are a connection, resolved apart (ParticipationReportResolver.votes).
@ObjectType('ParticipationReport')
export class ParticipationReportType {
  @Field(() => ReportPeriodType) period: ReportPeriodType;
  @Field(() => Int) voteCount: number;
  @Field(() => Int) eligible: number;
  @Field(() => Int) voters: number;
  @Field(() => Float, { nullable: true }) turnout: number | null;
  @Field(() => [ParticipationMonthType]) overTime: ParticipationMonthType[];
}

/** The whole report, every vote included: what the accountability report prints. */
export interface ParticipationReportWithVotes extends ParticipationReportType {
  /** Latest closing first. */
  votes: VoteParticipationType[];
}

// ---------------------------------------------------------------- membership

@ObjectType('MembershipMonth')
export class MembershipMonthType {
  @Field(() => String, { description: 'YYYY-MM, Montréal time.' }) month: string;
  @Field(() => Int, { description: 'Members admitted.' }) joined: number;
  @Field(() => Int) resigned: number;
  @Field(() => Int) suspended: number;
  @Field(() => Int, { description: 'Suspended members made active again.' }) reinstated: number;
}

@ObjectType('CouncilPool', { description: "Active members who meet a council's eligibility rule." })
export class CouncilPoolType {
  @Field(() => UUIDScalar) councilId: string;
  @Field(() => String) code: string;
  @Field(() => String) nameFr: string;
  @Field(() => String) nameEn: string;
  @Field(() => Int) seats: number;
  @Field(() => Int) eligible: number;
}

@ObjectType('MembershipReport')
export class MembershipReportType {
  @Field(() => ReportPeriodType) period: ReportPeriodType;
  @Field(() => Date, {
    description:
      "When the composition, statuses and councils' pools were counted: the latest snapshot at or before the period's end (each month's start, and the last refresh every REPORTS_REFRESH_SECONDS).",
  })
  compositionAsOf: Date;
  @Field(() => Date, {
    description: 'Likewise for activeAtStart, at or before the period’s start.',
  })
  activeAtStartAsOf: Date;
  @Field(() => Int) activeAtStart: number;
  @Field(() => Int) activeAtEnd: number;
  @Field(() => Int) joined: number;
  @Field(() => Int) resigned: number;
  @Field(() => [ReportCountType], {
    description: 'Every member by status at the end of the period.',
  })
  byStatus: ReportCountType[];
  @Field(() => [ReportCountType], {
    description: 'Active members at the end of the period, likewise below.',
  })
  byKind: ReportCountType[];
  @Field(() => [ReportCountType]) byCollege: ReportCountType[];
  @Field(() => [ReportCountType]) byCategory: ReportCountType[];
  @Field(() => [ReportCountType]) byRegion: ReportCountType[];
  @Field(() => [ReportCountType]) byAgeBand: ReportCountType[];
  @Field(() => [MembershipMonthType]) overTime: MembershipMonthType[];
  @Field(() => [CouncilPoolType]) councilPools: CouncilPoolType[];
}

// ---------------------------------------------------------------- councils

@ObjectType('CouncilActivity')
export class CouncilActivityType {
  @Field(() => UUIDScalar) councilId: string;
  @Field(() => String) code: string;
  @Field(() => String) nameFr: string;
  @Field(() => String) nameEn: string;
  @Field(() => Int) seats: number;
  @Field(() => Int, { description: 'Seats held at the end of the period.' }) members: number;
  @Field(() => Int, { description: 'Seats to fill; none once the council is dissolved.' })
  vacancies: number;
  @Field(() => Date, { nullable: true, description: 'When the council was dissolved, if it was.' })
  dissolvedAt: Date | null;
  @Field(() => Int, { description: 'Applications awaiting a decision.' })
  pendingApplications: number;
  @Field(() => Int, { description: 'Active members eligible to sit on it.' }) eligiblePool: number;
  @Field(() => Int, { description: 'Consultations requested during the period.' })
  consultationsReceived: number;
  @Field(() => Int) answeredOnTime: number;
  @Field(() => Int) answeredLate: number;
  @Field(() => Int, { description: 'Past their due date without an opinion.' }) notAnswered: number;
  @Field(() => Int, { description: 'Not yet due and not yet answered.' }) pending: number;
  @Field(() => Float, { nullable: true, description: 'Answered on time / consultations due.' })
  onTimeRate: number | null;
}

@ObjectType('CouncilsReport')
export class CouncilsReportType {
  @Field(() => ReportPeriodType) period: ReportPeriodType;
  @Field(() => Date, {
    description:
      "When the eligible pools were counted: the membership's latest snapshot at or before the period's end.",
  })
  poolsAsOf: Date;
  @Field(() => [CouncilActivityType]) councils: CouncilActivityType[];
}

// ---------------------------------------------------------------- campaign

@ObjectType('InKindGroup')
export class InKindGroupType {
  @Field(() => String) key: string;
  @Field(() => String) labelFr: string;
  @Field(() => String) labelEn: string;
  @Field(() => Int) contributions: number;
  @Field(() => MoneyScalar) valueCents: number;
}

@ObjectType('CampaignArrear')
export class CampaignArrearType {
  @Field(() => UUIDScalar) callId: string;
  @Field(() => UUIDScalar) memberId: string;
  @Field(() => String) displayName: string;
  @Field(() => String) reference: string;
  @Field(() => String, { description: 'The organisation\'s category, or "person" for dues.' })
  organisationCategory: string;
  @Field(() => String) region: string;
  @Field(() => String, { description: 'YYYY-MM-DD' }) dueOn: string;
  @Field(() => String) status: string;
  @Field(() => MoneyScalar) calledCents: number;
  @Field(() => MoneyScalar) outstandingCents: number;
}

@ObjectType('CampaignReport')
export class CampaignReportType {
  @Field(() => Int) fiscalYear: number;
  @Field(() => ReportPeriodType, { description: 'The fiscal year as a period.' })
  period: ReportPeriodType;
  @Field(() => CampaignType, {
    description: 'The campaign figures, as contributionCampaign computes them (same SQL).',
  })
  campaign: CampaignType;
  @Field(() => [InKindGroupType], { description: 'Approved in-kind value by member category.' })
  inKindByCategory: InKindGroupType[];
  @Field(() => [InKindGroupType]) inKindByRegion: InKindGroupType[];
  @Field(() => [CampaignArrearType], {
    description: 'The largest outstanding calls, largest first.',
  })
  largestArrears: CampaignArrearType[];
}

// ---------------------------------------------------------------- decision register

@ObjectType('ConsultedOpinion', {
  description: "A council's consultation on a decision and its published opinion.",
})
export class ConsultedOpinionType {
  @Field(() => UUIDScalar) councilId: string;
  @Field(() => String) councilCode: string;
  @Field(() => String) nameFr: string;
  @Field(() => String) nameEn: string;
  @Field(() => ConsultationStatus) status: ConsultationStatus;
  @Field(() => Date) dueAt: Date;
  @Field(() => Date, { nullable: true }) answeredAt: Date | null;
  @Field(() => OpinionPosition, { nullable: true, description: 'Only once published.' })
  position: OpinionPosition | null;
  @Field(() => Date, { nullable: true }) publishedAt: Date | null;
}

@ObjectType('DecisionRecord')
export class DecisionRecordType {
  @Field(() => String, {
    description: 'proposal, or vote (a referendum, election or council opinion voted on its own).',
  })
  kind: string;
  @Field(() => UUIDScalar, {
    nullable: true,
    description: 'The proposal decided, or the one a council opinion was given on.',
  })
  proposalId: string | null;
  @Field(() => UUIDScalar, { nullable: true }) voteId: string | null;
  @Field(() => UUIDScalar, {
    nullable: true,
    description: 'The assembly whose agenda or vote it was.',
  })
  assemblyId: string | null;
  @Field(() => String) titleFr: string;
  @Field(() => String) titleEn: string;
  @Field(() => DecisionType, { nullable: true }) decisionType: DecisionType | null;
  @Field(() => DecidingBody, { nullable: true, description: 'As the charter in force said.' })
  decidingBody: DecidingBody | null;
  @Field(() => Date) decidedAt: Date;
  @Field(() => String, {
    description: 'adopted, rejected, quorum_not_met, implemented, elected or completed.',
  })
  result: string;
  @Field(() => Int, { nullable: true }) eligible: number | null;
  @Field(() => Int, { nullable: true }) voters: number | null;
  @Field(() => Boolean, { nullable: true }) quorumMet: boolean | null;
  @Field(() => String, { nullable: true, description: "The published result's hash." })
  resultHash: string | null;
  @Field(() => [ConsultedOpinionType]) opinions: ConsultedOpinionType[];
}

@ObjectType('DecisionRegister')
export class DecisionRegisterType {
  @Field(() => ReportPeriodType) period: ReportPeriodType;
  @Field(() => [DecisionRecordType], { description: 'Oldest first.' })
  decisions: DecisionRecordType[];
}

// ---------------------------------------------------------------- proposal pipeline

@ObjectType('ProposalStatusCount')
export class ProposalStatusCountType {
  @Field(() => ProposalStatus) status: ProposalStatus;
  @Field(() => String) labelFr: string;
  @Field(() => String) labelEn: string;
  @Field(() => Int) count: number;
}

@ObjectType('PhaseDuration', {
  description: 'Time proposals spent in a phase they left during the period.',
})
export class PhaseDurationType {
  @Field(() => ProposalStatus) phase: ProposalStatus;
  @Field(() => String) labelFr: string;
  @Field(() => String) labelEn: string;
  @Field(() => Int, { description: 'Stays in the phase that ended in the period.' })
  proposals: number;
  @Field(() => Float, { description: 'Median, in days (percentile_cont).' }) medianDays: number;
  @Field(() => Float) p90Days: number;
}

@ObjectType('ExpiredInitiative')
export class ExpiredInitiativeType {
  @Field(() => UUIDScalar) proposalId: string;
  @Field(() => String) title: string;
  @Field(() => Date, { nullable: true }) supportEndsAt: Date | null;
  @Field(() => Int) cosignatures: number;
  @Field(() => Int, { description: 'Co-signatures the charter required.' }) required: number;
}

@ObjectType('ProposalPipeline')
export class ProposalPipelineType {
  @Field(() => ReportPeriodType) period: ReportPeriodType;
  @Field(() => [ProposalStatusCountType], {
    description: 'Proposals created in the period, by status now.',
  })
  byStatus: ProposalStatusCountType[];
  @Field(() => [PhaseDurationType]) timeInPhase: PhaseDurationType[];
  @Field(() => [ExpiredInitiativeType], {
    description:
      'Member initiatives whose support period ended in the period short of co-signatures.',
  })
  expiredInitiatives: ExpiredInitiativeType[];
}

// ---------------------------------------------------------------- volunteers

@ObjectType('VolunteerGroup')
export class VolunteerGroupType {
  @Field(() => String, { description: 'The activity, or the council id ("none" when no council).' })
  key: string;
  @Field(() => String) labelFr: string;
  @Field(() => String) labelEn: string;
  @Field(() => Int) contributions: number;
  @Field(() => Int) minutes: number;
  @Field(() => Float) hours: number;
  @Field(() => MoneyScalar) valueCents: number;
}

@ObjectType('ThankedVolunteer', { description: 'A volunteer who agreed to be thanked by name.' })
export class ThankedVolunteerType {
  @Field(() => String) name: string;
  @Field(() => Float) hours: number;
}

@ObjectType('VolunteerReport')
export class VolunteerReportType {
  @Field(() => ReportPeriodType) period: ReportPeriodType;
  @Field(() => Int) contributions: number;
  @Field(() => Int, { description: 'Distinct people who gave time.' }) volunteers: number;
  @Field(() => Int) minutes: number;
  @Field(() => Float) hours: number;
  @Field(() => MoneyScalar, { description: 'At the charter rate in force at each approval.' })
  valueCents: number;
  @Field(() => [VolunteerGroupType]) byActivity: VolunteerGroupType[];
  @Field(() => [VolunteerGroupType]) byCouncil: VolunteerGroupType[];
  @Field(() => [ThankedVolunteerType], {
    description: 'Only those who consented; most hours first.',
  })
  thanked: ThankedVolunteerType[];
}

// ---------------------------------------------------------------- accountability

/** The language of a published report. */
export enum ReportLocale {
  Fr = 'fr',
  En = 'en',
}
registerEnumType(ReportLocale, { name: 'ReportLocale' });

@ObjectType('AccountabilityReport', {
  description: 'The annual accountability report (reddition de comptes) of a fiscal year.',
})
export class AccountabilityReportType {
  @Field(() => Int) fiscalYear: number;
  @Field(() => ReportLocale) locale: ReportLocale;
  @Field(() => ReportPeriodType) period: ReportPeriodType;
  @Field(() => String, { description: 'The whole report as Markdown.' }) markdown: string;
  @Field(() => String, {
    description: 'Where to download it as PDF (same authorisation, bearer token).',
  })
  pdfPath: string;
  @Field(() => String, { description: 'Where to download the Markdown file.' })
  markdownPath: string;
}
