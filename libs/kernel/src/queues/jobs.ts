/**
 * Every BullMQ queue and job of Delibera, in one place. The worker refuses to
 * start unless each job name has exactly one handler (see JobRegistry).
 */
export enum QueueName {
  /** Dated transitions of every domain, and the reconciler that re-enqueues overdue ones. */
  Deadlines = 'deadlines',
  Notifications = 'notifications',
  /** The reports' summaries refreshed on an interval (a BullMQ job scheduler). */
  Reports = 'reports',
}

export enum JobName {
  /** Find overdue work in PostgreSQL and enqueue it again (at worker start and every interval). */
  ReconcileDeadlines = 'deadlines.reconcile',
  /** Drain the notification outbox: send or file each pending email. */
  DeliverNotifications = 'notifications.deliver',
  /** Email each member who chose a daily digest the notifications it holds (a BullMQ job scheduler). */
  SendNotificationDigests = 'notifications.digest',
  /** A scheduled vote reaches opensAt: freeze its roll and open it. */
  OpenVote = 'vote.open',
  /** An open vote reaches closesAt: close it (waiting for in-flight ballots) and enqueue the tally. */
  CloseVote = 'vote.close',
  /** A closed vote is counted and its result stored once. */
  TallyVote = 'vote.tally',
  /** A tallied secret vote's ballots are rewritten in random order, then published. */
  UnlinkBallots = 'vote.unlink-ballots',
  /** A vote's result (and, for a secret vote, its ballots) is out: its roll is told. */
  AnnounceVoteResult = 'vote.announce-result',
  /** A member initiative's co-signature period ended: it expires unless it reached its threshold. */
  ProposalSupportExpiry = 'proposals.support_expiry',
  /** A proposal's consultation is due: silent councils are recorded as not answering; deliberation opens. */
  ProposalConsultationDue = 'proposals.consultation_due',
  /** A reminder before a consultation is due, to the members of a council whose opinion is awaited. */
  RemindConsultation = 'proposals.consultation_reminder',
  /** A proposal's deliberation ended: it goes to the vote. */
  ProposalDeliberationEnd = 'proposals.deliberation_end',
  /** Issue the calls of an adopted contribution scale not issued yet (organisations admitted later). */
  IssueContributionCalls = 'contributions.issue-calls',
  /** Mark a scale's calls past their due date as overdue and remind the organisations. */
  MarkContributionCallsOverdue = 'contributions.mark-overdue',
  /** A reminder before a vote closes, to the members of its roll who have not voted yet. */
  RemindVote = 'vote.remind',
  /** Count the summaries the reports read where a live query would be too slow (open votes' cells…). */
  RefreshReports = 'reports.refresh',
}

export const QUEUE_OF_JOB: Record<JobName, QueueName> = {
  [JobName.ReconcileDeadlines]: QueueName.Deadlines,
  [JobName.DeliverNotifications]: QueueName.Notifications,
  [JobName.SendNotificationDigests]: QueueName.Notifications,
  [JobName.OpenVote]: QueueName.Deadlines,
  [JobName.CloseVote]: QueueName.Deadlines,
  [JobName.TallyVote]: QueueName.Deadlines,
  [JobName.UnlinkBallots]: QueueName.Deadlines,
  [JobName.AnnounceVoteResult]: QueueName.Deadlines,
  [JobName.ProposalSupportExpiry]: QueueName.Deadlines,
  [JobName.ProposalConsultationDue]: QueueName.Deadlines,
  [JobName.RemindConsultation]: QueueName.Deadlines,
  [JobName.ProposalDeliberationEnd]: QueueName.Deadlines,
  [JobName.IssueContributionCalls]: QueueName.Deadlines,
  [JobName.MarkContributionCallsOverdue]: QueueName.Deadlines,
  [JobName.RemindVote]: QueueName.Deadlines,
  [JobName.RefreshReports]: QueueName.Reports,
};

/** Job data carries ids only; handlers re-read the state they act on. */
export type JobData = Record<string, string | number | boolean | null>;
