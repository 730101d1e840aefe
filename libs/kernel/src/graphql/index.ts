export * from './scalars';
