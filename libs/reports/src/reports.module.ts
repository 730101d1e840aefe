import { Module } from '@nestjs/common';
import { AccountabilityController } from './accountability/accountability.controller';
import { AccountabilityReportService } from './accountability/accountability-report.service';
import { ContributionsModule } from '@delibera/contributions';
import { CampaignReportService } from './campaign-report.service';
import { CouncilsReportService } from './councils-report.service';
import { DecisionRegisterService } from './decision-register.service';
import { PipelineReportService } from './pipeline-report.service';
import { VolunteerReportService } from './volunteer-report.service';
import { MembershipReportService } from './membership-report.service';
import { ParticipationReportService } from './participation-report.service';
import { ReportsResolver } from './reports.resolver';
import { ParticipationReportResolver } from './participation-report.resolver';
import { RefreshReportsHandler } from './jobs/refresh-reports.handler';
import { VoteBreakdownListener } from './jobs/vote-breakdown.listener';

/**
 * The board's reports: SQL aggregates over every domain's tables, and the
 * summaries they read where a live query would be too slow (kept by the
 * tally's VoteClosed event and the refresh job).
 */
@Module({
  imports: [ContributionsModule],
  controllers: [AccountabilityController],
  providers: [
    ParticipationReportService,
    MembershipReportService,
    CouncilsReportService,
    CampaignReportService,
    DecisionRegisterService,
    PipelineReportService,
    VolunteerReportService,
    AccountabilityReportService,
    ReportsResolver,
    ParticipationReportResolver,
    VoteBreakdownListener,
    RefreshReportsHandler,
  ],
  exports: [
    ParticipationReportService,
    MembershipReportService,
    CouncilsReportService,
    CampaignReportService,
    DecisionRegisterService,
    PipelineReportService,
    VolunteerReportService,
    AccountabilityReportService,
  ],
})
export class ReportsModule {}
