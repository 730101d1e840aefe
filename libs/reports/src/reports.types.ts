import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { Secrecy } from '@delibera/charter';
import { MoneyScalar, UUIDScalar } from '@delibera/kernel';
import { CampaignType } from '@delibera/contributions';

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
}

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

@ObjectType('ParticipationReport')
export class ParticipationReportType {
  @Field(() => ReportPeriodType) period: ReportPeriodType;
  @Field(() => Int) voteCount: number;
  @Field(() => Int) eligible: number;
  @Field(() => Int) voters: number;
  @Field(() => Float, { nullable: true }) turnout: number | null;
  @Field(() => [VoteParticipationType], {
    description: 'Votes open during the period (scheduled votes excluded), latest closing first.',
  })
  votes: VoteParticipationType[];
  @Field(() => [ParticipationMonthType]) overTime: ParticipationMonthType[];
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
  @Field(() => Int) vacancies: number;
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
  @Field(() => String) organisationCategory: string;
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
