import { registerEnumType } from '@nestjs/graphql';

/** What an account may do beyond being a member. Roles are explicit: no role implies another. */
export enum Role {
  Member = 'member',
  Secretary = 'secretary',
  Treasurer = 'treasurer',
  Trustee = 'trustee',
  Moderator = 'moderator',
  Admin = 'admin',
}
registerEnumType(Role, { name: 'Role' });

/** The authenticated caller, as carried by a verified access token. */
export interface AuthUser {
  accountId: string;
  memberId: string | null;
  roles: Role[];
}

export function hasRole(user: AuthUser | undefined, ...roles: Role[]): boolean {
  return !!user && roles.some((role) => user.roles.includes(role));
}
