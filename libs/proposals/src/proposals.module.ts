import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CharterModule } from '@delibera/charter';
import { CouncilsModule } from '@delibera/councils';
import { MembershipModule } from '@delibera/membership';
import { AmendmentsResolver } from './amendments/amendments.resolver';
import { AmendmentsService } from './amendments/amendments.service';
import { ConsultationResolver } from './consultation/consultation.resolver';
import { ConsultationService } from './consultation/consultation.service';
import { ConsultationReminders } from './consultation/reminders/consultation-reminders';
import { ConsultationRemindersHandler } from './consultation/reminders/consultation-reminders.handler';
import { PROPOSALS_ENTITIES } from './proposals.entities';
import {
  ProposalConsultationDueHandler,
  ProposalDeliberationEndHandler,
  ProposalSupportExpiryHandler,
} from './jobs/proposal-deadline.handlers';
import { ProposalDeadlines } from './jobs/proposal-deadlines';
import { ProposalAttachmentsService } from './proposal-attachments.service';
import { ProposalLifecycleService } from './proposal-lifecycle.service';
import { ProposalLoaders } from './proposal-loaders';
import { ProposalPolicy } from './proposal-policy';
import { ProposalsQueryService } from './proposals-query.service';
import { ProposalsResolver } from './proposals.resolver';
import { ProposalsService } from './proposals.service';
import { VoteClosedListener } from './vote-closed.listener';
import { CharterAmendmentListener } from './charter-amendment.listener';
import { CouncilDissolvingListener } from './consultation/council-dissolving.listener';

@Module({
  imports: [
    TypeOrmModule.forFeature(PROPOSALS_ENTITIES),
    CharterModule,
    CouncilsModule,
    MembershipModule,
  ],
  providers: [
    ProposalsService,
    CharterAmendmentListener,
    CouncilDissolvingListener,
    ProposalPolicy,
    ProposalLifecycleService,
    ConsultationService,
    ConsultationReminders,
    ConsultationRemindersHandler,
    AmendmentsService,
    ProposalAttachmentsService,
    ProposalsQueryService,
    ProposalLoaders,
    ProposalDeadlines,
    ProposalSupportExpiryHandler,
    ProposalConsultationDueHandler,
    ProposalDeliberationEndHandler,
    VoteClosedListener,
    ProposalsResolver,
    ConsultationResolver,
    AmendmentsResolver,
  ],
  exports: [ProposalsService, ProposalLifecycleService, ConsultationService],
})
export class ProposalsModule {}
