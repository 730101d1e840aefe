import { Injectable } from '@nestjs/common';
import { HandlesJob, JobHandler, JobName } from '@delibera/kernel';
import { VoteLifecycleService } from '../vote-lifecycle.service';

/** A tallied secret vote's ballots are rewritten in random order, then published. Idempotent. */
@Injectable()
@HandlesJob(JobName.UnlinkBallots)
export class UnlinkBallotsHandler implements JobHandler<{ id: string }> {
  constructor(private readonly lifecycle: VoteLifecycleService) {}

  async handle(data: { id: string }): Promise<{ unlinked: boolean }> {
    return { unlinked: await this.lifecycle.unlinkBallots(data.id) };
  }
}
