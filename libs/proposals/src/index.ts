export * from './proposals.module';
export * from './proposals.service';
export * from './proposal-lifecycle.service';
export * from './proposal-status';
export * from './proposals.types';
export { ConsultationService } from './consultation/consultation.service';
export { ConsultationStatus } from './consultation/consultation-request.entity';
export { OpinionPosition, OpinionStatus } from './consultation/council-opinion.entity';
export { AmendmentStatus } from './amendments/proposal-amendment.entity';
export {
  ProposalConsultationDueHandler,
  ProposalDeliberationEndHandler,
  ProposalSupportExpiryHandler,
} from './jobs/proposal-deadline.handlers';
export { ProposalDeadlines } from './jobs/proposal-deadlines';
export { ConsultationRemindersHandler } from './consultation/reminders/consultation-reminders.handler';
export { CharterAmendmentListener } from './charter-amendment.listener';
export { Proposal } from './proposal.entity';
export { ProposalVersion } from './proposal-version.entity';
export { PROPOSALS_ENTITIES } from './proposals.entities';
