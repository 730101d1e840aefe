import { Args, Info, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { GraphQLResolveInfo } from 'graphql';
import { ConnectionShape, Roles, selectedFields } from '@delibera/kernel';
import { ParticipationVotesArgs, ReportPeriodArgs } from './dto/report-period.input';
import { ParticipationReportService } from './participation-report.service';
import { resolvePeriod } from './period';
import { REPORT_READERS } from './report-access';
import {
  ParticipationReportType,
  VoteParticipationConnection,
  VoteParticipationType,
} from './reports.types';

/** The fields of a vote that need its breakdowns. */
const BREAKDOWN_FIELDS: (keyof VoteParticipationType)[] = [
  'byCollege',
  'byRegion',
  'byAgeBand',
  'byCategory',
  'byCouncil',
  'breakdownsAsOf',
  'breakdownsFinal',
];

@Resolver(() => ParticipationReportType)
export class ParticipationReportResolver {
  constructor(private readonly participation: ParticipationReportService) {}

  @Query(() => ParticipationReportType, {
    description: 'Turnout and quorum margin of each vote open in the period, and over time.',
  })
  @Roles(...REPORT_READERS)
  participationReport(@Args() { period }: ReportPeriodArgs): Promise<ParticipationReportType> {
    return this.participation.summary(resolvePeriod(period, new Date()));
  }

  // Reached only through participationReport, whose roles guard it.
  @ResolveField(() => VoteParticipationConnection, {
    description: 'Votes open during the period (scheduled votes excluded), latest closing first.',
  })
  votes(
    @Parent() report: ParticipationReportType,
    @Args() page: ParticipationVotesArgs,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ConnectionShape<VoteParticipationType>> {
    const asked = selectedFields(info, ['edges', 'node']);
    return this.participation.votes(report.period, page, {
      breakdowns: BREAKDOWN_FIELDS.some((field) => asked.has(field)),
    });
  }
}
