import { Module } from '@nestjs/common';
import { ContributionsModule } from '@delibera/contributions';
import { CampaignReportService } from './campaign-report.service';
import { CouncilsReportService } from './councils-report.service';
import { MembershipReportService } from './membership-report.service';
import { ParticipationReportService } from './participation-report.service';
import { ReportsResolver, VoteParticipationResolver } from './reports.resolver';

/** The board's reports: read-only SQL aggregates over every domain's tables. */
@Module({
  imports: [ContributionsModule],
  providers: [
    ParticipationReportService,
    MembershipReportService,
    CouncilsReportService,
    CampaignReportService,
    ReportsResolver,
    VoteParticipationResolver,
  ],
  exports: [
    ParticipationReportService,
    MembershipReportService,
    CouncilsReportService,
    CampaignReportService,
  ],
})
export class ReportsModule {}
