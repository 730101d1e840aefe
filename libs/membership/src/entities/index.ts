import { Account } from './account.entity';
import { College } from './college.entity';
import { Invitation } from './invitation.entity';
import { MemberStatusChange } from './member-status-change.entity';
import { Member } from './member.entity';
import { RefreshToken } from './refresh-token.entity';

export { Account, College, Invitation, Member, MemberStatusChange, RefreshToken };
export const MEMBERSHIP_ENTITIES = [
  College,
  Member,
  MemberStatusChange,
  Account,
  Invitation,
  RefreshToken,
];
