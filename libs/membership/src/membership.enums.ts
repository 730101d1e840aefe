import { registerEnumType } from '@nestjs/graphql';

export enum MemberKind {
  Person = 'person',
  Organisation = 'organisation',
}

export enum MemberStatus {
  Applicant = 'applicant',
  Active = 'active',
  Suspended = 'suspended',
  Resigned = 'resigned',
}

/** Kinds of member organisation, which the contribution scale's tiers follow. */
export enum OrganisationCategory {
  Municipality = 'municipality',
  Mrc = 'mrc',
  University = 'university',
  College = 'college',
  SocialEconomy = 'social_economy',
  Community = 'community',
  Union = 'union',
  Other = 'other',
}

/** Size of an organisation (population for municipalities and MRCs, annual budget otherwise). */
export enum SizeBand {
  Micro = 'micro',
  Small = 'small',
  Medium = 'medium',
  Large = 'large',
  VeryLarge = 'very_large',
}

/** Which status changes the secretary may make. Resignation is final. */
export const ALLOWED_STATUS_CHANGES: Record<MemberStatus, MemberStatus[]> = {
  [MemberStatus.Applicant]: [MemberStatus.Active, MemberStatus.Resigned],
  [MemberStatus.Active]: [MemberStatus.Suspended, MemberStatus.Resigned],
  [MemberStatus.Suspended]: [MemberStatus.Active, MemberStatus.Resigned],
  [MemberStatus.Resigned]: [],
};

registerEnumType(MemberKind, { name: 'MemberKind' });
registerEnumType(MemberStatus, { name: 'MemberStatus' });
registerEnumType(OrganisationCategory, { name: 'OrganisationCategory' });
registerEnumType(SizeBand, { name: 'SizeBand' });
