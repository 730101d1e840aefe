import { Injectable } from '@nestjs/common';
import { HandlesJob, JobHandler, JobName } from '@delibera/kernel';
import { VoteLifecycleService } from '../vote-lifecycle.service';

/** closesAt reached: close the vote if it is still open, due, and this job's version is current. */
@Injectable()
@HandlesJob(JobName.CloseVote)
export class CloseVoteHandler implements JobHandler<{ id: string; version: number }> {
  constructor(private readonly lifecycle: VoteLifecycleService) {}

  async handle(data: { id: string; version: number }): Promise<{ closed: boolean }> {
    return {
      closed: await this.lifecycle.close(data.id, { by: 'job', version: Number(data.version) }),
    };
  }
}
