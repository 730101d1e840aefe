import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  deadlineJob,
  JobData,
  JobName,
  JobScheduler,
  OverdueSource,
  ReconcilesOverdueWork,
  ScheduledJob,
} from '@delibera/kernel';
import { Proposal } from '../proposal.entity';
import { ProposalStatus } from '../proposal-status';

/** The dated transition a proposal waits for in each timed phase. */
const DEADLINES = [
  {
    status: ProposalStatus.Support,
    column: 'supportEndsAt',
    name: JobName.ProposalSupportExpiry,
    transition: 'support_expiry',
    at: (p: Proposal) => p.supportEndsAt,
  },
  {
    status: ProposalStatus.Consultation,
    column: 'consultationEndsAt',
    name: JobName.ProposalConsultationDue,
    transition: 'consultation_due',
    at: (p: Proposal) => p.consultationEndsAt,
  },
  {
    status: ProposalStatus.Deliberation,
    column: 'deliberationEndsAt',
    name: JobName.ProposalDeliberationEnd,
    transition: 'deliberation_end',
    at: (p: Proposal) => p.deliberationEndsAt,
  },
] as const;

/** What deadlineJob() puts in a proposal deadline's job data. */
export type ProposalDeadlineData = JobData & { id: string; version: number };

/**
 * Enqueues the deadline of a proposal's current phase, and tells the
 * reconciler which deadlines are overdue in PostgreSQL (the source of truth)
 * so a lost job delays a transition by one interval at most.
 */
@Injectable()
@ReconcilesOverdueWork()
export class ProposalDeadlines implements OverdueSource {
  private readonly logger = new Logger(ProposalDeadlines.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly scheduler: JobScheduler,
  ) {}

  /** The job for the proposal's current phase, if that phase ends at a date. */
  jobFor(proposal: Proposal): ScheduledJob | null {
    const deadline = DEADLINES.find((d) => d.status === proposal.status);
    const at = deadline?.at(proposal);
    if (!deadline || !at) return null;
    return deadlineJob({
      name: deadline.name,
      kind: 'proposal',
      id: proposal.id,
      transition: deadline.transition,
      version: proposal.scheduleVersion,
      at,
    });
  }

  /**
   * Called after the transaction that entered the phase committed. A failure
   * here is logged, not thrown: the change is committed and the reconciler
   * will enqueue the deadline from the database.
   */
  async schedule(proposal: Proposal): Promise<void> {
    const job = this.jobFor(proposal);
    if (!job) return;
    try {
      await this.scheduler.schedule(job);
    } catch (error) {
      this.logger.warn(`Could not schedule ${job.jobId}: ${(error as Error).message}`);
    }
  }

  async overdue(now: Date): Promise<ScheduledJob[]> {
    const due = await this.dataSource
      .getRepository(Proposal)
      .createQueryBuilder('p')
      .where(
        DEADLINES.map((d, i) => `(p.status = :status${i} AND p.${d.column} <= :now)`).join(' OR '),
        Object.fromEntries([['now', now], ...DEADLINES.map((d, i) => [`status${i}`, d.status])]),
      )
      .limit(1000)
      .getMany();
    return due.map((p) => this.jobFor(p)).filter((job): job is ScheduledJob => job !== null);
  }
}
