export * from './entities';
export * from './membership.enums';
export * from './membership.errors';
export * from './membership.module';
export * from './membership.service';
export * from './member-rules';
export * from './regions';
export { AuthService, hashPassword, MIN_PASSWORD_LENGTH } from './auth.service';
export { MemberType, CollegeType } from './membership.types';
