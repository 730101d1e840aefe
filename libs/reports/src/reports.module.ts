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
import { ReportsResolver, VoteParticipationResolver } from './reports.resolver';

/** The board's reports: read-only SQL aggregates over every domain's tables. */
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
    VoteParticipationResolver,
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
