import { AuthUser } from '@delibera/kernel';
import { Member } from '@delibera/membership';

/** The demo trust's signed-in actors, as the services see them (every one has an account). */
export interface DemoPeople {
  member: AuthUser;
  admin: AuthUser;
  secretary: AuthUser;
  treasurer: AuthUser;
  trustee: AuthUser;
  moderator: AuthUser;
  /** Chairs the youth council. */
  youthChair: AuthUser;
  /** Every person, in seeding order (persons[0] is the member account); same order as personMembers. */
  persons: AuthUser[];
  personMembers: Member[];
  organisations: AuthUser[];
  organisationMembers: Member[];
}

export const DAY_MS = 86_400_000;
export const daysFromNow = (days: number) => new Date(Date.now() + days * DAY_MS);
