/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type AcceptInvitationInput = {
  password: string;
  token: string;
};

export type AddAgendaItemInput = {
  assemblyId: string;
  item: AgendaItemInput;
};

export type AdvanceProposalInput = {
  proposalId: string;
  to: ProposalStatus;
};

export type AgendaItemInput = {
  /** The decision taken (proposals and votes; default ordinary resolution). Elections and contribution scales imply theirs. */
  decisionType?: DecisionType | null | undefined;
  kind: AgendaItemKind;
  /** The proposal, vote or contribution scale this item deals with. */
  refId?: string | null | undefined;
  titleEn: string;
  titleFr: string;
};

export type AgendaItemKind =
  | 'ContributionScale'
  | 'Election'
  | 'Information'
  | 'Proposal'
  | 'Vote';

export type AmendmentStatus =
  | 'Accepted'
  | 'Adopted'
  | 'Proposed'
  | 'PutToVote'
  | 'Refused'
  | 'Rejected';

export type ApplyToCouncilInput = {
  councilId: string;
  /** Councils of practice: what you practise (the chair approves it). */
  declaredPractice?: string | null | undefined;
};

export type ArgumentStance =
  | 'Against'
  | 'For'
  | 'Information'
  | 'Question';

export type AssemblyKind =
  | 'CouncilMeeting'
  | 'GeneralAssembly'
  | 'PublicMeeting';

export type AssemblyMode =
  | 'Asynchronous'
  | 'Hybrid'
  | 'InPerson';

export type AssemblyStatus =
  | 'Cancelled'
  | 'Closed'
  | 'Convened';

export type AttendanceMode =
  | 'Present'
  | 'Remote';

export type Audience =
  | 'AllMembers'
  | 'Author'
  | 'Board'
  | 'ConsultedCouncils'
  | 'Electorate'
  | 'Public';

export type BallotInputType = {
  /** Choice: abstain. */
  abstain?: boolean | null | undefined;
  /** Approval: the candidates approved. */
  approvals?: Array<string> | null | undefined;
  /** A blank ballot. */
  blank?: boolean | null | undefined;
  /** Majority judgment: one grade each. */
  grades?: Array<GradeInput> | null | undefined;
  /** Choice: the option chosen. */
  option?: string | null | undefined;
  /** Ranked methods: most preferred first. */
  ranking?: Array<string> | null | undefined;
};

export type CancelProposalInput = {
  proposalId: string;
  reason: string;
};

export type CastBallotInput = {
  ballot: BallotInputType;
  /** A random UUID (v4) chosen by the client for this ballot: sent again with the same ballot, it returns the receipt of the cast that went through instead of ALREADY_VOTED. */
  clientRequestId?: string | null | undefined;
  /** Cast the ballot of a member whose proxy you hold. */
  onBehalfOf?: string | null | undefined;
  voteId: string;
};

export type ChangeMemberStatusInput = {
  memberId: string;
  reason?: string | null | undefined;
  status: MemberStatus;
};

/** A deed amendment’s changes to the charter: adopted with the amendment, they make the next charter version. */
export type CharterChangeInput = {
  rules?: Array<RuleChangeInput> | null | undefined;
  settings?: CharterSettingsChangeInput | null | undefined;
};

/** The charter settings an amendment changes; the others stay. */
export type CharterSettingsChangeInput = {
  assemblyQuorum?: RationalInput | null | undefined;
  initiativeCosignatures?: number | null | undefined;
  initiativeSupportDays?: number | null | undefined;
  proxyLimitPerHolder?: number | null | undefined;
  referendumPetitionCosignatures?: number | null | undefined;
  /** Value of one volunteer hour, in cents, for in-kind contributions. */
  volunteerHourRate?: number | null | undefined;
};

export type CheckInInput = {
  assemblyId: string;
  /** The secretary checks in someone else; members check themselves in. */
  memberId?: string | null | undefined;
  mode: AttendanceMode;
};

export type CheckOutInput = {
  assemblyId: string;
  memberId?: string | null | undefined;
};

export type ConsultationStatus =
  | 'Answered'
  | 'DidNotAnswer'
  | 'Requested';

export type ContributionCallStatus =
  | 'Due'
  | 'Overdue'
  | 'Paid'
  | 'PartiallyPaid'
  | 'Waived';

export type ContributionScaleInput = {
  campaignTargetCents: number;
  /** YYYY-MM-DD */
  dueOn: string;
  fiscalYear: number;
  /** YYYY-MM-DD; January 1 by default. */
  fiscalYearStartsOn?: string | null | undefined;
  individualDuesCents?: number | null | undefined;
  name: string;
  prorationRule?: ProrationRule | null | undefined;
  tiers: Array<ContributionTierInput>;
};

export type ContributionScaleStatus =
  | 'Adopted'
  | 'Draft'
  | 'Rejected'
  | 'Submitted'
  | 'Superseded';

export type ContributionTierInput = {
  amountCents: number;
  organisationCategory: OrganisationCategory;
  sizeBand: SizeBand;
};

export type ConveneAssemblyInput = {
  agenda?: Array<AgendaItemInput> | null | undefined;
  /** Council meetings: the council. */
  councilId?: string | null | undefined;
  endsAt: string;
  /** General assemblies only. */
  generalAssemblyType?: GeneralAssemblyType | null | undefined;
  kind: AssemblyKind;
  mode: AssemblyMode;
  place?: string | null | undefined;
  /** Regional meetings: the region code. */
  region?: string | null | undefined;
  startsAt: string;
  titleEn: string;
  titleFr: string;
  url?: string | null | undefined;
};

export type CouncilEligibilityInput = {
  maxAge?: number | null | undefined;
  minAge?: number | null | undefined;
  /** Codes of the Québec administrative regions served (e.g. "01"). */
  regions?: Array<string> | null | undefined;
  requiresApprovedPractice?: boolean | null | undefined;
};

export type CreateCouncilInput = {
  /** Stable code, e.g. "editorial_committee". */
  code: string;
  eligibility?: CouncilEligibilityInput | null | undefined;
  nameEn: string;
  nameFr: string;
  seats: number;
  termMonths: number;
};

export type DecideAmendmentInput = {
  amendmentId: string;
  /** Accepted or Refused (a vote is asked with putAmendmentToVote). */
  decision: AmendmentStatus;
};

export type DecideCouncilSeatInput = {
  approve: boolean;
  reason?: string | null | undefined;
  seatId: string;
};

export type DecidingBody =
  | 'AllMembers'
  | 'Board'
  | 'Council'
  | 'GeneralAssembly';

export type DecisionType =
  | 'Admission'
  | 'Budget'
  | 'CharterAmendment'
  | 'ContributionScale'
  | 'CouncilOpinion'
  | 'OrdinaryResolution'
  | 'Referendum'
  | 'SpecialResolution'
  | 'TrusteeElection';

export type DissolveCouncilInput = {
  councilId: string;
  /** Why, as the board or the assembly decided it: kept with the council and told to those whose application is refused. */
  reason: string;
};

export type DraftOpinionInput = {
  consultationId: string;
  position: OpinionPosition;
  text: string;
};

export type DraftProposalInput = {
  /** Markdown. */
  body: string;
  /** A deed amendment (CharterAmendment) only: the charter rules it changes once adopted. */
  charterChange?: CharterChangeInput | null | undefined;
  decisionType: DecisionType;
  title: string;
};

export type EditProposalDraftInput = {
  body: string;
  /** A deed amendment: its changes to the charter, replaced whole; left out, they stay; null removes them (the amendment then changes only the deed’s text). */
  charterChange?: CharterChangeInput | null | undefined;
  note?: string | null | undefined;
  proposalId: string;
  title: string;
};

export type EmailDigest =
  | 'Daily'
  | 'Immediate';

export type FlagArgumentInput = {
  argumentId: string;
  kind: FlagKind;
  note?: string | null | undefined;
};

export type FlagKind =
  | 'False'
  | 'NeedsVerification'
  | 'SourceNeeded';

export type FlagResolution =
  | 'Annotated'
  | 'Hidden'
  | 'Kept';

export type GeneralAssemblyType =
  | 'Annual'
  | 'Special';

export type GradeInput = {
  candidate: string;
  grade: string;
};

export type GrantProxyInput = {
  assemblyId: string;
  /** The secretary records a signed paper proxy for this member. */
  grantorMemberId?: string | null | undefined;
  holderMemberId: string;
};

export type ImportBankStatementInput = {
  /** CSV text: header `date,amount,reference,description`, then one credit per line. */
  content: string;
  fileName: string;
};

export type ImportMembersInput = {
  /** CSV with a header row: kind,displayName,email,college,region,locale,birthDate,organisationCategory,sizeBand,representativeName */
  csv: string;
  /** Email each imported member an invitation. */
  sendInvitations?: boolean | null | undefined;
};

export type InKindKind =
  | 'LentEquipment'
  | 'LentPremises'
  | 'SecondedStaff'
  | 'VolunteerHours';

export type InKindStatus =
  | 'Approved'
  | 'Pending'
  | 'Refused';

export type LoginInput = {
  email: string;
  password: string;
};

export type MarkNotificationsReadInput = {
  ids: Array<string>;
};

export type MatchBankRowInput = {
  callId: string;
  rowId: string;
};

export type MeetingRegistrationInput = {
  assemblyId: string;
};

export type MemberFieldsInput = {
  /** People only, YYYY-MM-DD. */
  birthDate?: string | null | undefined;
  /** Code of the college, e.g. "citizens". */
  college: string;
  displayName: string;
  email: string;
  kind: MemberKind;
  locale?: string | null | undefined;
  organisationCategory?: OrganisationCategory | null | undefined;
  /** Québec administrative region, "01" to "17". */
  region: string;
  representativeName?: string | null | undefined;
  sizeBand?: SizeBand | null | undefined;
};

export type MemberKind =
  | 'Organisation'
  | 'Person';

export type MemberStatus =
  | 'Active'
  | 'Applicant'
  | 'Resigned'
  | 'Suspended';

export type MinutesLocale =
  | 'en'
  | 'fr';

export type NotificationKind =
  | 'AccountLocked'
  | 'AssemblyNotice'
  | 'ConsultationDueSoon'
  | 'ConsultationRequested'
  | 'ContributionCall'
  | 'ContributionOverdue'
  | 'ContributionPaymentReceived'
  | 'Invitation'
  | 'MemberStatusChanged'
  | 'VoteOpened'
  | 'VoteReminder'
  | 'VoteResultPublished';

export type NotificationPreferencesInput = {
  /** Unchanged when omitted. */
  emailDigest?: EmailDigest | null | undefined;
  emailDisabledKinds: Array<NotificationKind>;
};

export type OpinionPosition =
  | 'Abstain'
  | 'Favourable'
  | 'FavourableWithConditions'
  | 'Unfavourable';

export type OpinionStatus =
  | 'Adopted'
  | 'Draft'
  | 'NotAdopted'
  | 'Published';

export type OrganisationCategory =
  | 'College'
  | 'Community'
  | 'Mrc'
  | 'Municipality'
  | 'Other'
  | 'SocialEconomy'
  | 'Union'
  | 'University';

export type PaymentMethod =
  | 'Card'
  | 'Cash'
  | 'Cheque'
  | 'Credit'
  | 'DirectDebit'
  | 'Other'
  | 'Transfer';

export type PostArgumentInput = {
  /** Markdown. */
  body: string;
  /** A council's thread; omit for the general thread. */
  councilId?: string | null | undefined;
  proposalId: string;
  stance: ArgumentStance;
};

export type ProposalStatus =
  | 'Adopted'
  | 'Cancelled'
  | 'Consultation'
  | 'Deliberation'
  | 'Draft'
  | 'Expired'
  | 'Implemented'
  | 'QuorumNotMet'
  | 'Rejected'
  | 'Submitted'
  | 'Support'
  | 'Voting'
  | 'Withdrawn';

export type ProposeAmendmentInput = {
  /** The whole amended body (Markdown). */
  body: string;
  proposalId: string;
  rationale: string;
  title: string;
};

export type ProrationRule =
  | 'None'
  | 'RemainingMonths';

/** An amendment put to its own vote, by the body that decides the proposal. */
export type PutAmendmentToVoteInput = {
  amendmentId: string;
  closesAt: string;
  /** Defaults to now. */
  opensAt?: string | null | undefined;
};

/** A drafted opinion put to the council's vote; it must close before the consultation is due. */
export type PutOpinionToVoteInput = {
  closesAt: string;
  /** Defaults to now. */
  opensAt?: string | null | undefined;
  opinionId: string;
};

export type QuorumInput = {
  denominator?: number;
  kind: QuorumKind;
  /** Ratio: numerator of the roll; count: the count. */
  numerator: number;
};

export type QuorumKind =
  | 'Count'
  | 'None'
  | 'Ratio';

/** An exact fraction, e.g. 2/3. */
export type RationalInput = {
  denominator: number;
  numerator: number;
};

export type RecordPaymentInput = {
  amountCents: number;
  callId: string;
  method: PaymentMethod;
  note?: string | null | undefined;
  /** YYYY-MM-DD */
  paidOn: string;
  reference?: string | null | undefined;
};

export type RecordVolunteerHoursInput = {
  activity: string;
  /** The council served: its chair approves. */
  councilId?: string | null | undefined;
  /** Time given, in minutes (e.g. 150 for 2 h 30). */
  minutes: number;
  /** YYYY-MM-DD */
  performedOn: string;
  personName: string;
  /** The volunteer agreed to be thanked by name in the annual report (default: not named). */
  thankByName?: boolean | null | undefined;
};

export type ReorderAgendaInput = {
  assemblyId: string;
  /** Every item of the agenda, in the new order. */
  itemIds: Array<string>;
};

export type ReplyToArgumentInput = {
  argumentId: string;
  body: string;
  /** Replies may be untagged. */
  stance?: ArgumentStance | null | undefined;
};

export type ReportPeriodInput = {
  /** Start (inclusive); default: the beginning. */
  from?: string | null | undefined;
  /** End (exclusive); default: now. */
  to?: string | null | undefined;
};

