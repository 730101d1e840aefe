import { Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { In } from 'typeorm';
import { CouncilDissolvingEvent, CouncilWorkUnderWay, DomainEvent } from '@delibera/kernel';
import { Vote } from './vote.entity';
import { ElectorateKind, VoteStatus } from './voting.enums';

/** A council about to be dissolved: the votes of its members not yet counted. */
@Injectable()
export class CouncilDissolvingListener {
  @OnEvent(DomainEvent.CouncilDissolving, { suppressErrors: false })
  async onCouncilDissolving({
    manager,
    councilId,
  }: CouncilDissolvingEvent): Promise<CouncilWorkUnderWay> {
    const votes = await manager.countBy(Vote, {
      electorateKind: ElectorateKind.Council,
      electorateRef: councilId,
      status: In([VoteStatus.Scheduled, VoteStatus.Open, VoteStatus.Closed]),
    });
    return { votes };
  }
}
