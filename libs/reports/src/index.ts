export * from './reports.module';
export * from './reports.errors';
export * from './reports.types';
export * from './period';
export { ParticipationReportService } from './participation-report.service';
export { MembershipReportService } from './membership-report.service';
export { CouncilsReportService } from './councils-report.service';
export { CampaignReportService } from './campaign-report.service';
