import { Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { In } from 'typeorm';
import { DecisionType } from '@delibera/charter';
import { CouncilDissolvingEvent, CouncilWorkUnderWay, DomainEvent } from '@delibera/kernel';
import { Proposal } from '../proposal.entity';
import { UNDECIDED } from '../proposal-status';
import { ConsultationRequest, ConsultationStatus } from './consultation-request.entity';

/**
 * A council about to be dissolved: the consultations still awaiting its
 * opinion, and the deed amendments under way that would have the charter
 * consult it.
 */
@Injectable()
export class CouncilDissolvingListener {
  @OnEvent(DomainEvent.CouncilDissolving, { suppressErrors: false })
  async onCouncilDissolving({
    manager,
    councilId,
    code,
  }: CouncilDissolvingEvent): Promise<CouncilWorkUnderWay> {
    const consultations = await manager.countBy(ConsultationRequest, {
      councilId,
      status: ConsultationStatus.Requested,
    });
    const amendments = await manager
      .getRepository(Proposal)
      .createQueryBuilder('p')
      .where({ decisionType: DecisionType.CharterAmendment, status: In([...UNDECIDED]) })
      .andWhere(
        `jsonb_path_exists(p.charter_change, '$.rules.*.consultedCouncils[*] ? (@ == $code)', jsonb_build_object('code', :code::text))`,
        { code },
      )
      .getCount();
    return { consultations, amendments };
  }
}
