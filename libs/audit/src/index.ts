export * from './audit.module';
export * from './audit.service';
export { AuditEvent } from './audit-event.entity';
export { chainHash, ChainedFields, GENESIS_HASH, storedEventHash } from './audit-chain';

import { AuditEvent } from './audit-event.entity';
export const AUDIT_ENTITIES = [AuditEvent];
