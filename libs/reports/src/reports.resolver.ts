import { Args, Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { LoaderContext, requestContext, requestLoader, Roles } from '@delibera/kernel';
import { MONEY_REPORT_READERS, REPORT_READERS } from './report-access';
import { AccountabilityReportService } from './accountability/accountability-report.service';
import {
  AccountabilityReportArgs,
  ReportFiscalYearArgs,
  ReportPeriodArgs,
} from './dto/report-period.input';
import { CampaignReportService } from './campaign-report.service';
import { CouncilsReportService } from './councils-report.service';
import { DecisionRegisterService } from './decision-register.service';
import { PipelineReportService } from './pipeline-report.service';
import { VolunteerReportService } from './volunteer-report.service';
import { MembershipReportService } from './membership-report.service';
import {
  ParticipationDimension,
  ParticipationReportService,
  VoteBreakdowns,
} from './participation-report.service';
import { resolvePeriod } from './period';
import {
  AccountabilityReportType,
  CampaignReportType,
  CouncilsReportType,
  DecisionRegisterType,
  MembershipReportType,
  ProposalPipelineType,
  VolunteerReportType,
  ReportLocale,
  ParticipationCellType,
  ParticipationReportType,
  VoteParticipationType,
} from './reports.types';

@Resolver()
export class ReportsResolver {
  constructor(
    private readonly participation: ParticipationReportService,
    private readonly membership: MembershipReportService,
    private readonly councils: CouncilsReportService,
    private readonly campaigns: CampaignReportService,
    private readonly decisions: DecisionRegisterService,
    private readonly pipeline: PipelineReportService,
    private readonly volunteers: VolunteerReportService,
    private readonly accountability: AccountabilityReportService,
  ) {}

  @Query(() => ParticipationReportType, {
    description: 'Turnout and quorum margin of each vote open in the period, and over time.',
  })
  @Roles(...REPORT_READERS)
  participationReport(@Args() { period }: ReportPeriodArgs): Promise<ParticipationReportType> {
    return this.participation.report(resolvePeriod(period, new Date()));
  }

  @Query(() => MembershipReportType, {
    description: "Composition at the end of the period, joins and departures, councils' pools.",
  })
  @Roles(...REPORT_READERS)
  membershipReport(@Args() { period }: ReportPeriodArgs): Promise<MembershipReportType> {
    return this.membership.report(resolvePeriod(period, new Date()));
  }

  @Query(() => CouncilsReportType, {
    description: 'Seats, pools and consultations answered on time, late or not at all.',
  })
  @Roles(...REPORT_READERS)
  councilsReport(@Args() { period }: ReportPeriodArgs): Promise<CouncilsReportType> {
    return this.councils.report(resolvePeriod(period, new Date()));
  }

  @Query(() => CampaignReportType, {
    description: 'The contribution campaign of a fiscal year, in-kind value and largest arrears.',
  })
  @Roles(...MONEY_REPORT_READERS)
  campaignReport(@Args() { fiscalYear }: ReportFiscalYearArgs): Promise<CampaignReportType> {
    return this.campaigns.report(fiscalYear);
  }

  @Query(() => DecisionRegisterType, {
    description:
      "Every decision of the period: type, deciding body, date, result, consulted councils' opinions, links.",
  })
  @Roles(...REPORT_READERS)
  decisionRegister(@Args() { period }: ReportPeriodArgs): Promise<DecisionRegisterType> {
    return this.decisions.register(resolvePeriod(period, new Date()));
  }

  @Query(() => ProposalPipelineType, {
    description: 'Proposals by status, median time in each phase, expired initiatives.',
  })
  @Roles(...REPORT_READERS)
  proposalPipeline(@Args() { period }: ReportPeriodArgs): Promise<ProposalPipelineType> {
    return this.pipeline.report(resolvePeriod(period, new Date()));
  }

  @Query(() => VolunteerReportType, {
    description:
      'Volunteer hours and their value by activity and council; names only with consent.',
  })
  @Roles(...MONEY_REPORT_READERS)
  volunteerReport(@Args() { period }: ReportPeriodArgs): Promise<VolunteerReportType> {
    return this.volunteers.report(resolvePeriod(period, new Date()));
  }

  @Query(() => AccountabilityReportType, {
    description: 'The annual accountability report of a fiscal year, in French or English.',
  })
  @Roles(...MONEY_REPORT_READERS)
  async accountabilityReport(
    @Args() { fiscalYear, locale }: AccountabilityReportArgs,
  ): Promise<AccountabilityReportType> {
    const language = locale ?? (requestContext.locale() as ReportLocale);
    const data = await this.accountability.data(fiscalYear);
    const path = `/reports/accountability/${fiscalYear}`;
    return {
      fiscalYear,
      locale: language,
      period: data.period,
      markdown: this.accountability.markdownOf(data, language),
      pdfPath: `${path}.pdf?lang=${language}`,
      markdownPath: `${path}.md?lang=${language}`,
    };
  }
}

/** A vote's breakdowns, computed only when asked for, for all the votes of a request at once. */
@Resolver(() => VoteParticipationType)
export class VoteParticipationResolver {
  constructor(private readonly participation: ParticipationReportService) {}

  private cells(
    context: LoaderContext,
    vote: VoteParticipationType,
    dimension: ParticipationDimension,
  ): Promise<ParticipationCellType[]> {
    const loader = requestLoader<string, VoteBreakdowns>(context, 'reports.breakdowns', (ids) =>
      this.participation.breakdowns(ids),
    );
    return loader.load(vote.voteId).then((breakdowns) => breakdowns[dimension]);
  }

  @ResolveField(() => [ParticipationCellType], {
    description: 'By college (frozen with the roll).',
  })
  byCollege(@Parent() vote: VoteParticipationType, @Context() context: LoaderContext) {
    return this.cells(context, vote, 'college');
  }

  @ResolveField(() => [ParticipationCellType], { description: 'By administrative region.' })
  byRegion(@Parent() vote: VoteParticipationType, @Context() context: LoaderContext) {
    return this.cells(context, vote, 'region');
  }

  @ResolveField(() => [ParticipationCellType], { description: 'By age band at the close.' })
  byAgeBand(@Parent() vote: VoteParticipationType, @Context() context: LoaderContext) {
    return this.cells(context, vote, 'ageBand');
  }

  @ResolveField(() => [ParticipationCellType], {
    description: "By member category (people, or the organisation's category).",
  })
  byCategory(@Parent() vote: VoteParticipationType, @Context() context: LoaderContext) {
    return this.cells(context, vote, 'category');
  }

  @ResolveField(() => [ParticipationCellType], {
    description: 'Members seated on each council at the close (they may sit on several).',
  })
  byCouncil(@Parent() vote: VoteParticipationType, @Context() context: LoaderContext) {
    return this.cells(context, vote, 'council');
  }
}
