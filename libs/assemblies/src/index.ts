export * from './assemblies.enums';
export * from './assemblies.errors';
export * from './assemblies.module';
export * from './assemblies.service';
export * from './attendance.service';
export * from './assemblies.types';
export { MinutesService } from './minutes/minutes.service';
export { QuorumStatus } from './quorum';
export { ASSEMBLIES_ENTITIES } from './entities';
