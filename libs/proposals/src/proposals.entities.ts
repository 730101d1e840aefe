import { ProposalAmendment } from './amendments/proposal-amendment.entity';
import { ConsultationRequest } from './consultation/consultation-request.entity';
import { CouncilOpinion } from './consultation/council-opinion.entity';
import { Proposal } from './proposal.entity';
import { ProposalAttachment } from './proposal-attachment.entity';
import { ProposalCosignature } from './proposal-cosignature.entity';
import { ProposalVersion } from './proposal-version.entity';

export const PROPOSALS_ENTITIES = [
  Proposal,
  ProposalVersion,
  ProposalCosignature,
  ConsultationRequest,
  CouncilOpinion,
  ProposalAmendment,
  ProposalAttachment,
];
