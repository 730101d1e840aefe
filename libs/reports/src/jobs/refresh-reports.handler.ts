import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig, HandlesJob, JobHandler, JobName, JobScheduler } from '@delibera/kernel';
import { MembershipReportService } from '../membership-report.service';
import { ParticipationReportService } from '../participation-report.service';

/** The job scheduler's id: one per deployment, whatever the number of processes. */
export const REPORTS_REFRESH_SCHEDULER = 'reports.refresh';

/**
 * Counts again, every REPORTS_REFRESH_SECONDS, the summaries the reports read
 * where a live query would be too slow: open votes' breakdown cells (a
 * closed vote's are final, stored at its tally) and the membership's
 * composition (each month's start once, and the latest). Each summary carries
 * the time it was counted, which the reports show. Idempotent: a refresh run
 * twice only counts twice.
 *
 * A BullMQ job scheduler, upserted at each start of the API and the worker
 * (same id, so one schedule; its first run is at once): if Redis loses it,
 * figures only age until the next start, which the "as of" times make visible.
 * REPORTS_REFRESH_SECONDS=0 removes it (tests refresh when they mean to).
 */
@Injectable()
@HandlesJob(JobName.RefreshReports)
export class RefreshReportsHandler implements JobHandler, OnApplicationBootstrap {
  constructor(
    private readonly participation: ParticipationReportService,
    private readonly membership: MembershipReportService,
    private readonly scheduler: JobScheduler,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const seconds = this.config.REPORTS_REFRESH_SECONDS;
    await this.scheduler.keepRepeating(
      JobName.RefreshReports,
      REPORTS_REFRESH_SCHEDULER,
      seconds === 0 ? null : { every: seconds * 1000 },
    );
  }

  async handle(): Promise<{ openVotes: number; membershipSnapshots: number }> {
    return {
      openVotes: await this.participation.refreshOpenCells(),
      membershipSnapshots: await this.membership.refreshSnapshots(),
    };
  }
}
