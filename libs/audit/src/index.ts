export * from './audit.module';
export * from './audit.service';
export { AuditEvent } from './audit-event.entity';
export { chainHash, ChainedFields, GENESIS_HASH } from './audit-chain';
export { storedEventHash } from './stored-event-hash';

import { AuditEvent } from './audit-event.entity';
export const AUDIT_ENTITIES = [AuditEvent];