export type ResolveFlagInput = {
  flagId: string;
  /** The public annotation, or the reason for hiding (required for both). */
  note?: string | null | undefined;
  resolution: FlagResolution;
};

export type RestoreArgumentInput = {
  argumentId: string;
  /** Why the argument is shown again (kept in the audit log). */
  reason: string;
};

export type ReversePaymentInput = {
  paymentId: string;
  reason: string;
};

export type RevokeProxyInput = {
  proxyId: string;
};

export type Role =
  | 'Admin'
  | 'Member'
  | 'Moderator'
  | 'Secretary'
  | 'Treasurer'
  | 'Trustee';

/** What an amendment changes in the rule of one kind of decision. */
export type RuleChangeInput = {
  collegeWeighting?: boolean | null | undefined;
  /** The ranked method competing options are voted by (one of allowedCompetingOptionsMethods); null: competing options are no longer allowed; left out: unchanged. */
  competingOptionsMethod?: VoteMethod | null | undefined;
  /** Codes of the councils consulted (all of them: the list replaces the rule’s). */
  consultedCouncils?: Array<string> | null | undefined;
  decidingBody?: DecidingBody | null | undefined;
  decisionType: DecisionType;
  /** Who is informed of the decision (all of them: the list replaces the rule’s). */
  informed?: Array<Audience> | null | undefined;
  minConsultationDays?: number | null | undefined;
  minDeliberationDays?: number | null | undefined;
  minNoticeDays?: number | null | undefined;
  minVotingDays?: number | null | undefined;
  quorum?: QuorumInput | null | undefined;
  secrecy?: Secrecy | null | undefined;
  threshold?: RationalInput | null | undefined;
  thresholdBase?: ThresholdBase | null | undefined;
  thresholdComparison?: ThresholdComparison | null | undefined;
  /** How the rule’s votes are counted: one of the rule’s allowedVoteMethods. */
  voteMethod?: VoteMethod | null | undefined;
};

export type SeatStatus =
  | 'Active'
  | 'Applied'
  | 'Ended'
  | 'Refused';

export type Secrecy =
  | 'Named'
  | 'Secret';

export type SetCouncilChairInput = {
  councilId: string;
  memberId: string;
};

export type SetCouncilThreadRestrictedInput = {
  councilId: string;
  proposalId: string;
  restricted: boolean;
};

export type SizeBand =
  | 'Large'
  | 'Medium'
  | 'Micro'
  | 'Small'
  | 'VeryLarge';

export type SubmitCompetingScalesInput = {
  /** Two or more draft scales of the same fiscal year, voted as options of one vote. */
  scaleIds: Array<string>;
};

/** Requested phase dates; each defaults to the charter minimum. */
export type SubmitProposalInput = {
  consultationEndsAt?: string | null | undefined;
  deliberationEndsAt?: string | null | undefined;
  proposalId: string;
  votingClosesAt?: string | null | undefined;
  votingOpensAt?: string | null | undefined;
};

export type ThresholdBase =
  | 'Cast'
  | 'Eligible'
  | 'Present';

export type ThresholdComparison =
  | 'AtLeast'
  | 'MoreThan';

export type UpdateContributionScaleInput = {
  campaignTargetCents: number;
  /** YYYY-MM-DD */
  dueOn: string;
  fiscalYear: number;
  /** YYYY-MM-DD; January 1 by default. */
  fiscalYearStartsOn?: string | null | undefined;
  individualDuesCents?: number | null | undefined;
  name: string;
  prorationRule?: ProrationRule | null | undefined;
  scaleId: string;
  tiers: Array<ContributionTierInput>;
};

export type UpdateCouncilInput = {
  councilId: string;
  /** Replaces the whole rule (an empty rule: anyone may apply). */
  eligibility?: CouncilEligibilityInput | null | undefined;
  nameEn?: string | null | undefined;
  nameFr?: string | null | undefined;
  /** Not fewer than the seats now held. */
  seats?: number | null | undefined;
  termMonths?: number | null | undefined;
};

export type VoteMethod =
  | 'Approval'
  | 'Choice'
  | 'InstantRunoff'
  | 'MajorityJudgment'
  | 'RankedPairs'
  | 'Schulze'
  | 'SingleTransferableVote';

export type VoteStatus =
  | 'Closed'
  | 'Open'
  | 'Scheduled'
  | 'Tallied';

export type WaiveCallInput = {
  /** The reduction; the whole outstanding balance for a waiver. */
  amountCents: number;
  /** Reference of the board's resolution, e.g. CA-2027-014. */
  boardDecision: string;
  callId: string;
  reason?: string | null | undefined;
};

export type SessionAccountFragment = { id: string, email: string, locale: string, roles: Array<Role>, member: { id: string, displayName: string, kind: MemberKind, status: MemberStatus } | null };

export type SessionPayloadFragment = { accessToken: string, refreshToken: string, account: { id: string, email: string, locale: string, roles: Array<Role>, member: { id: string, displayName: string, kind: MemberKind, status: MemberStatus } | null } };

export type MeQueryVariables = Exact<{ [key: string]: never; }>;


export type MeQuery = { me: { id: string, email: string, locale: string, roles: Array<Role>, member: { id: string, displayName: string, kind: MemberKind, status: MemberStatus } | null } };

export type LogoutMutationVariables = Exact<{ [key: string]: never; }>;


export type LogoutMutation = { logout: boolean };

export type AgendaProposalsQueryVariables = Exact<{ [key: string]: never; }>;


export type AgendaProposalsQuery = { proposals: { edges: Array<{ node: { id: string, title: string, status: ProposalStatus, decisionType: DecisionType } }> } };

export type AssemblyMinutesQueryVariables = Exact<{
  id: string;
  locale: MinutesLocale;
}>;


export type AssemblyMinutesQuery = { assembly: { id: string, minutes: { locale: string, markdown: string, sha256: string } } };

export type ReorderAgendaMutationVariables = Exact<{
  input: ReorderAgendaInput;
}>;


export type ReorderAgendaMutation = { reorderAgenda: Array<{ id: string, position: number }> };

export type AddAgendaItemMutationVariables = Exact<{
  input: AddAgendaItemInput;
}>;


export type AddAgendaItemMutation = { addAgendaItem: { id: string, position: number } };

export type DoorSearchQueryVariables = Exact<{
  search: string;
}>;


export type DoorSearchQuery = { members: { edges: Array<{ node: { id: string, displayName: string, region: string } }> } };

export type SecretaryCheckInMutationVariables = Exact<{
  input: CheckInInput;
}>;


export type SecretaryCheckInMutation = { checkIn: { memberId: string, mode: AttendanceMode, checkedInAt: string } };

export type SecretaryCheckOutMutationVariables = Exact<{
  input: CheckOutInput;
}>;


export type SecretaryCheckOutMutation = { checkOut: { memberId: string, checkedOutAt: string | null } };

export type CloseAssemblyMutationVariables = Exact<{
  id: string;
}>;


export type CloseAssemblyMutation = { closeAssembly: { id: string, status: AssemblyStatus } };

export type CancelAssemblyMutationVariables = Exact<{
  id: string;
}>;


export type CancelAssemblyMutation = { cancelAssembly: { id: string, status: AssemblyStatus } };

export type RegisterForMeetingMutationVariables = Exact<{
  input: MeetingRegistrationInput;
}>;


export type RegisterForMeetingMutation = { registerForMeeting: { assemblyId: string, registeredAt: string } };

export type CancelMeetingRegistrationMutationVariables = Exact<{
  input: MeetingRegistrationInput;
}>;


export type CancelMeetingRegistrationMutation = { cancelMeetingRegistration: boolean };

export type AssemblyProxiesQueryVariables = Exact<{
  id: string;
}>;


export type AssemblyProxiesQuery = { assembly: { id: string, proxies: Array<{ id: string, grantorMemberId: string, holderMemberId: string, endedAt: string | null }> } };

export type RecordPaperProxyMutationVariables = Exact<{
  input: GrantProxyInput;
}>;


export type RecordPaperProxyMutation = { grantProxy: { id: string } };

export type EndPaperProxyMutationVariables = Exact<{
  input: RevokeProxyInput;
}>;


export type EndPaperProxyMutation = { revokeProxy: { id: string } };

export type CouncilConsultationsQueryVariables = Exact<{
  proposalId: string;
}>;


export type CouncilConsultationsQuery = { proposal: { id: string, consultations: Array<{ id: string, status: ConsultationStatus, dueAt: string, council: { id: string, nameFr: string, nameEn: string, chairMemberId: string | null, members: Array<{ memberId: string, status: SeatStatus }> }, opinionDrafts: Array<{ id: string, status: OpinionStatus, position: OpinionPosition, text: string, votesFor: number | null, votesAgainst: number | null, votesAbstain: number | null, activeMembers: number | null, voteId: string | null, voteOutcome: string | null }> }> } };

export type DraftCouncilOpinionMutationVariables = Exact<{
  input: DraftOpinionInput;
}>;


export type DraftCouncilOpinionMutation = { draftCouncilOpinion: { id: string } };

export type PutCouncilOpinionToVoteMutationVariables = Exact<{
  input: PutOpinionToVoteInput;
}>;


export type PutCouncilOpinionToVoteMutation = { putCouncilOpinionToVote: { id: string, status: OpinionStatus, voteId: string | null } };

export type MemberNameQueryVariables = Exact<{
  id: string;
}>;


export type MemberNameQuery = { member: { id: string, displayName: string } };

export type EditProposalDraftMutationVariables = Exact<{
  input: EditProposalDraftInput;
}>;


export type EditProposalDraftMutation = { editProposalDraft: { id: string, title: string, currentVersion: number } };

export type SubmitProposalMutationVariables = Exact<{
  input: SubmitProposalInput;
}>;


export type SubmitProposalMutation = { submitProposal: { id: string, status: ProposalStatus } };

export type ProposeAmendmentMutationVariables = Exact<{
  input: ProposeAmendmentInput;
}>;


export type ProposeAmendmentMutation = { proposeAmendment: { id: string, status: AmendmentStatus } };

export type PutAmendmentToVoteMutationVariables = Exact<{
  input: PutAmendmentToVoteInput;
}>;


export type PutAmendmentToVoteMutation = { putAmendmentToVote: { id: string, status: AmendmentStatus, voteId: string | null } };

export type DecideAmendmentMutationVariables = Exact<{
  input: DecideAmendmentInput;
}>;


export type DecideAmendmentMutation = { decideAmendment: { id: string, status: AmendmentStatus, resultingVersion: number | null } };

export type ScheduleProposalMutationVariables = Exact<{
  input: SubmitProposalInput;
}>;


export type ScheduleProposalMutation = { submitProposal: { id: string, status: ProposalStatus, consultationEndsAt: string | null, deliberationEndsAt: string | null, votingOpensAt: string | null, votingClosesAt: string | null } };

export type AdvanceProposalMutationVariables = Exact<{
  input: AdvanceProposalInput;
}>;


export type AdvanceProposalMutation = { advanceProposal: { id: string, status: ProposalStatus } };

export type CancelProposalMutationVariables = Exact<{
  input: CancelProposalInput;
}>;


export type CancelProposalMutation = { cancelProposal: { id: string, status: ProposalStatus } };

export type MarkProposalImplementedMutationVariables = Exact<{
  proposalId: string;
}>;


export type MarkProposalImplementedMutation = { markProposalImplemented: { id: string, status: ProposalStatus } };

export type ProposalThreadQueryVariables = Exact<{
  proposalId: string;
  councilId?: string | null | undefined;
}>;


export type ProposalThreadQuery = { proposalThread: { restricted: boolean, counts: { for: number, against: number, question: number, information: number }, arguments: { totalCount: number, edges: Array<{ node: { id: string, bodyHtml: string, stance: ArgumentStance | null, hidden: boolean, createdAt: string, endorsementCount: number, endorsedByMe: boolean, myOpenFlags: Array<FlagKind>, replyCount: number, author: { displayName: string } } }> } } };

export type ArgumentRepliesQueryVariables = Exact<{
  argumentId: string;
}>;


export type ArgumentRepliesQuery = { argumentReplies: { edges: Array<{ node: { id: string, bodyHtml: string, stance: ArgumentStance | null, hidden: boolean, createdAt: string, endorsementCount: number, endorsedByMe: boolean, myOpenFlags: Array<FlagKind>, replyCount: number, author: { displayName: string } } }> } };

export type PostArgumentMutationVariables = Exact<{
  input: PostArgumentInput;
}>;


export type PostArgumentMutation = { postArgument: { id: string } };

export type ReplyToArgumentMutationVariables = Exact<{
  input: ReplyToArgumentInput;
}>;


export type ReplyToArgumentMutation = { replyToArgument: { id: string } };

export type EndorseArgumentMutationVariables = Exact<{
  argumentId: string;
}>;


export type EndorseArgumentMutation = { endorseArgument: { id: string, endorsedByMe: boolean, endorsementCount: number } };

export type UnendorseArgumentMutationVariables = Exact<{
  argumentId: string;
}>;


export type UnendorseArgumentMutation = { unendorseArgument: { id: string, endorsedByMe: boolean, endorsementCount: number } };

export type FlagArgumentMutationVariables = Exact<{
  input: FlagArgumentInput;
}>;


export type FlagArgumentMutation = { flagArgument: { id: string } };

export type SetCouncilThreadRestrictedMutationVariables = Exact<{
  input: SetCouncilThreadRestrictedInput;
}>;


export type SetCouncilThreadRestrictedMutation = { setCouncilThreadRestricted: { restricted: boolean } };

export type RestoreArgumentMutationVariables = Exact<{
  input: RestoreArgumentInput;
}>;


export type RestoreArgumentMutation = { restoreArgument: { id: string, hidden: boolean, hiddenReason: string | null, body: string, bodyHtml: string } };

export type ProposalDiffQueryVariables = Exact<{
  id: string;
  from: number;
  to: number;
}>;


