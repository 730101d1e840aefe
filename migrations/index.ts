import { Type } from '@nestjs/common';
import { MigrationInterface } from 'typeorm';
import { Foundation1795300000000 } from './1795300000000-foundation';
import { FoundingCharter1795300000001 } from './1795300000001-founding-charter';
import { NotificationInbox1795300000002 } from './1795300000002-notification-inbox';
import { CouncilSeats1795300000003 } from './1795300000003-council-seats';
import { AccountSessions1795300000004 } from './1795300000004-account-sessions';
import { Proposals1795300000100 } from './1795300000100-proposals';
import { ProposalLifecycle1795300000101 } from './1795300000101-proposal-lifecycle';
import { Deliberation1795300000200 } from './1795300000200-deliberation';
import { Votes1795300000300 } from './1795300000300-votes';
import { Assemblies1795300000400 } from './1795300000400-assemblies';
import { Contributions1795300000500 } from './1795300000500-contributions';
import { VoteReminders1795300000600 } from './1795300000600-vote-reminders';
import { OneVotePerProposal1795300000700 } from './1795300000700-one-vote-per-proposal';
import { VolunteerRecognitionConsent1795300000800 } from './1795300000800-volunteer-recognition-consent';
import { AuditPublication1795300000900 } from './1795300000900-audit-publication';
import { CouncilAndAmendmentVotes1795300001000 } from './1795300001000-council-and-amendment-votes';
import { CompetingScalesAndCredit1795300001100 } from './1795300001100-competing-scales-and-credit';
import { VoteLocalBallotKeys1795300001300 } from './1795300001300-vote-local-ballot-keys';
import { VoteBreakdown1795300001500 } from './1795300001500-vote-breakdown';
import { MemberStatusHistoryIndex1795300001600 } from './1795300001600-member-status-history-index';
import { CallReceived1795300001700 } from './1795300001700-call-received';
import { VoteBreakdownSnapshots1795300001710 } from './1795300001710-vote-breakdown-snapshots';
import { MembershipSnapshots1795300001720 } from './1795300001720-membership-snapshots';
import { BallotRetry1795300001900 } from './1795300001900-ballot-retry';
import { VoteBallotsUnlinked1795300001800 } from './1795300001800-vote-ballots-unlinked';
import { NotificationDigest1795300002000 } from './1795300002000-notification-digest';
import { ConsultationReminders1795300002600 } from './1795300002600-consultation-reminders';
import { VoteResultAnnounced1795300002700 } from './1795300002700-vote-result-announced';
import { CouncilDissolution1795300002800 } from './1795300002800-council-dissolution';
import { ProposalCharterChange1795300002900 } from './1795300002900-proposal-charter-change';

/** Every migration, in the order it runs. New migrations are appended. */
export const MIGRATIONS: Type<MigrationInterface>[] = [
  Foundation1795300000000,
  FoundingCharter1795300000001,
  NotificationInbox1795300000002,
  CouncilSeats1795300000003,
  AccountSessions1795300000004,
  Proposals1795300000100,
  ProposalLifecycle1795300000101,
  Deliberation1795300000200,
  Votes1795300000300,
  Assemblies1795300000400,
  Contributions1795300000500,
  VoteReminders1795300000600,
  OneVotePerProposal1795300000700,
  VolunteerRecognitionConsent1795300000800,
  AuditPublication1795300000900,
  CouncilAndAmendmentVotes1795300001000,
  CompetingScalesAndCredit1795300001100,
  VoteLocalBallotKeys1795300001300,
  VoteBreakdown1795300001500,
  MemberStatusHistoryIndex1795300001600,
  CallReceived1795300001700,
  VoteBreakdownSnapshots1795300001710,
  MembershipSnapshots1795300001720,
  BallotRetry1795300001900,
  VoteBallotsUnlinked1795300001800,
  NotificationDigest1795300002000,
  ConsultationReminders1795300002600,
  VoteResultAnnounced1795300002700,
  CouncilDissolution1795300002800,
  ProposalCharterChange1795300002900,
];
