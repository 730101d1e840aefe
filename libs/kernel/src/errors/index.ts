export * from './domain-error';
export * from './common.errors';
export * from './validation';
export * from './graphql-error-formatter';
export * from './http-error.filter';
