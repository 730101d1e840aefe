import { Council } from './council.entity';
import { CouncilSeat } from './council-seat.entity';

export * from './councils.module';
export * from './councils.service';
export * from './councils.types';
export { Council, CouncilEligibility } from './council.entity';
export { CouncilSeat, SeatStatus } from './council-seat.entity';
export * from './eligibility';
export * from './term';
export const COUNCILS_ENTITIES = [Council, CouncilSeat];
