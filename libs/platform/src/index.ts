export * from './platform';
export * from './infrastructure';
