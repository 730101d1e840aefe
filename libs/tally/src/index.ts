export { Rational } from './rational';
export { canonicalJson, resultHash } from './canonical-json';
export { SeededDraw } from './seeded-draw';
export { tally } from './tally';
export { weightByCollege, type CollegeWeighting } from './college-weighting';
export { TallyInputError, type TallyErrorCode } from './tally.errors';
export type * from './tally.types';
