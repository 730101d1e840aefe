import { Args, Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { LoaderContext, requestLoader, Role, Roles } from '@delibera/kernel';
import { ReportFiscalYearArgs, ReportPeriodArgs } from './dto/report-period.input';
import { CampaignReportService } from './campaign-report.service';
import { CouncilsReportService } from './councils-report.service';
import { MembershipReportService } from './membership-report.service';
import {
  ParticipationDimension,
  ParticipationReportService,
  VoteBreakdowns,
} from './participation-report.service';
import { resolvePeriod } from './period';
import {
  CampaignReportType,
  CouncilsReportType,
  MembershipReportType,
  ParticipationCellType,
  ParticipationReportType,
  VoteParticipationType,
} from './reports.types';

/** Who reads the board's reports; money reports add the treasurer. */
export const REPORT_READERS = [Role.Trustee, Role.Secretary, Role.Admin];
export const MONEY_REPORT_READERS = [...REPORT_READERS, Role.Treasurer];

@Resolver()
export class ReportsResolver {
  constructor(
    private readonly participation: ParticipationReportService,
    private readonly membership: MembershipReportService,
    private readonly councils: CouncilsReportService,
    private readonly campaigns: CampaignReportService,
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
