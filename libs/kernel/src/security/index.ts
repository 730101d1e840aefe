export * from './rate-limits';
export * from './session-revocations';
