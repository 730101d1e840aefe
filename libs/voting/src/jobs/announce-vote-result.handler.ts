import { Injectable } from '@nestjs/common';
import { HandlesJob, JobHandler, JobName } from '@delibera/kernel';
import { VoteLifecycleService } from '../vote-lifecycle.service';

/** A tallied vote's roll is told the result is out (a secret vote's, once its ballots are). Idempotent. */
@Injectable()
@HandlesJob(JobName.AnnounceVoteResult)
export class AnnounceVoteResultHandler implements JobHandler<{ id: string }> {
  constructor(private readonly lifecycle: VoteLifecycleService) {}

  async handle(data: { id: string }): Promise<{ announced: boolean }> {
    return { announced: await this.lifecycle.announceResult(data.id) };
  }
}
