export * from './exports.module';
export { MIN_CELL_VOTERS } from './participation.sql';
export { LICENCE, OPEN_DATA_PATHS } from './open-data';
