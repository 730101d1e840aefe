import { Injectable } from '@nestjs/common';
import { HandlesJob, JobHandler, JobName } from '@delibera/kernel';
import { VoteLifecycleService } from '../vote-lifecycle.service';

/**
 * Counts a closed vote. Idempotent: a tallied vote keeps its one result. A
 * count mismatch throws, so the job fails loudly and stays for inspection.
 */
@Injectable()
@HandlesJob(JobName.TallyVote)
export class TallyVoteHandler implements JobHandler<{ id: string }> {
  constructor(private readonly lifecycle: VoteLifecycleService) {}

  async handle(data: { id: string }): Promise<{ resultHash: string | null }> {
    const result = await this.lifecycle.tally(data.id);
    return { resultHash: result?.hash ?? null };
  }
}
