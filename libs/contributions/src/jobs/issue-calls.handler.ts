import { Injectable } from '@nestjs/common';
import { HandlesJob, JobHandler, JobName } from '@delibera/kernel';
import { CallsService } from '../calls.service';

/**
 * Issues the calls an adopted scale still owes: organisations admitted after
 * adoption get their (pro-rated) call within one reconcile interval. Safe to
 * run any number of times: at most one call per (scale, member).
 */
@Injectable()
@HandlesJob(JobName.IssueContributionCalls)
export class IssueCallsHandler implements JobHandler<{ id: string }> {
  constructor(private readonly calls: CallsService) {}

  async handle(data: { id: string }): Promise<{ issued: number }> {
    return { issued: await this.calls.issueOutstanding(data.id) };
  }
}
