import { Injectable } from '@nestjs/common';
import {
  deadlineJob,
  JobName,
  OverdueSource,
  quebecDate,
  ReconcilesOverdueWork,
  ScheduledJob,
} from '@delibera/kernel';
import { CallsService } from './calls.service';

/**
 * The contribution deadlines, read from PostgreSQL every reconcile interval:
 * calls past their due date (one job per scale and latest due date, so calls
 * of late admissions falling due later get their own job), and adopted
 * scales owing calls to organisations admitted since (the job id carries the
 * number of calls issued so far, so each new admission gets a fresh job).
 */
@Injectable()
@ReconcilesOverdueWork()
export class ContributionsOverdue implements OverdueSource {
  constructor(private readonly calls: CallsService) {}

  async overdue(now: Date): Promise<ScheduledJob[]> {
    const today = quebecDate(now);
    const [overdue, owing] = await Promise.all([
      this.calls.scalesWithOverdueCalls(today),
      this.calls.scalesOwingCalls(),
    ]);
    return [
      ...overdue.map(({ scaleId, dueOn }) =>
        deadlineJob({
          name: JobName.MarkContributionCallsOverdue,
          kind: 'contribution-scale',
          id: scaleId,
          transition: `overdue-${dueOn}`,
          version: 1,
          at: now,
        }),
      ),
      ...owing.map(({ scaleId, calls }) =>
        deadlineJob({
          name: JobName.IssueContributionCalls,
          kind: 'contribution-scale',
          id: scaleId,
          transition: 'issue-calls',
          version: calls,
          at: now,
        }),
      ),
    ];
  }
}
