import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CouncilsModule } from '@delibera/councils';
import { MembershipModule } from '@delibera/membership';
import { ProposalsModule } from '@delibera/proposals';
import { Argument } from './argument.entity';
import { ArgumentEndorsement } from './argument-endorsement.entity';
import { ArgumentFlag } from './argument-flag.entity';
import { ArgumentRevision } from './argument-revision.entity';
import { ArgumentsResolver } from './arguments.resolver';
import { CouncilThread } from './council-thread.entity';
import { CouncilThreadsService } from './council-threads.service';
import { DeliberationLoaders } from './deliberation.loaders';
import { DeliberationService } from './deliberation.service';
import { ModerationResolver } from './moderation.resolver';
import { ModerationService } from './moderation.service';
import { OpinionPublishedListener } from './opinion-published.listener';
import { ProposalThreadResolver } from './proposal-thread.resolver';
import { ThreadAccessService } from './thread-access.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([
      Argument,
      ArgumentRevision,
      ArgumentEndorsement,
      ArgumentFlag,
      CouncilThread,
    ]),
    CouncilsModule,
    MembershipModule,
    ProposalsModule,
  ],
  providers: [
    ThreadAccessService,
    CouncilThreadsService,
    DeliberationService,
    ModerationService,
    DeliberationLoaders,
    OpinionPublishedListener,
    ArgumentsResolver,
    ProposalThreadResolver,
    ModerationResolver,
  ],
  exports: [DeliberationService],
})
export class DeliberationModule {}
