import { Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { CouncilDissolvingEvent, CouncilWorkUnderWay, DomainEvent } from '@delibera/kernel';
import { ConsultationRequest, ConsultationStatus } from './consultation-request.entity';

/** A council about to be dissolved: the consultations still awaiting its opinion. */
@Injectable()
export class CouncilDissolvingListener {
  @OnEvent(DomainEvent.CouncilDissolving, { suppressErrors: false })
  async onCouncilDissolving({
    manager,
    councilId,
  }: CouncilDissolvingEvent): Promise<CouncilWorkUnderWay> {
    const consultations = await manager.countBy(ConsultationRequest, {
      councilId,
      status: ConsultationStatus.Requested,
    });
    return { consultations };
  }
}
