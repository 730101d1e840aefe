import { Council } from './council.entity';

export * from './councils.module';
export * from './councils.service';
export * from './councils.types';
export { Council, CouncilEligibility } from './council.entity';
export const COUNCILS_ENTITIES = [Council];
