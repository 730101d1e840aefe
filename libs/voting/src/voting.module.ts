import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CharterModule } from '@delibera/charter';
import { CouncilsModule } from '@delibera/councils';
import { MembershipModule } from '@delibera/membership';
import { Ballot } from './ballot.entity';
import { BallotBoxService } from './ballot-box.service';
import { ElectorateRegistry } from './electorate/electorate-registry';
import {
  AllMembersElectorate,
  BoardElectorate,
  CouncilElectorate,
} from './electorate/member-electorates';
import { AfterCommit } from './jobs/after-commit';
import { CloseVoteHandler } from './jobs/close-vote.handler';
import { OpenVoteHandler } from './jobs/open-vote.handler';
import { TallyVoteHandler } from './jobs/tally-vote.handler';
import { UnlinkBallotsHandler } from './jobs/unlink-ballots.handler';
import { AnnounceVoteResultHandler } from './jobs/announce-vote-result.handler';
import { VotesOverdue } from './jobs/vote-deadlines';
import { Participation } from './participation.entity';
import { Vote } from './vote.entity';
import { VoteLifecycleService } from './vote-lifecycle.service';
import { VotePublicationService } from './vote-publication.service';
import { VoteResult } from './vote-result.entity';
import { VoteRollEntry } from './vote-roll.entity';
import { ProposalVoteListener } from './proposal-vote.listener';
import { VotesService } from './votes.service';
import { VotingResolver } from './voting.resolver';
import { CouncilDissolvingListener } from './council-dissolving.listener';

@Module({
  imports: [
    TypeOrmModule.forFeature([Vote, VoteRollEntry, Participation, Ballot, VoteResult]),
    DiscoveryModule,
    CharterModule,
    CouncilsModule,
    MembershipModule,
  ],
  providers: [
    VotesService,
    CouncilDissolvingListener,
    VoteLifecycleService,
    BallotBoxService,
    VotePublicationService,
    VotingResolver,
    ElectorateRegistry,
    AllMembersElectorate,
    BoardElectorate,
    CouncilElectorate,
    OpenVoteHandler,
    CloseVoteHandler,
    TallyVoteHandler,
    UnlinkBallotsHandler,
    AnnounceVoteResultHandler,
    VotesOverdue,
    AfterCommit,
    ProposalVoteListener,
  ],
  exports: [VotesService, VoteLifecycleService, BallotBoxService],
})
export class VotingModule {}
