export * from './scalars';
export * from './request-loader';