export type ProposalDiffQuery = { proposal: { id: string, diff: { titleChanged: boolean, changes: Array<{ kind: string, text: string }> } } };

export type SetCouncilChairMutationVariables = Exact<{
  input: SetCouncilChairInput;
}>;


export type SetCouncilChairMutation = { setCouncilChair: { id: string, chairMemberId: string | null } };

export type CreateCouncilMutationVariables = Exact<{
  input: CreateCouncilInput;
}>;


export type CreateCouncilMutation = { createCouncil: { id: string, nameFr: string, nameEn: string } };

export type UpdateCouncilMutationVariables = Exact<{
  input: UpdateCouncilInput;
}>;


export type UpdateCouncilMutation = { updateCouncil: { id: string, nameFr: string, nameEn: string } };

export type DissolveCouncilMutationVariables = Exact<{
  input: DissolveCouncilInput;
}>;


export type DissolveCouncilMutation = { dissolveCouncil: { id: string, dissolvedAt: string | null } };

export type InviteCollegesQueryVariables = Exact<{ [key: string]: never; }>;


export type InviteCollegesQuery = { colleges: Array<{ id: string, code: string, nameFr: string, nameEn: string }> };

export type InviteMemberMutationVariables = Exact<{
  input: MemberFieldsInput;
}>;


export type InviteMemberMutation = { inviteMember: { id: string, displayName: string, status: MemberStatus } };

export type ChangeMemberStatusMutationVariables = Exact<{
  input: ChangeMemberStatusInput;
}>;


export type ChangeMemberStatusMutation = { changeMemberStatus: { id: string, status: MemberStatus } };

export type AcceptInvitationMutationVariables = Exact<{
  input: AcceptInvitationInput;
}>;


export type AcceptInvitationMutation = { acceptInvitation: { accessToken: string, refreshToken: string, account: { id: string, email: string, locale: string, roles: Array<Role>, member: { id: string, displayName: string, kind: MemberKind, status: MemberStatus } | null } } };

export type AssembliesQueryVariables = Exact<{ [key: string]: never; }>;


export type AssembliesQuery = { assemblies: { edges: Array<{ node: { id: string, titleFr: string, titleEn: string, kind: AssemblyKind, status: AssemblyStatus, mode: AssemblyMode, startsAt: string, place: string | null } }> } };

export type AssemblyPageQueryVariables = Exact<{
  id: string;
}>;


export type AssemblyPageQuery = { assembly: { id: string, titleFr: string, titleEn: string, kind: AssemblyKind, status: AssemblyStatus, mode: AssemblyMode, startsAt: string, endsAt: string, place: string | null, url: string | null, proxyLimitPerHolder: number, proxiesLockedAt: string | null, registered: boolean, registrationCount: number, agenda: Array<{ id: string, position: number, kind: AgendaItemKind, titleFr: string, titleEn: string, decisionType: DecisionType | null }>, attendance: { present: number, remote: number, represented: number }, myAttendance: { mode: AttendanceMode, checkedInAt: string } | null, quorum: { present: number, represented: number, required: number, eligible: number, met: boolean } | null, proxies: Array<{ id: string, grantorMemberId: string, holderMemberId: string, endedAt: string | null }> } };

export type CheckInMutationVariables = Exact<{
  input: CheckInInput;
}>;


export type CheckInMutation = { checkIn: { assemblyId: string, checkedInAt: string } };

export type GrantProxyMutationVariables = Exact<{
  input: GrantProxyInput;
}>;


export type GrantProxyMutation = { grantProxy: { id: string } };

export type RevokeProxyMutationVariables = Exact<{
  input: RevokeProxyInput;
}>;


export type RevokeProxyMutation = { revokeProxy: { id: string } };

export type CharterQueryVariables = Exact<{ [key: string]: never; }>;


export type CharterQuery = { councils: Array<{ code: string, nameFr: string, nameEn: string }>, charter: { version: number, adoptedAt: string, summary: string, proxyLimitPerHolder: number, initiativeCosignatures: number, initiativeSupportDays: number, referendumPetitionCosignatures: number, volunteerHourRate: number, assemblyQuorum: { numerator: number, denominator: number }, rules: Array<{ decisionType: DecisionType, decidingBody: DecidingBody, consultedCouncils: Array<string>, informed: Array<Audience>, voteMethod: VoteMethod, allowedVoteMethods: Array<VoteMethod>, competingOptionsMethod: VoteMethod | null, allowedCompetingOptionsMethods: Array<VoteMethod>, thresholdBase: ThresholdBase, thresholdComparison: ThresholdComparison, secrecy: Secrecy, collegeWeighting: boolean, minNoticeDays: number, minConsultationDays: number, minDeliberationDays: number, minVotingDays: number, threshold: { numerator: number, denominator: number }, quorum: { kind: QuorumKind, count: number | null, ratio: { numerator: number, denominator: number } | null } }> } };

export type ConveneCouncilsQueryVariables = Exact<{ [key: string]: never; }>;


export type ConveneCouncilsQuery = { councils: Array<{ id: string, nameFr: string, nameEn: string }> };

export type ConveneAssemblyMutationVariables = Exact<{
  input: ConveneAssemblyInput;
}>;


export type ConveneAssemblyMutation = { conveneAssembly: { id: string } };

export type CouncilsQueryVariables = Exact<{ [key: string]: never; }>;


export type CouncilsQuery = { councils: Array<{ id: string, code: string, nameFr: string, nameEn: string, seats: number, termMonths: number, chairMemberId: string | null, eligibility: { minAge: number | null, maxAge: number | null, regions: Array<string> | null, requiresApprovedPractice: boolean | null }, members: Array<{ id: string, memberId: string, status: SeatStatus, appliedAt: string, declaredPractice: string | null }> }> };

export type ApplyToCouncilMutationVariables = Exact<{
  input: ApplyToCouncilInput;
}>;


export type ApplyToCouncilMutation = { applyToCouncil: { id: string, status: SeatStatus } };

export type DecideCouncilSeatMutationVariables = Exact<{
  input: DecideCouncilSeatInput;
}>;


export type DecideCouncilSeatMutation = { decideCouncilSeat: { id: string, status: SeatStatus } };

export type CouncilProposalsQueryVariables = Exact<{
  councilId: string;
}>;


export type CouncilProposalsQuery = { proposals: { edges: Array<{ node: { id: string, title: string, consultationEndsAt: string | null } }> } };

export type ParticipationDashboardQueryVariables = Exact<{
  period?: ReportPeriodInput | null | undefined;
}>;


export type ParticipationDashboardQuery = { participationReport: { voteCount: number, voters: number, eligible: number, turnout: number | null, overTime: Array<{ month: string, votes: number, voters: number, eligible: number, turnout: number | null }> } };

export type ParticipationVotesQueryVariables = Exact<{
  period?: ReportPeriodInput | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type ParticipationVotesQuery = { participationReport: { votes: { pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { voteId: string, titleFr: string, titleEn: string, closesAt: string, status: string, eligible: number, voters: number, turnout: number | null, quorumRequired: number | null, quorumMargin: number | null, quorumMet: boolean | null, outcome: string | null } }> } } };

export type CampaignDashboardQueryVariables = Exact<{
  fiscalYear: number;
}>;


export type CampaignDashboardQuery = { campaignReport: { fiscalYear: number, campaign: { targetCents: number, callCount: number, calledCents: number, receivedCents: number, paidCents: number, outstandingCents: number, waivedCents: number, creditCents: number, inKindCents: number, reconciliation: { reconciles: boolean }, byCategory: Array<{ organisationCategory: OrganisationCategory | null, calledCents: number, paidCents: number, outstandingCents: number, waivedCents: number }>, byRegion: Array<{ region: string | null, calledCents: number, paidCents: number, outstandingCents: number, waivedCents: number }> }, inKindByCategory: Array<{ key: string, labelFr: string, labelEn: string, valueCents: number, contributions: number }>, largestArrears: Array<{ callId: string, displayName: string, reference: string, dueOn: string, calledCents: number, outstandingCents: number, status: string }> } };

export type MembershipDashboardQueryVariables = Exact<{
  period?: ReportPeriodInput | null | undefined;
}>;


export type MembershipDashboardQuery = { membershipReport: { activeAtStart: number, activeAtEnd: number, joined: number, resigned: number, byKind: Array<{ key: string, labelFr: string, labelEn: string, count: number }>, byCollege: Array<{ key: string, labelFr: string, labelEn: string, count: number }>, byCategory: Array<{ key: string, labelFr: string, labelEn: string, count: number }>, byRegion: Array<{ key: string, labelFr: string, labelEn: string, count: number }>, byAgeBand: Array<{ key: string, labelFr: string, labelEn: string, count: number }>, overTime: Array<{ month: string, joined: number, resigned: number, suspended: number, reinstated: number }> } };

export type CouncilsDashboardQueryVariables = Exact<{
  period?: ReportPeriodInput | null | undefined;
}>;


export type CouncilsDashboardQuery = { councilsReport: { councils: Array<{ councilId: string, nameFr: string, nameEn: string, seats: number, members: number, vacancies: number, dissolvedAt: string | null, pendingApplications: number, eligiblePool: number, consultationsReceived: number, answeredOnTime: number, answeredLate: number, notAnswered: number, pending: number, onTimeRate: number | null }> } };

export type DecisionRegisterDashboardQueryVariables = Exact<{
  period?: ReportPeriodInput | null | undefined;
}>;


export type DecisionRegisterDashboardQuery = { decisionRegister: { decisions: Array<{ kind: string, titleFr: string, titleEn: string, decisionType: DecisionType | null, decidingBody: DecidingBody | null, decidedAt: string, result: string, voters: number | null, eligible: number | null, quorumMet: boolean | null, proposalId: string | null, voteId: string | null }> } };

export type PipelineDashboardQueryVariables = Exact<{
  period?: ReportPeriodInput | null | undefined;
}>;


export type PipelineDashboardQuery = { proposalPipeline: { byStatus: Array<{ status: ProposalStatus, labelFr: string, labelEn: string, count: number }>, timeInPhase: Array<{ phase: ProposalStatus, labelFr: string, labelEn: string, medianDays: number, p90Days: number, proposals: number }>, expiredInitiatives: Array<{ proposalId: string, title: string, cosignatures: number, required: number }> } };

export type VolunteersDashboardQueryVariables = Exact<{
  period?: ReportPeriodInput | null | undefined;
}>;


export type VolunteersDashboardQuery = { volunteerReport: { volunteers: number, contributions: number, hours: number, valueCents: number, byActivity: Array<{ key: string, labelFr: string, labelEn: string, hours: number, valueCents: number }>, byCouncil: Array<{ key: string, labelFr: string, labelEn: string, hours: number, valueCents: number }>, thanked: Array<{ name: string, hours: number }> } };

export type HomeQueryVariables = Exact<{ [key: string]: never; }>;


export type HomeQuery = { proposals: { edges: Array<{ node: { id: string, title: string, consultations: Array<{ councilId: string, status: ConsultationStatus, dueAt: string }> } }> }, votes: { edges: Array<{ node: { id: string, titleFr: string, titleEn: string, closesAt: string, myParticipation: { onRoll: boolean, voted: boolean } | null } }> }, assemblies: { edges: Array<{ node: { id: string, titleFr: string, titleEn: string, kind: AssemblyKind, startsAt: string, endsAt: string } }> }, myNotifications: { totalCount: number, edges: Array<{ node: { id: string, kind: NotificationKind, subject: string, body: string, createdAt: string } }> }, councils: Array<{ id: string, code: string, nameFr: string, nameEn: string, chairMemberId: string | null, members: Array<{ id: string, memberId: string, status: SeatStatus }> }> };

export type MarkNotificationsReadMutationVariables = Exact<{
  input: MarkNotificationsReadInput;
}>;


export type MarkNotificationsReadMutation = { markNotificationsRead: number };

export type MembersQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  search?: string | null | undefined;
  status?: MemberStatus | null | undefined;
}>;


export type MembersQuery = { members: { totalCount: number, pageInfo: { endCursor: string | null, hasNextPage: boolean }, edges: Array<{ node: { id: string, displayName: string, kind: MemberKind, email: string, region: string, status: MemberStatus } }> } };

export type ImportMembersMutationVariables = Exact<{
  input: ImportMembersInput;
}>;


export type ImportMembersMutation = { importMembers: { imported: number, invited: number } };

export type ModerationQueueQueryVariables = Exact<{
  after?: string | null | undefined;
}>;


export type ModerationQueueQuery = { moderationQueue: { totalCount: number, edges: Array<{ node: { id: string, kind: FlagKind, note: string | null, createdAt: string, flaggedBy: { displayName: string }, argument: { id: string, proposalId: string, body: string, hidden: boolean, createdAt: string, author: { displayName: string } } } }> } };

export type ResolveFlagMutationVariables = Exact<{
  input: ResolveFlagInput;
}>;


export type ResolveFlagMutation = { resolveFlag: { id: string, hidden: boolean, hiddenReason: string | null, moderatorNote: string | null } };

export type MyContributionsQueryVariables = Exact<{ [key: string]: never; }>;


export type MyContributionsQuery = { myContributionCredit: number, myContributionCalls: { edges: Array<{ node: { id: string, reference: string, dueOn: string, amountCents: number, paidCents: number, outstandingCents: number, waivedCents: number, status: ContributionCallStatus } }> }, myInKindContributions: { edges: Array<{ node: { id: string, kind: InKindKind, activity: string, performedOn: string, minutes: number | null, valueCents: number | null, status: InKindStatus, decisionReason: string | null } }> } };

export type RecordVolunteerHoursMutationVariables = Exact<{
  input: RecordVolunteerHoursInput;
}>;


export type RecordVolunteerHoursMutation = { recordVolunteerHours: { id: string, status: InKindStatus } };

export type NotificationPreferencesQueryVariables = Exact<{ [key: string]: never; }>;


export type NotificationPreferencesQuery = { myNotificationPreferences: { emailDisabledKinds: Array<NotificationKind>, emailDigest: EmailDigest } };

