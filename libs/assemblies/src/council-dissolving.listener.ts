import { Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { CouncilDissolvingEvent, CouncilWorkUnderWay, DomainEvent } from '@delibera/kernel';
import { AssemblyStatus } from './assemblies.enums';
import { Assembly } from './entities';

/** A council about to be dissolved: its meetings convened and not yet held or cancelled. */
@Injectable()
export class CouncilDissolvingListener {
  @OnEvent(DomainEvent.CouncilDissolving, { suppressErrors: false })
  async onCouncilDissolving({
    manager,
    councilId,
  }: CouncilDissolvingEvent): Promise<CouncilWorkUnderWay> {
    const meetings = await manager.countBy(Assembly, {
      councilId,
      status: AssemblyStatus.Convened,
    });
    return { meetings };
  }
}
