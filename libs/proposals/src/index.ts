import { Proposal } from './proposal.entity';
import { ProposalVersion } from './proposal-version.entity';

export * from './proposals.module';
export * from './proposals.service';
export * from './proposal-status';
export { Proposal } from './proposal.entity';
export { ProposalVersion } from './proposal-version.entity';
export const PROPOSALS_ENTITIES = [Proposal, ProposalVersion];
