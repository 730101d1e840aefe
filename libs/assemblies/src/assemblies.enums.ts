import { registerEnumType } from '@nestjs/graphql';

/**
 * One machinery for every dated gathering of the trust. Only a general
 * assembly takes binding votes; council and public meetings discuss proposals
 * and keep minutes.
 */
export enum AssemblyKind {
  GeneralAssembly = 'general_assembly',
  CouncilMeeting = 'council_meeting',
  /** Rencontres publiques: regional meetings, the annual open-knowledge day. */
  PublicMeeting = 'public_meeting',
}

/** Annual (regular business) or special (called for specific business). */
export enum GeneralAssemblyType {
  Annual = 'annual',
  Special = 'special',
}

export enum AssemblyMode {
  InPerson = 'in_person',
  Hybrid = 'hybrid',
  /** Voting windows over days; attendance is a remote check-in. */
  Asynchronous = 'asynchronous',
}

export enum AssemblyStatus {
  Convened = 'convened',
  Closed = 'closed',
  Cancelled = 'cancelled',
}

export enum AgendaItemKind {
  Proposal = 'proposal',
  Vote = 'vote',
  Election = 'election',
  ContributionScale = 'contribution_scale',
  Information = 'information',
}

export enum AttendanceMode {
  Present = 'present',
  Remote = 'remote',
}

/** Why a proxy stopped: its grantor revoked it, or came to the assembly themself. */
export enum ProxyEndReason {
  Revoked = 'revoked',
  GrantorAttended = 'grantor_attended',
}

/** The languages minutes are written in (the trust's two languages). */
export enum MinutesLocale {
  fr = 'fr',
  en = 'en',
}

for (const [enumRef, name] of [
  [AssemblyKind, 'AssemblyKind'],
  [GeneralAssemblyType, 'GeneralAssemblyType'],
  [AssemblyMode, 'AssemblyMode'],
  [AssemblyStatus, 'AssemblyStatus'],
  [AgendaItemKind, 'AgendaItemKind'],
  [AttendanceMode, 'AttendanceMode'],
  [ProxyEndReason, 'ProxyEndReason'],
  [MinutesLocale, 'MinutesLocale'],
] as const) {
  registerEnumType(enumRef, { name });
}