export type UpdateNotificationPreferencesMutationVariables = Exact<{
  input: NotificationPreferencesInput;
}>;


export type UpdateNotificationPreferencesMutation = { updateNotificationPreferences: { emailDisabledKinds: Array<NotificationKind>, emailDigest: EmailDigest } };

export type DraftProposalMutationVariables = Exact<{
  input: DraftProposalInput;
}>;


export type DraftProposalMutation = { draftProposal: { id: string } };

export type DraftBoardProposalMutationVariables = Exact<{
  input: DraftProposalInput;
}>;


export type DraftBoardProposalMutation = { draftBoardProposal: { id: string } };

export type ProposalPageQueryVariables = Exact<{
  id: string;
}>;


export type ProposalPageQuery = { proposal: { id: string, title: string, status: ProposalStatus, decisionType: DecisionType, charterChange: Record<string, unknown> | null, renderedBody: string, body: string, authorMemberId: string | null, currentVersion: number, submittedAt: string | null, consultationEndsAt: string | null, deliberationEndsAt: string | null, votingOpensAt: string | null, votingClosesAt: string | null, amendments: Array<{ id: string, title: string, body: string, rationale: string, status: AmendmentStatus, baseVersion: number, resultingVersion: number | null, voteId: string | null, createdAt: string }>, author: { displayName: string } | null, versions: Array<{ version: number, note: string, createdAt: string }>, decisionRights: { charterVersion: number, decides: DecidingBody, deliberates: Array<string>, informed: Array<Audience>, consulted: Array<{ councilCode: string, status: ConsultationStatus | null, dueAt: string | null, council: { nameFr: string, nameEn: string } | null, opinion: { position: OpinionPosition, text: string, votesFor: number | null, votesAgainst: number | null, votesAbstain: number | null } | null }>, rule: { voteMethod: VoteMethod, secrecy: Secrecy, thresholdComparison: ThresholdComparison, thresholdBase: ThresholdBase, threshold: { numerator: number, denominator: number } } } }, votes: { edges: Array<{ node: { id: string, status: VoteStatus } }> } };

export type ProposalsQueryVariables = Exact<{ [key: string]: never; }>;


export type ProposalsQuery = { proposals: { totalCount: number, edges: Array<{ node: { id: string, title: string, status: ProposalStatus, decisionType: DecisionType, createdAt: string } }> } };

export type LoginMutationVariables = Exact<{
  input: LoginInput;
}>;


export type LoginMutation = { login: { accessToken: string, refreshToken: string, account: { id: string, email: string, locale: string, roles: Array<Role>, member: { id: string, displayName: string, kind: MemberKind, status: MemberStatus } | null } } };

export type ImportBankStatementMutationVariables = Exact<{
  input: ImportBankStatementInput;
}>;


export type ImportBankStatementMutation = { importBankStatement: { id: string, fileName: string, rowCount: number, totalCents: number, matchedCount: number, matchedCents: number } };

export type UnmatchedBankRowsQueryVariables = Exact<{ [key: string]: never; }>;


export type UnmatchedBankRowsQuery = { unmatchedBankRows: Array<{ id: string, rowNumber: number, bookedOn: string, amountCents: number, reference: string, description: string | null }> };

export type OpenContributionCallsQueryVariables = Exact<{ [key: string]: never; }>;


export type OpenContributionCallsQuery = { contributionCalls: { edges: Array<{ node: { id: string, reference: string, memberName: string, outstandingCents: number } }> } };

export type MatchBankImportRowMutationVariables = Exact<{
  input: MatchBankRowInput;
}>;


export type MatchBankImportRowMutation = { matchBankImportRow: { id: string, reference: string, memberName: string, status: ContributionCallStatus, outstandingCents: number } };

export type TreasuryYearScalesQueryVariables = Exact<{
  fiscalYear?: number | null | undefined;
}>;


export type TreasuryYearScalesQuery = { contributionScales: Array<{ id: string, name: string, status: ContributionScaleStatus }> };

export type TreasuryCallFragment = { id: string, reference: string, memberName: string, dueOn: string, amountCents: number, paidCents: number, outstandingCents: number, waivedCents: number, creditCents: number, status: ContributionCallStatus, waiverBoardDecision: string | null, waiverReason: string | null, payments: Array<{ id: string, amountCents: number, method: PaymentMethod, paidOn: string, reference: string | null, note: string | null, reversesPaymentId: string | null }> };

export type TreasuryCallsQueryVariables = Exact<{
  scaleId?: string | null | undefined;
  status?: ContributionCallStatus | null | undefined;
  after?: string | null | undefined;
}>;


export type TreasuryCallsQuery = { contributionCalls: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, reference: string, memberName: string, dueOn: string, amountCents: number, paidCents: number, outstandingCents: number, waivedCents: number, creditCents: number, status: ContributionCallStatus, waiverBoardDecision: string | null, waiverReason: string | null, payments: Array<{ id: string, amountCents: number, method: PaymentMethod, paidOn: string, reference: string | null, note: string | null, reversesPaymentId: string | null }> } }> } };

export type RecordContributionPaymentMutationVariables = Exact<{
  input: RecordPaymentInput;
}>;


export type RecordContributionPaymentMutation = { recordContributionPayment: { id: string, reference: string, memberName: string, dueOn: string, amountCents: number, paidCents: number, outstandingCents: number, waivedCents: number, creditCents: number, status: ContributionCallStatus, waiverBoardDecision: string | null, waiverReason: string | null, payments: Array<{ id: string, amountCents: number, method: PaymentMethod, paidOn: string, reference: string | null, note: string | null, reversesPaymentId: string | null }> } };

export type ReverseContributionPaymentMutationVariables = Exact<{
  input: ReversePaymentInput;
}>;


export type ReverseContributionPaymentMutation = { reverseContributionPayment: { id: string, reference: string, memberName: string, dueOn: string, amountCents: number, paidCents: number, outstandingCents: number, waivedCents: number, creditCents: number, status: ContributionCallStatus, waiverBoardDecision: string | null, waiverReason: string | null, payments: Array<{ id: string, amountCents: number, method: PaymentMethod, paidOn: string, reference: string | null, note: string | null, reversesPaymentId: string | null }> } };

export type WaiveContributionCallMutationVariables = Exact<{
  input: WaiveCallInput;
}>;


export type WaiveContributionCallMutation = { waiveContributionCall: { id: string, reference: string, memberName: string, dueOn: string, amountCents: number, paidCents: number, outstandingCents: number, waivedCents: number, creditCents: number, status: ContributionCallStatus, waiverBoardDecision: string | null, waiverReason: string | null, payments: Array<{ id: string, amountCents: number, method: PaymentMethod, paidOn: string, reference: string | null, note: string | null, reversesPaymentId: string | null }> } };

export type TreasuryScaleQueryVariables = Exact<{
  id: string;
}>;


export type TreasuryScaleQuery = { contributionScale: { id: string, name: string, status: ContributionScaleStatus, fiscalYear: number, fiscalYearStartsOn: string, dueOn: string, campaignTargetCents: number, individualDuesCents: number | null, prorationRule: ProrationRule, proposalId: string | null, submittedAt: string | null, tiers: Array<{ organisationCategory: OrganisationCategory, sizeBand: SizeBand, amountCents: number }> } };

export type TreasuryScaleSimulationQueryVariables = Exact<{
  id: string;
}>;


export type TreasuryScaleSimulationQuery = { contributionScaleSimulation: { organisationCount: number, totalCents: number, campaignTargetCents: number, uncoveredOrganisationCount: number, individualMemberCount: number, individualDuesTotalCents: number, byTier: Array<{ organisationCategory: OrganisationCategory | null, sizeBand: SizeBand | null, tierAmountCents: number | null, organisationCount: number, totalCents: number }>, byCategory: Array<{ organisationCategory: OrganisationCategory | null, organisationCount: number, totalCents: number }>, byRegion: Array<{ region: string | null, organisationCount: number, totalCents: number }> } };

export type UpdateContributionScaleMutationVariables = Exact<{
  input: UpdateContributionScaleInput;
}>;


export type UpdateContributionScaleMutation = { updateContributionScale: { id: string, name: string, status: ContributionScaleStatus, fiscalYear: number, fiscalYearStartsOn: string, dueOn: string, campaignTargetCents: number, individualDuesCents: number | null, prorationRule: ProrationRule, tiers: Array<{ organisationCategory: OrganisationCategory, sizeBand: SizeBand, amountCents: number }> } };

export type SubmitContributionScaleMutationVariables = Exact<{
  id: string;
}>;


export type SubmitContributionScaleMutation = { submitContributionScale: { id: string, status: ContributionScaleStatus, proposalId: string | null, submittedAt: string | null } };

export type TreasuryScalesQueryVariables = Exact<{
  fiscalYear?: number | null | undefined;
}>;


export type TreasuryScalesQuery = { contributionScales: Array<{ id: string, name: string, fiscalYear: number, status: ContributionScaleStatus, dueOn: string, campaignTargetCents: number, tiers: Array<{ amountCents: number }> }> };

export type SubmitCompetingContributionScalesMutationVariables = Exact<{
  input: SubmitCompetingScalesInput;
}>;


export type SubmitCompetingContributionScalesMutation = { submitCompetingContributionScales: Array<{ id: string, status: ContributionScaleStatus, proposalId: string | null }> };

export type DraftContributionScaleMutationVariables = Exact<{
  input: ContributionScaleInput;
}>;


export type DraftContributionScaleMutation = { draftContributionScale: { id: string } };

export type VotePageQueryVariables = Exact<{
  voteId: string;
}>;


export type VotePageQuery = { vote: { id: string, titleFr: string, titleEn: string, method: VoteMethod, status: VoteStatus, secrecy: Secrecy, collegeWeighting: boolean, opensAt: string, closesAt: string, minSelections: number | null, maxSelections: number | null, options: Array<{ id: string, labelFr: string, labelEn: string }>, grades: Array<{ id: string, labelFr: string, labelEn: string }> | null, myParticipation: { onRoll: boolean, voted: boolean } | null, result: { outcome: string, quorumMet: boolean, eligible: number, participations: number, ballots: number, winners: Array<string>, details: Record<string, unknown> } | null } };

export type VoteCollegesQueryVariables = Exact<{ [key: string]: never; }>;


export type VoteCollegesQuery = { colleges: Array<{ id: string, nameFr: string, nameEn: string }> };

export type CastBallotMutationVariables = Exact<{
  input: CastBallotInput;
}>;


export type CastBallotMutation = { castBallot: { voteId: string, receipt: string, replaced: boolean } };

export type CheckReceiptQueryVariables = Exact<{
  voteId: string;
  receipt: string;
}>;


export type CheckReceiptQuery = { checkReceipt: boolean };

export type VotesQueryVariables = Exact<{ [key: string]: never; }>;


export type VotesQuery = { votes: { edges: Array<{ node: { id: string, titleFr: string, titleEn: string, status: VoteStatus, opensAt: string, closesAt: string, myParticipation: { onRoll: boolean, voted: boolean } | null } }> } };

export type CouncilNamesQueryVariables = Exact<{ [key: string]: never; }>;


export type CouncilNamesQuery = { councils: Array<{ code: string, nameFr: string, nameEn: string }> };

