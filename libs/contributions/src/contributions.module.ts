import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CharterModule } from '@delibera/charter';
import { CouncilsModule } from '@delibera/councils';
import { MembershipModule } from '@delibera/membership';
import { ProposalsModule } from '@delibera/proposals';
import { CallsResolver } from './calls.resolver';
import { CallsService } from './calls.service';
import { CampaignService } from './campaign.service';
import { ContributionsOverdue } from './contributions-overdue';
import { CONTRIBUTIONS_ENTITIES } from './entities/all';
import { InKindResolver } from './in-kind.resolver';
import { InKindService } from './in-kind.service';
import { IssueCallsHandler } from './jobs/issue-calls.handler';
import { MarkOverdueHandler } from './jobs/mark-overdue.handler';
import { PaymentsService } from './payments.service';
import { ScaleDecidedListener } from './scale-decided.listener';
import { ScaleSubmission } from './scale-submission.service';
import { ScalesResolver } from './scales.resolver';
import { ScalesService } from './scales.service';

@Module({
  imports: [
    TypeOrmModule.forFeature(CONTRIBUTIONS_ENTITIES),
    CharterModule,
    CouncilsModule,
    MembershipModule,
    ProposalsModule,
  ],
  providers: [
    ScalesService,
    ScaleSubmission,
    CallsService,
    PaymentsService,
    CampaignService,
    InKindService,
    ScaleDecidedListener,
    IssueCallsHandler,
    MarkOverdueHandler,
    ContributionsOverdue,
    ScalesResolver,
    CallsResolver,
    InKindResolver,
  ],
  exports: [ScalesService, CallsService, CampaignService, InKindService],
})
export class ContributionsModule {}
