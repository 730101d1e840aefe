import { Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { DomainEvent, VoteClosedEvent } from '@delibera/kernel';
import { ParticipationReportService } from '../participation-report.service';

/**
 * A vote was tallied: its breakdown cells are counted and stored, final, in
 * the tally transaction, so no report request pays for counting its roll.
 * Idempotent: final cells are never replaced.
 */
@Injectable()
export class VoteBreakdownListener {
  constructor(private readonly participation: ParticipationReportService) {}

  @OnEvent(DomainEvent.VoteClosed, { suppressErrors: false })
  async onVoteClosed(event: VoteClosedEvent): Promise<void> {
    await this.participation.storeFinalCells(event.manager, [event.voteId]);
  }
}