export const SessionAccountFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SessionAccount"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Account"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"locale"}},{"kind":"Field","name":{"kind":"Name","value":"roles"}},{"kind":"Field","name":{"kind":"Name","value":"member"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<SessionAccountFragment, unknown>;
export const SessionPayloadFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SessionPayload"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AuthPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accessToken"}},{"kind":"Field","name":{"kind":"Name","value":"refreshToken"}},{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SessionAccount"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SessionAccount"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Account"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"locale"}},{"kind":"Field","name":{"kind":"Name","value":"roles"}},{"kind":"Field","name":{"kind":"Name","value":"member"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<SessionPayloadFragment, unknown>;
export const TreasuryCallFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TreasuryCall"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ContributionCall"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"reference"}},{"kind":"Field","name":{"kind":"Name","value":"memberName"}},{"kind":"Field","name":{"kind":"Name","value":"dueOn"}},{"kind":"Field","name":{"kind":"Name","value":"amountCents"}},{"kind":"Field","name":{"kind":"Name","value":"paidCents"}},{"kind":"Field","name":{"kind":"Name","value":"outstandingCents"}},{"kind":"Field","name":{"kind":"Name","value":"waivedCents"}},{"kind":"Field","name":{"kind":"Name","value":"creditCents"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"waiverBoardDecision"}},{"kind":"Field","name":{"kind":"Name","value":"waiverReason"}},{"kind":"Field","name":{"kind":"Name","value":"payments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"amountCents"}},{"kind":"Field","name":{"kind":"Name","value":"method"}},{"kind":"Field","name":{"kind":"Name","value":"paidOn"}},{"kind":"Field","name":{"kind":"Name","value":"reference"}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"reversesPaymentId"}}]}}]}}]} as unknown as DocumentNode<TreasuryCallFragment, unknown>;
export const MeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SessionAccount"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SessionAccount"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Account"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"locale"}},{"kind":"Field","name":{"kind":"Name","value":"roles"}},{"kind":"Field","name":{"kind":"Name","value":"member"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<MeQuery, MeQueryVariables>;
export const LogoutDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"Logout"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"logout"}}]}}]} as unknown as DocumentNode<LogoutMutation, LogoutMutationVariables>;
export const AgendaProposalsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AgendaProposals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"proposals"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"decisionType"}}]}}]}}]}}]}}]} as unknown as DocumentNode<AgendaProposalsQuery, AgendaProposalsQueryVariables>;
export const AssemblyMinutesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AssemblyMinutes"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UUID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"locale"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"MinutesLocale"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"assembly"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"minutes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"locale"},"value":{"kind":"Variable","name":{"kind":"Name","value":"locale"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"locale"}},{"kind":"Field","name":{"kind":"Name","value":"markdown"}},{"kind":"Field","name":{"kind":"Name","value":"sha256"}}]}}]}}]}}]} as unknown as DocumentNode<AssemblyMinutesQuery, AssemblyMinutesQueryVariables>;
export const ReorderAgendaDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ReorderAgenda"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ReorderAgendaInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reorderAgenda"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"position"}}]}}]}}]} as unknown as DocumentNode<ReorderAgendaMutation, ReorderAgendaMutationVariables>;
export const AddAgendaItemDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AddAgendaItem"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AddAgendaItemInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addAgendaItem"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"position"}}]}}]}}]} as unknown as DocumentNode<AddAgendaItemMutation, AddAgendaItemMutationVariables>;
export const DoorSearchDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DoorSearch"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"search"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"members"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"search"},"value":{"kind":"Variable","name":{"kind":"Name","value":"search"}}},{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"EnumValue","value":"Active"}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"region"}}]}}]}}]}}]}}]} as unknown as DocumentNode<DoorSearchQuery, DoorSearchQueryVariables>;
export const SecretaryCheckInDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SecretaryCheckIn"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CheckInInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"checkIn"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"memberId"}},{"kind":"Field","name":{"kind":"Name","value":"mode"}},{"kind":"Field","name":{"kind":"Name","value":"checkedInAt"}}]}}]}}]} as unknown as DocumentNode<SecretaryCheckInMutation, SecretaryCheckInMutationVariables>;
export const SecretaryCheckOutDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SecretaryCheckOut"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CheckOutInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"checkOut"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"memberId"}},{"kind":"Field","name":{"kind":"Name","value":"checkedOutAt"}}]}}]}}]} as unknown as DocumentNode<SecretaryCheckOutMutation, SecretaryCheckOutMutationVariables>;
export const CloseAssemblyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CloseAssembly"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UUID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"closeAssembly"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<CloseAssemblyMutation, CloseAssemblyMutationVariables>;
export const CancelAssemblyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CancelAssembly"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UUID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cancelAssembly"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<CancelAssemblyMutation, CancelAssemblyMutationVariables>;
export const RegisterForMeetingDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RegisterForMeeting"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"MeetingRegistrationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"registerForMeeting"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"assemblyId"}},{"kind":"Field","name":{"kind":"Name","value":"registeredAt"}}]}}]}}]} as unknown as DocumentNode<RegisterForMeetingMutation, RegisterForMeetingMutationVariables>;
export const CancelMeetingRegistrationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CancelMeetingRegistration"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"MeetingRegistrationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cancelMeetingRegistration"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}]}]}}]} as unknown as DocumentNode<CancelMeetingRegistrationMutation, CancelMeetingRegistrationMutationVariables>;
export const AssemblyProxiesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AssemblyProxies"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UUID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"assembly"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"proxies"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"all"},"value":{"kind":"BooleanValue","value":true}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"grantorMemberId"}},{"kind":"Field","name":{"kind":"Name","value":"holderMemberId"}},{"kind":"Field","name":{"kind":"Name","value":"endedAt"}}]}}]}}]}}]} as unknown as DocumentNode<AssemblyProxiesQuery, AssemblyProxiesQueryVariables>;
export const RecordPaperProxyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RecordPaperProxy"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"GrantProxyInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"grantProxy"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<RecordPaperProxyMutation, RecordPaperProxyMutationVariables>;
export const EndPaperProxyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"EndPaperProxy"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RevokeProxyInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"revokeProxy"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<EndPaperProxyMutation, EndPaperProxyMutationVariables>;
export const CouncilConsultationsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CouncilConsultations"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"proposalId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UUID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"proposal"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"proposalId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"consultations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"dueAt"}},{"kind":"Field","name":{"kind":"Name","value":"council"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"nameFr"}},{"kind":"Field","name":{"kind":"Name","value":"nameEn"}},{"kind":"Field","name":{"kind":"Name","value":"chairMemberId"}},{"kind":"Field","name":{"kind":"Name","value":"members"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"memberId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"opinionDrafts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"position"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"votesFor"}},{"kind":"Field","name":{"kind":"Name","value":"votesAgainst"}},{"kind":"Field","name":{"kind":"Name","value":"votesAbstain"}},{"kind":"Field","name":{"kind":"Name","value":"activeMembers"}},{"kind":"Field","name":{"kind":"Name","value":"voteId"}},{"kind":"Field","name":{"kind":"Name","value":"voteOutcome"}}]}}]}}]}}]}}]} as unknown as DocumentNode<CouncilConsultationsQuery, CouncilConsultationsQueryVariables>;
export const DraftCouncilOpinionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DraftCouncilOpinion"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DraftOpinionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"draftCouncilOpinion"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<DraftCouncilOpinionMutation, DraftCouncilOpinionMutationVariables>;
export const PutCouncilOpinionToVoteDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PutCouncilOpinionToVote"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PutOpinionToVoteInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"putCouncilOpinionToVote"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"voteId"}}]}}]}}]} as unknown as DocumentNode<PutCouncilOpinionToVoteMutation, PutCouncilOpinionToVoteMutationVariables>;
export const MemberNameDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MemberName"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UUID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"member"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}}]} as unknown as DocumentNode<MemberNameQuery, MemberNameQueryVariables>;
export const EditProposalDraftDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"EditProposalDraft"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"EditProposalDraftInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"editProposalDraft"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"currentVersion"}}]}}]}}]} as unknown as DocumentNode<EditProposalDraftMutation, EditProposalDraftMutationVariables>;
export const SubmitProposalDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SubmitProposal"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SubmitProposalInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"submitProposal"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<SubmitProposalMutation, SubmitProposalMutationVariables>;
export const ProposeAmendmentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ProposeAmendment"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ProposeAmendmentInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"proposeAmendment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<ProposeAmendmentMutation, ProposeAmendmentMutationVariables>;
export const PutAmendmentToVoteDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PutAmendmentToVote"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PutAmendmentToVoteInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"putAmendmentToVote"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"voteId"}}]}}]}}]} as unknown as DocumentNode<PutAmendmentToVoteMutation, PutAmendmentToVoteMutationVariables>;
export const DecideAmendmentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DecideAmendment"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DecideAmendmentInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"decideAmendment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"resultingVersion"}}]}}]}}]} as unknown as DocumentNode<DecideAmendmentMutation, DecideAmendmentMutationVariables>;
export const ScheduleProposalDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ScheduleProposal"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SubmitProposalInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"submitProposal"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"consultationEndsAt"}},{"kind":"Field","name":{"kind":"Name","value":"deliberationEndsAt"}},{"kind":"Field","name":{"kind":"Name","value":"votingOpensAt"}},{"kind":"Field","name":{"kind":"Name","value":"votingClosesAt"}}]}}]}}]} as unknown as DocumentNode<ScheduleProposalMutation, ScheduleProposalMutationVariables>;
export const AdvanceProposalDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AdvanceProposal"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AdvanceProposalInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"advanceProposal"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<AdvanceProposalMutation, AdvanceProposalMutationVariables>;
export const CancelProposalDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CancelProposal"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CancelProposalInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cancelProposal"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<CancelProposalMutation, CancelProposalMutationVariables>;
export const MarkProposalImplementedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"MarkProposalImplemented"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"proposalId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UUID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"markProposalImplemented"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"proposalId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"proposalId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<MarkProposalImplementedMutation, MarkProposalImplementedMutationVariables>;
export const ProposalThreadDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ProposalThread"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"proposalId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UUID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"councilId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"UUID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"proposalThread"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"proposalId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"proposalId"}}},{"kind":"Argument","name":{"kind":"Name","value":"councilId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"councilId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"restricted"}},{"kind":"Field","name":{"kind":"Name","value":"counts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"for"}},{"kind":"Field","name":{"kind":"Name","value":"against"}},{"kind":"Field","name":{"kind":"Name","value":"question"}},{"kind":"Field","name":{"kind":"Name","value":"information"}}]}},{"kind":"Field","name":{"kind":"Name","value":"arguments"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"bodyHtml"}},{"kind":"Field","name":{"kind":"Name","value":"stance"}},{"kind":"Field","name":{"kind":"Name","value":"hidden"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"endorsementCount"}},{"kind":"Field","name":{"kind":"Name","value":"endorsedByMe"}},{"kind":"Field","name":{"kind":"Name","value":"myOpenFlags"}},{"kind":"Field","name":{"kind":"Name","value":"replyCount"}},{"kind":"Field","name":{"kind":"Name","value":"author"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ProposalThreadQuery, ProposalThreadQueryVariables>;
export const ArgumentRepliesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ArgumentReplies"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"argumentId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UUID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"argumentReplies"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"argumentId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"argumentId"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"bodyHtml"}},{"kind":"Field","name":{"kind":"Name","value":"stance"}},{"kind":"Field","name":{"kind":"Name","value":"hidden"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"endorsementCount"}},{"kind":"Field","name":{"kind":"Name","value":"endorsedByMe"}},{"kind":"Field","name":{"kind":"Name","value":"myOpenFlags"}},{"kind":"Field","name":{"kind":"Name","value":"replyCount"}},{"kind":"Field","name":{"kind":"Name","value":"author"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ArgumentRepliesQuery, ArgumentRepliesQueryVariables>;
export const PostArgumentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PostArgument"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PostArgumentInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"postArgument"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<PostArgumentMutation, PostArgumentMutationVariables>;
export const ReplyToArgumentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ReplyToArgument"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ReplyToArgumentInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"replyToArgument"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<ReplyToArgumentMutation, ReplyToArgumentMutationVariables>;
export const EndorseArgumentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"EndorseArgument"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"argumentId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UUID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"endorseArgument"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"argumentId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"argumentId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"endorsedByMe"}},{"kind":"Field","name":{"kind":"Name","value":"endorsementCount"}}]}}]}}]} as unknown as DocumentNode<EndorseArgumentMutation, EndorseArgumentMutationVariables>;
export const UnendorseArgumentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UnendorseArgument"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"argumentId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UUID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"unendorseArgument"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"argumentId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"argumentId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"endorsedByMe"}},{"kind":"Field","name":{"kind":"Name","value":"endorsementCount"}}]}}]}}]} as unknown as DocumentNode<UnendorseArgumentMutation, UnendorseArgumentMutationVariables>;
export const FlagArgumentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"FlagArgument"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"FlagArgumentInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"flagArgument"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<FlagArgumentMutation, FlagArgumentMutationVariables>;
export const SetCouncilThreadRestrictedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetCouncilThreadRestricted"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SetCouncilThreadRestrictedInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setCouncilThreadRestricted"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"restricted"}}]}}]}}]} as unknown as DocumentNode<SetCouncilThreadRestrictedMutation, SetCouncilThreadRestrictedMutationVariables>;
export const RestoreArgumentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RestoreArgument"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RestoreArgumentInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"restoreArgument"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"hidden"}},{"kind":"Field","name":{"kind":"Name","value":"hiddenReason"}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"bodyHtml"}}]}}]}}]} as unknown as DocumentNode<RestoreArgumentMutation, RestoreArgumentMutationVariables>;
export const ProposalDiffDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ProposalDiff"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UUID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"proposal"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"diff"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"titleChanged"}},{"kind":"Field","name":{"kind":"Name","value":"changes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"text"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ProposalDiffQuery, ProposalDiffQueryVariables>;
export const SetCouncilChairDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetCouncilChair"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SetCouncilChairInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setCouncilChair"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"chairMemberId"}}]}}]}}]} as unknown as DocumentNode<SetCouncilChairMutation, SetCouncilChairMutationVariables>;
export const CreateCouncilDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateCouncil"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateCouncilInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createCouncil"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"nameFr"}},{"kind":"Field","name":{"kind":"Name","value":"nameEn"}}]}}]}}]} as unknown as DocumentNode<CreateCouncilMutation, CreateCouncilMutationVariables>;
export const UpdateCouncilDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateCouncil"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateCouncilInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateCouncil"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"nameFr"}},{"kind":"Field","name":{"kind":"Name","value":"nameEn"}}]}}]}}]} as unknown as DocumentNode<UpdateCouncilMutation, UpdateCouncilMutationVariables>;
export const DissolveCouncilDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DissolveCouncil"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DissolveCouncilInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dissolveCouncil"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"dissolvedAt"}}]}}]}}]} as unknown as DocumentNode<DissolveCouncilMutation, DissolveCouncilMutationVariables>;
export const InviteCollegesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"InviteColleges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"colleges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"nameFr"}},{"kind":"Field","name":{"kind":"Name","value":"nameEn"}}]}}]}}]} as unknown as DocumentNode<InviteCollegesQuery, InviteCollegesQueryVariables>;
export const InviteMemberDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"InviteMember"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"MemberFieldsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"inviteMember"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<InviteMemberMutation, InviteMemberMutationVariables>;
export const ChangeMemberStatusDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ChangeMemberStatus"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ChangeMemberStatusInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"changeMemberStatus"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<ChangeMemberStatusMutation, ChangeMemberStatusMutationVariables>;
export const AcceptInvitationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AcceptInvitation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AcceptInvitationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"acceptInvitation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SessionPayload"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SessionAccount"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Account"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"locale"}},{"kind":"Field","name":{"kind":"Name","value":"roles"}},{"kind":"Field","name":{"kind":"Name","value":"member"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SessionPayload"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AuthPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accessToken"}},{"kind":"Field","name":{"kind":"Name","value":"refreshToken"}},{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SessionAccount"}}]}}]}}]} as unknown as DocumentNode<AcceptInvitationMutation, AcceptInvitationMutationVariables>;
export const AssembliesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Assemblies"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"assemblies"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"titleFr"}},{"kind":"Field","name":{"kind":"Name","value":"titleEn"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"mode"}},{"kind":"Field","name":{"kind":"Name","value":"startsAt"}},{"kind":"Field","name":{"kind":"Name","value":"place"}}]}}]}}]}}]}}]} as unknown as DocumentNode<AssembliesQuery, AssembliesQueryVariables>;
export const AssemblyPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AssemblyPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UUID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"assembly"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"titleFr"}},{"kind":"Field","name":{"kind":"Name","value":"titleEn"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"mode"}},{"kind":"Field","name":{"kind":"Name","value":"startsAt"}},{"kind":"Field","name":{"kind":"Name","value":"endsAt"}},{"kind":"Field","name":{"kind":"Name","value":"place"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"proxyLimitPerHolder"}},{"kind":"Field","name":{"kind":"Name","value":"proxiesLockedAt"}},{"kind":"Field","name":{"kind":"Name","value":"agenda"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"position"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"titleFr"}},{"kind":"Field","name":{"kind":"Name","value":"titleEn"}},{"kind":"Field","name":{"kind":"Name","value":"decisionType"}}]}},{"kind":"Field","name":{"kind":"Name","value":"attendance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"present"}},{"kind":"Field","name":{"kind":"Name","value":"remote"}},{"kind":"Field","name":{"kind":"Name","value":"represented"}}]}},{"kind":"Field","name":{"kind":"Name","value":"registered"}},{"kind":"Field","name":{"kind":"Name","value":"registrationCount"}},{"kind":"Field","name":{"kind":"Name","value":"myAttendance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mode"}},{"kind":"Field","name":{"kind":"Name","value":"checkedInAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"quorum"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"present"}},{"kind":"Field","name":{"kind":"Name","value":"represented"}},{"kind":"Field","name":{"kind":"Name","value":"required"}},{"kind":"Field","name":{"kind":"Name","value":"eligible"}},{"kind":"Field","name":{"kind":"Name","value":"met"}}]}},{"kind":"Field","name":{"kind":"Name","value":"proxies"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"grantorMemberId"}},{"kind":"Field","name":{"kind":"Name","value":"holderMemberId"}},{"kind":"Field","name":{"kind":"Name","value":"endedAt"}}]}}]}}]}}]} as unknown as DocumentNode<AssemblyPageQuery, AssemblyPageQueryVariables>;
export const CheckInDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CheckIn"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CheckInInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"checkIn"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"assemblyId"}},{"kind":"Field","name":{"kind":"Name","value":"checkedInAt"}}]}}]}}]} as unknown as DocumentNode<CheckInMutation, CheckInMutationVariables>;
export const GrantProxyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"GrantProxy"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"GrantProxyInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"grantProxy"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<GrantProxyMutation, GrantProxyMutationVariables>;
export const RevokeProxyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RevokeProxy"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RevokeProxyInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"revokeProxy"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<RevokeProxyMutation, RevokeProxyMutationVariables>;
export const CharterDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Charter"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"councils"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"nameFr"}},{"kind":"Field","name":{"kind":"Name","value":"nameEn"}}]}},{"kind":"Field","name":{"kind":"Name","value":"charter"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"adoptedAt"}},{"kind":"Field","name":{"kind":"Name","value":"summary"}},{"kind":"Field","name":{"kind":"Name","value":"assemblyQuorum"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"numerator"}},{"kind":"Field","name":{"kind":"Name","value":"denominator"}}]}},{"kind":"Field","name":{"kind":"Name","value":"proxyLimitPerHolder"}},{"kind":"Field","name":{"kind":"Name","value":"initiativeCosignatures"}},{"kind":"Field","name":{"kind":"Name","value":"initiativeSupportDays"}},{"kind":"Field","name":{"kind":"Name","value":"referendumPetitionCosignatures"}},{"kind":"Field","name":{"kind":"Name","value":"volunteerHourRate"}},{"kind":"Field","name":{"kind":"Name","value":"rules"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"decisionType"}},{"kind":"Field","name":{"kind":"Name","value":"decidingBody"}},{"kind":"Field","name":{"kind":"Name","value":"consultedCouncils"}},{"kind":"Field","name":{"kind":"Name","value":"informed"}},{"kind":"Field","name":{"kind":"Name","value":"voteMethod"}},{"kind":"Field","name":{"kind":"Name","value":"allowedVoteMethods"}},{"kind":"Field","name":{"kind":"Name","value":"competingOptionsMethod"}},{"kind":"Field","name":{"kind":"Name","value":"allowedCompetingOptionsMethods"}},{"kind":"Field","name":{"kind":"Name","value":"threshold"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"numerator"}},{"kind":"Field","name":{"kind":"Name","value":"denominator"}}]}},{"kind":"Field","name":{"kind":"Name","value":"thresholdBase"}},{"kind":"Field","name":{"kind":"Name","value":"thresholdComparison"}},{"kind":"Field","name":{"kind":"Name","value":"quorum"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"ratio"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"numerator"}},{"kind":"Field","name":{"kind":"Name","value":"denominator"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"secrecy"}},{"kind":"Field","name":{"kind":"Name","value":"collegeWeighting"}},{"kind":"Field","name":{"kind":"Name","value":"minNoticeDays"}},{"kind":"Field","name":{"kind":"Name","value":"minConsultationDays"}},{"kind":"Field","name":{"kind":"Name","value":"minDeliberationDays"}},{"kind":"Field","name":{"kind":"Name","value":"minVotingDays"}}]}}]}}]}}]} as unknown as DocumentNode<CharterQuery, CharterQueryVariables>;
export const ConveneCouncilsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConveneCouncils"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"councils"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"nameFr"}},{"kind":"Field","name":{"kind":"Name","value":"nameEn"}}]}}]}}]} as unknown as DocumentNode<ConveneCouncilsQuery, ConveneCouncilsQueryVariables>;
export const ConveneAssemblyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConveneAssembly"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ConveneAssemblyInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"conveneAssembly"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<ConveneAssemblyMutation, ConveneAssemblyMutationVariables>;
export const CouncilsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Councils"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"councils"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"nameFr"}},{"kind":"Field","name":{"kind":"Name","value":"nameEn"}},{"kind":"Field","name":{"kind":"Name","value":"seats"}},{"kind":"Field","name":{"kind":"Name","value":"termMonths"}},{"kind":"Field","name":{"kind":"Name","value":"chairMemberId"}},{"kind":"Field","name":{"kind":"Name","value":"eligibility"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"minAge"}},{"kind":"Field","name":{"kind":"Name","value":"maxAge"}},{"kind":"Field","name":{"kind":"Name","value":"regions"}},{"kind":"Field","name":{"kind":"Name","value":"requiresApprovedPractice"}}]}},{"kind":"Field","name":{"kind":"Name","value":"members"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"memberId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"appliedAt"}},{"kind":"Field","name":{"kind":"Name","value":"declaredPractice"}}]}}]}}]}}]} as unknown as DocumentNode<CouncilsQuery, CouncilsQueryVariables>;
export const ApplyToCouncilDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ApplyToCouncil"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ApplyToCouncilInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"applyToCouncil"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<ApplyToCouncilMutation, ApplyToCouncilMutationVariables>;
export const DecideCouncilSeatDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DecideCouncilSeat"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DecideCouncilSeatInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"decideCouncilSeat"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<DecideCouncilSeatMutation, DecideCouncilSeatMutationVariables>;
export const CouncilProposalsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CouncilProposals"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"councilId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UUID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"proposals"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}},{"kind":"Argument","name":{"kind":"Name","value":"councilId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"councilId"}}},{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"EnumValue","value":"Consultation"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"consultationEndsAt"}}]}}]}}]}}]}}]} as unknown as DocumentNode<CouncilProposalsQuery, CouncilProposalsQueryVariables>;
export const ParticipationDashboardDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ParticipationDashboard"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"period"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ReportPeriodInput"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"participationReport"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"period"},"value":{"kind":"Variable","name":{"kind":"Name","value":"period"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"voteCount"}},{"kind":"Field","name":{"kind":"Name","value":"voters"}},{"kind":"Field","name":{"kind":"Name","value":"eligible"}},{"kind":"Field","name":{"kind":"Name","value":"turnout"}},{"kind":"Field","name":{"kind":"Name","value":"overTime"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"month"}},{"kind":"Field","name":{"kind":"Name","value":"votes"}},{"kind":"Field","name":{"kind":"Name","value":"voters"}},{"kind":"Field","name":{"kind":"Name","value":"eligible"}},{"kind":"Field","name":{"kind":"Name","value":"turnout"}}]}}]}}]}}]} as unknown as DocumentNode<ParticipationDashboardQuery, ParticipationDashboardQueryVariables>;
export const ParticipationVotesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ParticipationVotes"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"period"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ReportPeriodInput"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"participationReport"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"period"},"value":{"kind":"Variable","name":{"kind":"Name","value":"period"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"votes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"voteId"}},{"kind":"Field","name":{"kind":"Name","value":"titleFr"}},{"kind":"Field","name":{"kind":"Name","value":"titleEn"}},{"kind":"Field","name":{"kind":"Name","value":"closesAt"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"eligible"}},{"kind":"Field","name":{"kind":"Name","value":"voters"}},{"kind":"Field","name":{"kind":"Name","value":"turnout"}},{"kind":"Field","name":{"kind":"Name","value":"quorumRequired"}},{"kind":"Field","name":{"kind":"Name","value":"quorumMargin"}},{"kind":"Field","name":{"kind":"Name","value":"quorumMet"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ParticipationVotesQuery, ParticipationVotesQueryVariables>;
export const CampaignDashboardDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CampaignDashboard"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"fiscalYear"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"campaignReport"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"fiscalYear"},"value":{"kind":"Variable","name":{"kind":"Name","value":"fiscalYear"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fiscalYear"}},{"kind":"Field","name":{"kind":"Name","value":"campaign"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"targetCents"}},{"kind":"Field","name":{"kind":"Name","value":"callCount"}},{"kind":"Field","name":{"kind":"Name","value":"calledCents"}},{"kind":"Field","name":{"kind":"Name","value":"receivedCents"}},{"kind":"Field","name":{"kind":"Name","value":"paidCents"}},{"kind":"Field","name":{"kind":"Name","value":"outstandingCents"}},{"kind":"Field","name":{"kind":"Name","value":"waivedCents"}},{"kind":"Field","name":{"kind":"Name","value":"creditCents"}},{"kind":"Field","name":{"kind":"Name","value":"inKindCents"}},{"kind":"Field","name":{"kind":"Name","value":"reconciliation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reconciles"}}]}},{"kind":"Field","name":{"kind":"Name","value":"byCategory"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organisationCategory"}},{"kind":"Field","name":{"kind":"Name","value":"calledCents"}},{"kind":"Field","name":{"kind":"Name","value":"paidCents"}},{"kind":"Field","name":{"kind":"Name","value":"outstandingCents"}},{"kind":"Field","name":{"kind":"Name","value":"waivedCents"}}]}},{"kind":"Field","name":{"kind":"Name","value":"byRegion"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"region"}},{"kind":"Field","name":{"kind":"Name","value":"calledCents"}},{"kind":"Field","name":{"kind":"Name","value":"paidCents"}},{"kind":"Field","name":{"kind":"Name","value":"outstandingCents"}},{"kind":"Field","name":{"kind":"Name","value":"waivedCents"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"inKindByCategory"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"labelFr"}},{"kind":"Field","name":{"kind":"Name","value":"labelEn"}},{"kind":"Field","name":{"kind":"Name","value":"valueCents"}},{"kind":"Field","name":{"kind":"Name","value":"contributions"}}]}},{"kind":"Field","name":{"kind":"Name","value":"largestArrears"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"callId"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"reference"}},{"kind":"Field","name":{"kind":"Name","value":"dueOn"}},{"kind":"Field","name":{"kind":"Name","value":"calledCents"}},{"kind":"Field","name":{"kind":"Name","value":"outstandingCents"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]} as unknown as DocumentNode<CampaignDashboardQuery, CampaignDashboardQueryVariables>;
export const MembershipDashboardDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MembershipDashboard"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"period"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ReportPeriodInput"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"membershipReport"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"period"},"value":{"kind":"Variable","name":{"kind":"Name","value":"period"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"activeAtStart"}},{"kind":"Field","name":{"kind":"Name","value":"activeAtEnd"}},{"kind":"Field","name":{"kind":"Name","value":"joined"}},{"kind":"Field","name":{"kind":"Name","value":"resigned"}},{"kind":"Field","name":{"kind":"Name","value":"byKind"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"labelFr"}},{"kind":"Field","name":{"kind":"Name","value":"labelEn"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}},{"kind":"Field","name":{"kind":"Name","value":"byCollege"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"labelFr"}},{"kind":"Field","name":{"kind":"Name","value":"labelEn"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}},{"kind":"Field","name":{"kind":"Name","value":"byCategory"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"labelFr"}},{"kind":"Field","name":{"kind":"Name","value":"labelEn"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}},{"kind":"Field","name":{"kind":"Name","value":"byRegion"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"labelFr"}},{"kind":"Field","name":{"kind":"Name","value":"labelEn"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}},{"kind":"Field","name":{"kind":"Name","value":"byAgeBand"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"labelFr"}},{"kind":"Field","name":{"kind":"Name","value":"labelEn"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}},{"kind":"Field","name":{"kind":"Name","value":"overTime"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"month"}},{"kind":"Field","name":{"kind":"Name","value":"joined"}},{"kind":"Field","name":{"kind":"Name","value":"resigned"}},{"kind":"Field","name":{"kind":"Name","value":"suspended"}},{"kind":"Field","name":{"kind":"Name","value":"reinstated"}}]}}]}}]}}]} as unknown as DocumentNode<MembershipDashboardQuery, MembershipDashboardQueryVariables>;
export const CouncilsDashboardDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CouncilsDashboard"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"period"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ReportPeriodInput"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"councilsReport"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"period"},"value":{"kind":"Variable","name":{"kind":"Name","value":"period"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"councils"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"councilId"}},{"kind":"Field","name":{"kind":"Name","value":"nameFr"}},{"kind":"Field","name":{"kind":"Name","value":"nameEn"}},{"kind":"Field","name":{"kind":"Name","value":"seats"}},{"kind":"Field","name":{"kind":"Name","value":"members"}},{"kind":"Field","name":{"kind":"Name","value":"vacancies"}},{"kind":"Field","name":{"kind":"Name","value":"dissolvedAt"}},{"kind":"Field","name":{"kind":"Name","value":"pendingApplications"}},{"kind":"Field","name":{"kind":"Name","value":"eligiblePool"}},{"kind":"Field","name":{"kind":"Name","value":"consultationsReceived"}},{"kind":"Field","name":{"kind":"Name","value":"answeredOnTime"}},{"kind":"Field","name":{"kind":"Name","value":"answeredLate"}},{"kind":"Field","name":{"kind":"Name","value":"notAnswered"}},{"kind":"Field","name":{"kind":"Name","value":"pending"}},{"kind":"Field","name":{"kind":"Name","value":"onTimeRate"}}]}}]}}]}}]} as unknown as DocumentNode<CouncilsDashboardQuery, CouncilsDashboardQueryVariables>;
export const DecisionRegisterDashboardDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DecisionRegisterDashboard"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"period"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ReportPeriodInput"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"decisionRegister"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"period"},"value":{"kind":"Variable","name":{"kind":"Name","value":"period"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"decisions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"titleFr"}},{"kind":"Field","name":{"kind":"Name","value":"titleEn"}},{"kind":"Field","name":{"kind":"Name","value":"decisionType"}},{"kind":"Field","name":{"kind":"Name","value":"decidingBody"}},{"kind":"Field","name":{"kind":"Name","value":"decidedAt"}},{"kind":"Field","name":{"kind":"Name","value":"result"}},{"kind":"Field","name":{"kind":"Name","value":"voters"}},{"kind":"Field","name":{"kind":"Name","value":"eligible"}},{"kind":"Field","name":{"kind":"Name","value":"quorumMet"}},{"kind":"Field","name":{"kind":"Name","value":"proposalId"}},{"kind":"Field","name":{"kind":"Name","value":"voteId"}}]}}]}}]}}]} as unknown as DocumentNode<DecisionRegisterDashboardQuery, DecisionRegisterDashboardQueryVariables>;
export const PipelineDashboardDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PipelineDashboard"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"period"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ReportPeriodInput"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"proposalPipeline"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"period"},"value":{"kind":"Variable","name":{"kind":"Name","value":"period"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"byStatus"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"labelFr"}},{"kind":"Field","name":{"kind":"Name","value":"labelEn"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}},{"kind":"Field","name":{"kind":"Name","value":"timeInPhase"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"phase"}},{"kind":"Field","name":{"kind":"Name","value":"labelFr"}},{"kind":"Field","name":{"kind":"Name","value":"labelEn"}},{"kind":"Field","name":{"kind":"Name","value":"medianDays"}},{"kind":"Field","name":{"kind":"Name","value":"p90Days"}},{"kind":"Field","name":{"kind":"Name","value":"proposals"}}]}},{"kind":"Field","name":{"kind":"Name","value":"expiredInitiatives"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"proposalId"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"cosignatures"}},{"kind":"Field","name":{"kind":"Name","value":"required"}}]}}]}}]}}]} as unknown as DocumentNode<PipelineDashboardQuery, PipelineDashboardQueryVariables>;
export const VolunteersDashboardDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"VolunteersDashboard"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"period"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ReportPeriodInput"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"volunteerReport"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"period"},"value":{"kind":"Variable","name":{"kind":"Name","value":"period"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"volunteers"}},{"kind":"Field","name":{"kind":"Name","value":"contributions"}},{"kind":"Field","name":{"kind":"Name","value":"hours"}},{"kind":"Field","name":{"kind":"Name","value":"valueCents"}},{"kind":"Field","name":{"kind":"Name","value":"byActivity"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"labelFr"}},{"kind":"Field","name":{"kind":"Name","value":"labelEn"}},{"kind":"Field","name":{"kind":"Name","value":"hours"}},{"kind":"Field","name":{"kind":"Name","value":"valueCents"}}]}},{"kind":"Field","name":{"kind":"Name","value":"byCouncil"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"labelFr"}},{"kind":"Field","name":{"kind":"Name","value":"labelEn"}},{"kind":"Field","name":{"kind":"Name","value":"hours"}},{"kind":"Field","name":{"kind":"Name","value":"valueCents"}}]}},{"kind":"Field","name":{"kind":"Name","value":"thanked"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"hours"}}]}}]}}]}}]} as unknown as DocumentNode<VolunteersDashboardQuery, VolunteersDashboardQueryVariables>;
export const HomeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Home"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"proposals"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}},{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"EnumValue","value":"Consultation"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"consultations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"councilId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"dueAt"}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"votes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}},{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"EnumValue","value":"Open"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"titleFr"}},{"kind":"Field","name":{"kind":"Name","value":"titleEn"}},{"kind":"Field","name":{"kind":"Name","value":"closesAt"}},{"kind":"Field","name":{"kind":"Name","value":"myParticipation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"onRoll"}},{"kind":"Field","name":{"kind":"Name","value":"voted"}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"assemblies"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"10"}},{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"EnumValue","value":"Convened"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"titleFr"}},{"kind":"Field","name":{"kind":"Name","value":"titleEn"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"startsAt"}},{"kind":"Field","name":{"kind":"Name","value":"endsAt"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"myNotifications"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}},{"kind":"Argument","name":{"kind":"Name","value":"unreadOnly"},"value":{"kind":"BooleanValue","value":true}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"councils"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"nameFr"}},{"kind":"Field","name":{"kind":"Name","value":"nameEn"}},{"kind":"Field","name":{"kind":"Name","value":"chairMemberId"}},{"kind":"Field","name":{"kind":"Name","value":"members"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"memberId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]} as unknown as DocumentNode<HomeQuery, HomeQueryVariables>;
export const MarkNotificationsReadDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"MarkNotificationsRead"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"MarkNotificationsReadInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"markNotificationsRead"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}]}]}}]} as unknown as DocumentNode<MarkNotificationsReadMutation, MarkNotificationsReadMutationVariables>;
export const MembersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Members"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"search"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"status"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"MemberStatus"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"members"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"search"},"value":{"kind":"Variable","name":{"kind":"Name","value":"search"}}},{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"Variable","name":{"kind":"Name","value":"status"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"endCursor"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"region"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]}}]} as unknown as DocumentNode<MembersQuery, MembersQueryVariables>;
export const ImportMembersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ImportMembers"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ImportMembersInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"importMembers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"imported"}},{"kind":"Field","name":{"kind":"Name","value":"invited"}}]}}]}}]} as unknown as DocumentNode<ImportMembersMutation, ImportMembersMutationVariables>;
export const ModerationQueueDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ModerationQueue"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"moderationQueue"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"flaggedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"argument"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"proposalId"}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"hidden"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"author"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ModerationQueueQuery, ModerationQueueQueryVariables>;
export const ResolveFlagDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ResolveFlag"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ResolveFlagInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resolveFlag"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"hidden"}},{"kind":"Field","name":{"kind":"Name","value":"hiddenReason"}},{"kind":"Field","name":{"kind":"Name","value":"moderatorNote"}}]}}]}}]} as unknown as DocumentNode<ResolveFlagMutation, ResolveFlagMutationVariables>;
export const MyContributionsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MyContributions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"myContributionCalls"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"reference"}},{"kind":"Field","name":{"kind":"Name","value":"dueOn"}},{"kind":"Field","name":{"kind":"Name","value":"amountCents"}},{"kind":"Field","name":{"kind":"Name","value":"paidCents"}},{"kind":"Field","name":{"kind":"Name","value":"outstandingCents"}},{"kind":"Field","name":{"kind":"Name","value":"waivedCents"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"myContributionCredit"}},{"kind":"Field","name":{"kind":"Name","value":"myInKindContributions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"activity"}},{"kind":"Field","name":{"kind":"Name","value":"performedOn"}},{"kind":"Field","name":{"kind":"Name","value":"minutes"}},{"kind":"Field","name":{"kind":"Name","value":"valueCents"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"decisionReason"}}]}}]}}]}}]}}]} as unknown as DocumentNode<MyContributionsQuery, MyContributionsQueryVariables>;
export const RecordVolunteerHoursDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RecordVolunteerHours"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RecordVolunteerHoursInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordVolunteerHours"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<RecordVolunteerHoursMutation, RecordVolunteerHoursMutationVariables>;
export const NotificationPreferencesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"NotificationPreferences"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"myNotificationPreferences"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"emailDisabledKinds"}},{"kind":"Field","name":{"kind":"Name","value":"emailDigest"}}]}}]}}]} as unknown as DocumentNode<NotificationPreferencesQuery, NotificationPreferencesQueryVariables>;
export const UpdateNotificationPreferencesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateNotificationPreferences"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"NotificationPreferencesInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateNotificationPreferences"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"emailDisabledKinds"}},{"kind":"Field","name":{"kind":"Name","value":"emailDigest"}}]}}]}}]} as unknown as DocumentNode<UpdateNotificationPreferencesMutation, UpdateNotificationPreferencesMutationVariables>;
export const DraftProposalDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DraftProposal"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DraftProposalInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"draftProposal"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<DraftProposalMutation, DraftProposalMutationVariables>;
export const DraftBoardProposalDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DraftBoardProposal"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DraftProposalInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"draftBoardProposal"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<DraftBoardProposalMutation, DraftBoardProposalMutationVariables>;
export const ProposalPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ProposalPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UUID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"proposal"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"decisionType"}},{"kind":"Field","name":{"kind":"Name","value":"charterChange"}},{"kind":"Field","name":{"kind":"Name","value":"renderedBody"}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"authorMemberId"}},{"kind":"Field","name":{"kind":"Name","value":"currentVersion"}},{"kind":"Field","name":{"kind":"Name","value":"amendments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"rationale"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"baseVersion"}},{"kind":"Field","name":{"kind":"Name","value":"resultingVersion"}},{"kind":"Field","name":{"kind":"Name","value":"voteId"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"submittedAt"}},{"kind":"Field","name":{"kind":"Name","value":"consultationEndsAt"}},{"kind":"Field","name":{"kind":"Name","value":"deliberationEndsAt"}},{"kind":"Field","name":{"kind":"Name","value":"votingOpensAt"}},{"kind":"Field","name":{"kind":"Name","value":"votingClosesAt"}},{"kind":"Field","name":{"kind":"Name","value":"author"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"versions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"decisionRights"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"charterVersion"}},{"kind":"Field","name":{"kind":"Name","value":"decides"}},{"kind":"Field","name":{"kind":"Name","value":"deliberates"}},{"kind":"Field","name":{"kind":"Name","value":"informed"}},{"kind":"Field","name":{"kind":"Name","value":"consulted"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"councilCode"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"dueAt"}},{"kind":"Field","name":{"kind":"Name","value":"council"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nameFr"}},{"kind":"Field","name":{"kind":"Name","value":"nameEn"}}]}},{"kind":"Field","name":{"kind":"Name","value":"opinion"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"position"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"votesFor"}},{"kind":"Field","name":{"kind":"Name","value":"votesAgainst"}},{"kind":"Field","name":{"kind":"Name","value":"votesAbstain"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"rule"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"voteMethod"}},{"kind":"Field","name":{"kind":"Name","value":"secrecy"}},{"kind":"Field","name":{"kind":"Name","value":"thresholdComparison"}},{"kind":"Field","name":{"kind":"Name","value":"thresholdBase"}},{"kind":"Field","name":{"kind":"Name","value":"threshold"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"numerator"}},{"kind":"Field","name":{"kind":"Name","value":"denominator"}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"votes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"5"}},{"kind":"Argument","name":{"kind":"Name","value":"subjectType"},"value":{"kind":"EnumValue","value":"Proposal"}},{"kind":"Argument","name":{"kind":"Name","value":"subjectId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ProposalPageQuery, ProposalPageQueryVariables>;
export const ProposalsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Proposals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"proposals"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"decisionType"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ProposalsQuery, ProposalsQueryVariables>;
export const LoginDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"Login"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"LoginInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"login"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SessionPayload"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SessionAccount"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Account"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"locale"}},{"kind":"Field","name":{"kind":"Name","value":"roles"}},{"kind":"Field","name":{"kind":"Name","value":"member"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SessionPayload"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AuthPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accessToken"}},{"kind":"Field","name":{"kind":"Name","value":"refreshToken"}},{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SessionAccount"}}]}}]}}]} as unknown as DocumentNode<LoginMutation, LoginMutationVariables>;
export const ImportBankStatementDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ImportBankStatement"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ImportBankStatementInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"importBankStatement"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"fileName"}},{"kind":"Field","name":{"kind":"Name","value":"rowCount"}},{"kind":"Field","name":{"kind":"Name","value":"totalCents"}},{"kind":"Field","name":{"kind":"Name","value":"matchedCount"}},{"kind":"Field","name":{"kind":"Name","value":"matchedCents"}}]}}]}}]} as unknown as DocumentNode<ImportBankStatementMutation, ImportBankStatementMutationVariables>;
export const UnmatchedBankRowsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"UnmatchedBankRows"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"unmatchedBankRows"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"rowNumber"}},{"kind":"Field","name":{"kind":"Name","value":"bookedOn"}},{"kind":"Field","name":{"kind":"Name","value":"amountCents"}},{"kind":"Field","name":{"kind":"Name","value":"reference"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}}]}}]} as unknown as DocumentNode<UnmatchedBankRowsQuery, UnmatchedBankRowsQueryVariables>;
export const OpenContributionCallsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OpenContributionCalls"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"contributionCalls"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"reference"}},{"kind":"Field","name":{"kind":"Name","value":"memberName"}},{"kind":"Field","name":{"kind":"Name","value":"outstandingCents"}}]}}]}}]}}]}}]} as unknown as DocumentNode<OpenContributionCallsQuery, OpenContributionCallsQueryVariables>;
export const MatchBankImportRowDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"MatchBankImportRow"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"MatchBankRowInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"matchBankImportRow"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"reference"}},{"kind":"Field","name":{"kind":"Name","value":"memberName"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"outstandingCents"}}]}}]}}]} as unknown as DocumentNode<MatchBankImportRowMutation, MatchBankImportRowMutationVariables>;
export const TreasuryYearScalesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TreasuryYearScales"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"fiscalYear"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"contributionScales"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"fiscalYear"},"value":{"kind":"Variable","name":{"kind":"Name","value":"fiscalYear"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<TreasuryYearScalesQuery, TreasuryYearScalesQueryVariables>;
export const TreasuryCallsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TreasuryCalls"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"scaleId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"UUID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"status"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ContributionCallStatus"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"contributionCalls"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"scaleId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"scaleId"}}},{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"Variable","name":{"kind":"Name","value":"status"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TreasuryCall"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TreasuryCall"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ContributionCall"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"reference"}},{"kind":"Field","name":{"kind":"Name","value":"memberName"}},{"kind":"Field","name":{"kind":"Name","value":"dueOn"}},{"kind":"Field","name":{"kind":"Name","value":"amountCents"}},{"kind":"Field","name":{"kind":"Name","value":"paidCents"}},{"kind":"Field","name":{"kind":"Name","value":"outstandingCents"}},{"kind":"Field","name":{"kind":"Name","value":"waivedCents"}},{"kind":"Field","name":{"kind":"Name","value":"creditCents"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"waiverBoardDecision"}},{"kind":"Field","name":{"kind":"Name","value":"waiverReason"}},{"kind":"Field","name":{"kind":"Name","value":"payments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"amountCents"}},{"kind":"Field","name":{"kind":"Name","value":"method"}},{"kind":"Field","name":{"kind":"Name","value":"paidOn"}},{"kind":"Field","name":{"kind":"Name","value":"reference"}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"reversesPaymentId"}}]}}]}}]} as unknown as DocumentNode<TreasuryCallsQuery, TreasuryCallsQueryVariables>;
export const RecordContributionPaymentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RecordContributionPayment"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RecordPaymentInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordContributionPayment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TreasuryCall"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TreasuryCall"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ContributionCall"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"reference"}},{"kind":"Field","name":{"kind":"Name","value":"memberName"}},{"kind":"Field","name":{"kind":"Name","value":"dueOn"}},{"kind":"Field","name":{"kind":"Name","value":"amountCents"}},{"kind":"Field","name":{"kind":"Name","value":"paidCents"}},{"kind":"Field","name":{"kind":"Name","value":"outstandingCents"}},{"kind":"Field","name":{"kind":"Name","value":"waivedCents"}},{"kind":"Field","name":{"kind":"Name","value":"creditCents"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"waiverBoardDecision"}},{"kind":"Field","name":{"kind":"Name","value":"waiverReason"}},{"kind":"Field","name":{"kind":"Name","value":"payments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"amountCents"}},{"kind":"Field","name":{"kind":"Name","value":"method"}},{"kind":"Field","name":{"kind":"Name","value":"paidOn"}},{"kind":"Field","name":{"kind":"Name","value":"reference"}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"reversesPaymentId"}}]}}]}}]} as unknown as DocumentNode<RecordContributionPaymentMutation, RecordContributionPaymentMutationVariables>;
export const ReverseContributionPaymentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ReverseContributionPayment"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ReversePaymentInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reverseContributionPayment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TreasuryCall"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TreasuryCall"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ContributionCall"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"reference"}},{"kind":"Field","name":{"kind":"Name","value":"memberName"}},{"kind":"Field","name":{"kind":"Name","value":"dueOn"}},{"kind":"Field","name":{"kind":"Name","value":"amountCents"}},{"kind":"Field","name":{"kind":"Name","value":"paidCents"}},{"kind":"Field","name":{"kind":"Name","value":"outstandingCents"}},{"kind":"Field","name":{"kind":"Name","value":"waivedCents"}},{"kind":"Field","name":{"kind":"Name","value":"creditCents"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"waiverBoardDecision"}},{"kind":"Field","name":{"kind":"Name","value":"waiverReason"}},{"kind":"Field","name":{"kind":"Name","value":"payments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"amountCents"}},{"kind":"Field","name":{"kind":"Name","value":"method"}},{"kind":"Field","name":{"kind":"Name","value":"paidOn"}},{"kind":"Field","name":{"kind":"Name","value":"reference"}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"reversesPaymentId"}}]}}]}}]} as unknown as DocumentNode<ReverseContributionPaymentMutation, ReverseContributionPaymentMutationVariables>;
export const WaiveContributionCallDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"WaiveContributionCall"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"WaiveCallInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"waiveContributionCall"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TreasuryCall"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TreasuryCall"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ContributionCall"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"reference"}},{"kind":"Field","name":{"kind":"Name","value":"memberName"}},{"kind":"Field","name":{"kind":"Name","value":"dueOn"}},{"kind":"Field","name":{"kind":"Name","value":"amountCents"}},{"kind":"Field","name":{"kind":"Name","value":"paidCents"}},{"kind":"Field","name":{"kind":"Name","value":"outstandingCents"}},{"kind":"Field","name":{"kind":"Name","value":"waivedCents"}},{"kind":"Field","name":{"kind":"Name","value":"creditCents"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"waiverBoardDecision"}},{"kind":"Field","name":{"kind":"Name","value":"waiverReason"}},{"kind":"Field","name":{"kind":"Name","value":"payments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"amountCents"}},{"kind":"Field","name":{"kind":"Name","value":"method"}},{"kind":"Field","name":{"kind":"Name","value":"paidOn"}},{"kind":"Field","name":{"kind":"Name","value":"reference"}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"reversesPaymentId"}}]}}]}}]} as unknown as DocumentNode<WaiveContributionCallMutation, WaiveContributionCallMutationVariables>;
export const TreasuryScaleDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TreasuryScale"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UUID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"contributionScale"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"fiscalYear"}},{"kind":"Field","name":{"kind":"Name","value":"fiscalYearStartsOn"}},{"kind":"Field","name":{"kind":"Name","value":"dueOn"}},{"kind":"Field","name":{"kind":"Name","value":"campaignTargetCents"}},{"kind":"Field","name":{"kind":"Name","value":"individualDuesCents"}},{"kind":"Field","name":{"kind":"Name","value":"prorationRule"}},{"kind":"Field","name":{"kind":"Name","value":"proposalId"}},{"kind":"Field","name":{"kind":"Name","value":"submittedAt"}},{"kind":"Field","name":{"kind":"Name","value":"tiers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organisationCategory"}},{"kind":"Field","name":{"kind":"Name","value":"sizeBand"}},{"kind":"Field","name":{"kind":"Name","value":"amountCents"}}]}}]}}]}}]} as unknown as DocumentNode<TreasuryScaleQuery, TreasuryScaleQueryVariables>;
export const TreasuryScaleSimulationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TreasuryScaleSimulation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UUID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"contributionScaleSimulation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"scaleId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organisationCount"}},{"kind":"Field","name":{"kind":"Name","value":"totalCents"}},{"kind":"Field","name":{"kind":"Name","value":"campaignTargetCents"}},{"kind":"Field","name":{"kind":"Name","value":"uncoveredOrganisationCount"}},{"kind":"Field","name":{"kind":"Name","value":"individualMemberCount"}},{"kind":"Field","name":{"kind":"Name","value":"individualDuesTotalCents"}},{"kind":"Field","name":{"kind":"Name","value":"byTier"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organisationCategory"}},{"kind":"Field","name":{"kind":"Name","value":"sizeBand"}},{"kind":"Field","name":{"kind":"Name","value":"tierAmountCents"}},{"kind":"Field","name":{"kind":"Name","value":"organisationCount"}},{"kind":"Field","name":{"kind":"Name","value":"totalCents"}}]}},{"kind":"Field","name":{"kind":"Name","value":"byCategory"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organisationCategory"}},{"kind":"Field","name":{"kind":"Name","value":"organisationCount"}},{"kind":"Field","name":{"kind":"Name","value":"totalCents"}}]}},{"kind":"Field","name":{"kind":"Name","value":"byRegion"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"region"}},{"kind":"Field","name":{"kind":"Name","value":"organisationCount"}},{"kind":"Field","name":{"kind":"Name","value":"totalCents"}}]}}]}}]}}]} as unknown as DocumentNode<TreasuryScaleSimulationQuery, TreasuryScaleSimulationQueryVariables>;
export const UpdateContributionScaleDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateContributionScale"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateContributionScaleInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateContributionScale"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"fiscalYear"}},{"kind":"Field","name":{"kind":"Name","value":"fiscalYearStartsOn"}},{"kind":"Field","name":{"kind":"Name","value":"dueOn"}},{"kind":"Field","name":{"kind":"Name","value":"campaignTargetCents"}},{"kind":"Field","name":{"kind":"Name","value":"individualDuesCents"}},{"kind":"Field","name":{"kind":"Name","value":"prorationRule"}},{"kind":"Field","name":{"kind":"Name","value":"tiers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organisationCategory"}},{"kind":"Field","name":{"kind":"Name","value":"sizeBand"}},{"kind":"Field","name":{"kind":"Name","value":"amountCents"}}]}}]}}]}}]} as unknown as DocumentNode<UpdateContributionScaleMutation, UpdateContributionScaleMutationVariables>;
export const SubmitContributionScaleDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SubmitContributionScale"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UUID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"submitContributionScale"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"scaleId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"proposalId"}},{"kind":"Field","name":{"kind":"Name","value":"submittedAt"}}]}}]}}]} as unknown as DocumentNode<SubmitContributionScaleMutation, SubmitContributionScaleMutationVariables>;
export const TreasuryScalesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TreasuryScales"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"fiscalYear"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"contributionScales"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"fiscalYear"},"value":{"kind":"Variable","name":{"kind":"Name","value":"fiscalYear"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"fiscalYear"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"dueOn"}},{"kind":"Field","name":{"kind":"Name","value":"campaignTargetCents"}},{"kind":"Field","name":{"kind":"Name","value":"tiers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amountCents"}}]}}]}}]}}]} as unknown as DocumentNode<TreasuryScalesQuery, TreasuryScalesQueryVariables>;
export const SubmitCompetingContributionScalesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SubmitCompetingContributionScales"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SubmitCompetingScalesInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"submitCompetingContributionScales"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"proposalId"}}]}}]}}]} as unknown as DocumentNode<SubmitCompetingContributionScalesMutation, SubmitCompetingContributionScalesMutationVariables>;
export const DraftContributionScaleDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DraftContributionScale"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ContributionScaleInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"draftContributionScale"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<DraftContributionScaleMutation, DraftContributionScaleMutationVariables>;
export const VotePageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"VotePage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"voteId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UUID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"vote"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"voteId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"titleFr"}},{"kind":"Field","name":{"kind":"Name","value":"titleEn"}},{"kind":"Field","name":{"kind":"Name","value":"method"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"secrecy"}},{"kind":"Field","name":{"kind":"Name","value":"collegeWeighting"}},{"kind":"Field","name":{"kind":"Name","value":"opensAt"}},{"kind":"Field","name":{"kind":"Name","value":"closesAt"}},{"kind":"Field","name":{"kind":"Name","value":"minSelections"}},{"kind":"Field","name":{"kind":"Name","value":"maxSelections"}},{"kind":"Field","name":{"kind":"Name","value":"options"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"labelFr"}},{"kind":"Field","name":{"kind":"Name","value":"labelEn"}}]}},{"kind":"Field","name":{"kind":"Name","value":"grades"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"labelFr"}},{"kind":"Field","name":{"kind":"Name","value":"labelEn"}}]}},{"kind":"Field","name":{"kind":"Name","value":"myParticipation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"onRoll"}},{"kind":"Field","name":{"kind":"Name","value":"voted"}}]}},{"kind":"Field","name":{"kind":"Name","value":"result"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"quorumMet"}},{"kind":"Field","name":{"kind":"Name","value":"eligible"}},{"kind":"Field","name":{"kind":"Name","value":"participations"}},{"kind":"Field","name":{"kind":"Name","value":"ballots"}},{"kind":"Field","name":{"kind":"Name","value":"winners"}},{"kind":"Field","name":{"kind":"Name","value":"details"}}]}}]}}]}}]} as unknown as DocumentNode<VotePageQuery, VotePageQueryVariables>;
export const VoteCollegesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"VoteColleges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"colleges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"nameFr"}},{"kind":"Field","name":{"kind":"Name","value":"nameEn"}}]}}]}}]} as unknown as DocumentNode<VoteCollegesQuery, VoteCollegesQueryVariables>;
export const CastBallotDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CastBallot"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CastBallotInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"castBallot"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"voteId"}},{"kind":"Field","name":{"kind":"Name","value":"receipt"}},{"kind":"Field","name":{"kind":"Name","value":"replaced"}}]}}]}}]} as unknown as DocumentNode<CastBallotMutation, CastBallotMutationVariables>;
export const CheckReceiptDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CheckReceipt"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"voteId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UUID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"receipt"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"checkReceipt"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"voteId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"voteId"}}},{"kind":"Argument","name":{"kind":"Name","value":"receipt"},"value":{"kind":"Variable","name":{"kind":"Name","value":"receipt"}}}]}]}}]} as unknown as DocumentNode<CheckReceiptQuery, CheckReceiptQueryVariables>;
export const VotesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Votes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"votes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"titleFr"}},{"kind":"Field","name":{"kind":"Name","value":"titleEn"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"opensAt"}},{"kind":"Field","name":{"kind":"Name","value":"closesAt"}},{"kind":"Field","name":{"kind":"Name","value":"myParticipation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"onRoll"}},{"kind":"Field","name":{"kind":"Name","value":"voted"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<VotesQuery, VotesQueryVariables>;
export const CouncilNamesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CouncilNames"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"councils"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"includeDissolved"},"value":{"kind":"BooleanValue","value":true}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"nameFr"}},{"kind":"Field","name":{"kind":"Name","value":"nameEn"}}]}}]}}]} as unknown as DocumentNode<CouncilNamesQuery, CouncilNamesQueryVariables>;