import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Proposal } from './proposal.entity';
import { ProposalVersion } from './proposal-version.entity';
import { ProposalsService } from './proposals.service';

@Module({
  imports: [TypeOrmModule.forFeature([Proposal, ProposalVersion])],
  providers: [ProposalsService],
  exports: [ProposalsService],
})
export class ProposalsModule {}
