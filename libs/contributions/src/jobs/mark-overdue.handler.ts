import { Injectable } from '@nestjs/common';
import { HandlesJob, JobHandler, JobName, quebecDate } from '@delibera/kernel';
import { CallsService } from '../calls.service';

/** Marks a scale's calls past due as overdue and reminds each organisation once. */
@Injectable()
@HandlesJob(JobName.MarkContributionCallsOverdue)
export class MarkOverdueHandler implements JobHandler<{ id: string }> {
  constructor(private readonly calls: CallsService) {}

  async handle(data: { id: string }): Promise<{ marked: number }> {
    return { marked: await this.calls.markOverdue(data.id, quebecDate()) };
  }
}
