import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  deadlineJob,
  deadlineJobId,
  JobName,
  OverdueSource,
  ReconcilesOverdueWork,
  ScheduledJob,
} from '@delibera/kernel';

/** The vote's fields a deadline job is built from. */
export interface VoteDeadlines {
  id: string;
  version: number;
  opensAt: Date;
  closesAt: Date;
}

/** The open and close jobs of a vote's current version: enqueue both whenever it is (re)scheduled. */
export function voteDeadlineJobs(vote: VoteDeadlines): ScheduledJob[] {
  const base = { kind: 'vote', id: vote.id, version: vote.version };
  return [
    deadlineJob({ ...base, name: JobName.OpenVote, transition: 'open', at: vote.opensAt }),
    deadlineJob({ ...base, name: JobName.CloseVote, transition: 'close', at: vote.closesAt }),
  ];
}

/** The id of a vote's close job for a version (see voteDeadlineJobs). */
export const closeJobId = (vote: { id: string; version: number }): string =>
  deadlineJobId({ kind: 'vote', id: vote.id, transition: 'close', version: vote.version });

export const tallyJob = (voteId: string): ScheduledJob => ({
  name: JobName.TallyVote,
  data: { id: voteId },
  jobId: `vote.${voteId}.tally`,
});

export const unlinkBallotsJob = (voteId: string): ScheduledJob => ({
  name: JobName.UnlinkBallots,
  data: { id: voteId },
  jobId: `vote.${voteId}.unlink-ballots`,
});

export const announceResultJob = (voteId: string): ScheduledJob => ({
  name: JobName.AnnounceVoteResult,
  data: { id: voteId },
  jobId: `vote.${voteId}.announce-result`,
});

/**
 * What PostgreSQL says is overdue: scheduled votes past opensAt, open votes
 * past closesAt, closed votes without a result, tallied secret votes whose
 * ballots are not unlinked yet, tallied votes not yet announced to their roll. The job ids are those of the
 * current version, so re-enqueueing a job still queued is a no-op.
 */
@Injectable()
@ReconcilesOverdueWork()
export class VotesOverdue implements OverdueSource {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async overdue(): Promise<ScheduledJob[]> {
    const rows = await this.dataSource.query<
      {
        id: string;
        version: number;
        status: string;
        opensAt: Date;
        closesAt: Date;
        secret: boolean;
        unlinked: boolean;
      }[]
    >(
      `SELECT id, version, status, opens_at AS "opensAt", closes_at AS "closesAt",
              secrecy = 'secret' AS secret, ballots_unlinked_at IS NOT NULL AS unlinked
         FROM vote
        WHERE (status = 'scheduled' AND opens_at <= now())
           OR (status = 'open' AND closes_at <= now())
           OR status = 'closed'
           OR (status = 'tallied' AND result_announced_at IS NULL)
        LIMIT 1000`,
    );
    return rows.map((row) => {
      if (row.status === 'closed') return tallyJob(row.id);
      if (row.status === 'tallied')
        return row.secret && !row.unlinked ? unlinkBallotsJob(row.id) : announceResultJob(row.id);
      const [open, close] = voteDeadlineJobs(row);
      return row.status === 'scheduled' ? open : close;
    });
  }
}
