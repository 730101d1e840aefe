import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CouncilsService } from '@delibera/councils';
import { Role } from '@delibera/kernel';
import { MembershipService } from '@delibera/membership';
import { ElectorateKind } from '../voting.enums';
import { ElectorateSource, ProvidesElectorate, RollQuery } from './electorate-source';

/** Members vote for themselves outside assemblies: proxies exist only for an assembly. */
function selfCast(select: { sql: string; params: unknown[] }): RollQuery {
  return {
    sql: `SELECT s.member_id, s.college_id, s.member_id AS cast_by_member_id FROM (${select.sql}) s`,
    params: select.params,
  };
}

/** Every active member (referendums, surveys). */
@Injectable()
@ProvidesElectorate(ElectorateKind.AllMembers)
export class AllMembersElectorate implements ElectorateSource {
  readonly kind = ElectorateKind.AllMembers;
  constructor(private readonly membership: MembershipService) {}

  async rollQuery(): Promise<RollQuery> {
    return selfCast(this.membership.activeMembersSelect());
  }
}

/** Active members whose account holds the trustee role. */
@Injectable()
@ProvidesElectorate(ElectorateKind.Board)
export class BoardElectorate implements ElectorateSource {
  readonly kind = ElectorateKind.Board;
  constructor(private readonly membership: MembershipService) {}

  async rollQuery(): Promise<RollQuery> {
    return selfCast(this.membership.activeMembersSelect({ role: Role.Trustee }));
  }
}

/** The active seats of a council (ref: the council), members still active. */
@Injectable()
@ProvidesElectorate(ElectorateKind.Council)
export class CouncilElectorate implements ElectorateSource {
  readonly kind = ElectorateKind.Council;
  constructor(
    private readonly councils: CouncilsService,
    private readonly membership: MembershipService,
  ) {}

  async rollQuery(manager: EntityManager, councilId: string | null): Promise<RollQuery> {
    const memberIds = await this.councils.activeMemberIds(manager, councilId as string);
    return selfCast(this.membership.activeMembersSelect({ memberIds }));
  }
}
