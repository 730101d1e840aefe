export * from './scalars';
export * from './request-loader';
export * from './selected-fields';
export * from './query-bounds';
