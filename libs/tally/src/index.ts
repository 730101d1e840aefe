export { Rational } from './rational';
export { canonicalJson, resultHash } from './canonical-json';
export { SeededDraw } from './seeded-draw';
