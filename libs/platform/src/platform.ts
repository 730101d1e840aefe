import { ASSEMBLIES_ENTITIES, AssembliesModule } from '@delibera/assemblies';
import { AUDIT_ENTITIES, AuditModule } from '@delibera/audit';
import { CHARTER_ENTITIES, CharterModule } from '@delibera/charter';
import { CONTRIBUTIONS_ENTITIES, ContributionsModule } from '@delibera/contributions';
import { COUNCILS_ENTITIES, CouncilsModule } from '@delibera/councils';
import { DELIBERATION_ENTITIES, DeliberationModule } from '@delibera/deliberation';
import { ExportsModule } from '@delibera/exports';
import { dataSourceOptions } from '@delibera/kernel';
import { MEMBERSHIP_ENTITIES, MembershipModule } from '@delibera/membership';
import { NOTIFICATIONS_ENTITIES, NotificationsModule } from '@delibera/notifications';
import { PROPOSALS_ENTITIES, ProposalsModule } from '@delibera/proposals';
import { ReportsModule } from '@delibera/reports';
import { VoteRemindersModule, VOTING_ENTITIES, VotingModule } from '@delibera/voting';
import { DataSource } from 'typeorm';
import { MIGRATIONS } from '../../../migrations';

/**
 * The composition root shared by both apps, the CLIs and the tests: which
 * domains make up Delibera, their entities and the migrations.
 */
export const DOMAIN_MODULES = [
  AuditModule,
  NotificationsModule,
  CharterModule,
  MembershipModule,
  CouncilsModule,
  ProposalsModule,
  DeliberationModule,
  VotingModule,
  VoteRemindersModule,
  AssembliesModule,
  ContributionsModule,
  ReportsModule,
];

/**
 * Modules only the API serves: plain HTTP downloads (CSV exports, open data).
 * Kept out of DOMAIN_MODULES so the worker's HTTP port (health) does not serve them.
 */
export const API_MODULES = [ExportsModule];

export const ALL_ENTITIES = [
  ...AUDIT_ENTITIES,
  ...NOTIFICATIONS_ENTITIES,
  ...CHARTER_ENTITIES,
  ...MEMBERSHIP_ENTITIES,
  ...COUNCILS_ENTITIES,
  ...PROPOSALS_ENTITIES,
  ...DELIBERATION_ENTITIES,
  ...VOTING_ENTITIES,
  ...ASSEMBLIES_ENTITIES,
  ...CONTRIBUTIONS_ENTITIES,
];

export { MIGRATIONS };

/** A DataSource outside Nest, for the migration CLI and tests. */
export function createDataSource(url: string, poolSize = 5): DataSource {
  return new DataSource(
    dataSourceOptions({ url, entities: ALL_ENTITIES, migrations: MIGRATIONS, poolSize }),
  );
}
