import { Injectable } from '@nestjs/common';
import { HandlesJob, JobHandler, JobName } from '@delibera/kernel';
import { VoteLifecycleService } from '../vote-lifecycle.service';

/** opensAt reached: open the vote if it is still scheduled, due, and this job's version is current. */
@Injectable()
@HandlesJob(JobName.OpenVote)
export class OpenVoteHandler implements JobHandler<{ id: string; version: number }> {
  constructor(private readonly lifecycle: VoteLifecycleService) {}

  async handle(data: { id: string; version: number }): Promise<{ opened: boolean }> {
    return {
      opened: await this.lifecycle.open(data.id, { by: 'job', version: Number(data.version) }),
    };
  }
}
