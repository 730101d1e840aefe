export * from './data-source-options';
export * from './embedded-postgres';
export * from './migrate';
export * from './naming.strategy';
export * from './pg-errors';
export * from './transformers';
export * from './row-lock';
