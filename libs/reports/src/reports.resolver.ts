import { Args, Query, Resolver } from '@nestjs/graphql';
import { requestContext, Roles } from '@delibera/kernel';
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
} from './reports.types';

@Resolver()
export class ReportsResolver {
  constructor(
    private readonly membership: MembershipReportService,
    private readonly councils: CouncilsReportService,
    private readonly campaigns: CampaignReportService,
    private readonly decisions: DecisionRegisterService,
    private readonly pipeline: PipelineReportService,
    private readonly volunteers: VolunteerReportService,
    private readonly accountability: AccountabilityReportService,
  ) {}

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
