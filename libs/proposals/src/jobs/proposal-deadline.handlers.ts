import { Injectable } from '@nestjs/common';
import { HandlesJob, JobHandler, JobName } from '@delibera/kernel';
import { DeadlineOutcome, ProposalLifecycleService } from '../proposal-lifecycle.service';
import { ProposalDeadlineData } from './proposal-deadlines';

/*
 * The three dated transitions of a proposal. Each re-reads the proposal under
 * its row lock and acts only if the transition is still due (see
 * ProposalLifecycleService.whenDue), so running one twice changes nothing.
 */

@Injectable()
@HandlesJob(JobName.ProposalSupportExpiry)
export class ProposalSupportExpiryHandler implements JobHandler<ProposalDeadlineData> {
  constructor(private readonly lifecycle: ProposalLifecycleService) {}

  handle(data: ProposalDeadlineData): Promise<DeadlineOutcome> {
    return this.lifecycle.runSupportDeadline(data.id, data.version);
  }
}

@Injectable()
@HandlesJob(JobName.ProposalConsultationDue)
export class ProposalConsultationDueHandler implements JobHandler<ProposalDeadlineData> {
  constructor(private readonly lifecycle: ProposalLifecycleService) {}

  handle(data: ProposalDeadlineData): Promise<DeadlineOutcome> {
    return this.lifecycle.runConsultationDeadline(data.id, data.version);
  }
}

@Injectable()
@HandlesJob(JobName.ProposalDeliberationEnd)
export class ProposalDeliberationEndHandler implements JobHandler<ProposalDeadlineData> {
  constructor(private readonly lifecycle: ProposalLifecycleService) {}

  handle(data: ProposalDeadlineData): Promise<DeadlineOutcome> {
    return this.lifecycle.runDeliberationDeadline(data.id, data.version);
  }
}
