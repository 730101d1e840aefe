import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { MembershipService } from '@delibera/membership';
import {
  ElectorateKind,
  ElectorateQuorum,
  ElectorateSource,
  ProvidesElectorate,
  QuorumVote,
  RollQuery,
} from '@delibera/voting';
import { AssemblyErrors } from './assemblies.errors';
import { AgendaItemKind, AssemblyKind, AssemblyMode, AssemblyStatus } from './assemblies.enums';
import { assertOpen, lockAssembly } from './assembly-access';
import { AttendanceService } from './attendance.service';
import { Assembly, VoteQuorum } from './entities';
import { quorumStatus } from './quorum';

/** Shifts `$1…$n` placeholders of an embedded query by `offset`. */
const shiftParams = (sql: string, offset: number) =>
  sql.replace(/\$(\d+)/g, (_m, n: string) => `$${Number(n) + offset}`);

/**
 * The `assembly` electorate of voting: the members checked in (present or
 * remote) and the members whose proxy is held by someone checked in, each
 * still active — or, for an asynchronous assembly, every active member. Proxies are resolved here, once, when a vote's roll freezes:
 * a grantor's entry is cast by the holder. Freezing the first roll also
 * locks the assembly's proxies, in the same transaction and under the same
 * row lock that grants, revocations and check-ins take.
 */
@Injectable()
@ProvidesElectorate(ElectorateKind.Assembly)
export class AssemblyElectorate implements ElectorateSource {
  readonly kind = ElectorateKind.Assembly;

  constructor(
    private readonly membership: MembershipService,
    private readonly attendance: AttendanceService,
  ) {}

  async rollQuery(manager: EntityManager, assemblyId: string | null, at: Date): Promise<RollQuery> {
    const assembly = await lockAssembly(manager, assemblyId as string);
    if (assembly.kind !== AssemblyKind.GeneralAssembly) throw AssemblyErrors.NO_BINDING_VOTES();
    assertOpen(assembly, at);
    // Opening before the assembly would freeze an empty roll and lock proxies still being given.
    if (at < assembly.startsAt) throw AssemblyErrors.ASSEMBLY_NOT_STARTED();
    if (!assembly.proxiesLockedAt) {
      await manager.update(Assembly, assembly.id, { proxiesLockedAt: at });
    }
    const active = this.membership.activeMembersSelect();
    const activeSql = shiftParams(active.sql, 1);
    const activeIds = `(SELECT member_id FROM (${activeSql}) active)`;
    const params = [assembly.id, ...active.params];
    if (assembly.mode === AssemblyMode.Asynchronous) {
      // Over days nobody is "in the room": every active member may vote, their proxy holder for them.
      return {
        sql: `SELECT m.member_id, m.college_id, COALESCE(p.holder_member_id, m.member_id) AS cast_by_member_id
                FROM (${activeSql}) m
                LEFT JOIN assembly_proxy p
                  ON p.assembly_id = $1 AND p.grantor_member_id = m.member_id AND p.ended_at IS NULL
                     AND p.holder_member_id IN ${activeIds}`,
        params,
      };
    }
    return {
      sql: `SELECT a.member_id, a.college_id, a.member_id AS cast_by_member_id
              FROM assembly_attendance a
             WHERE a.assembly_id = $1 AND a.checked_out_at IS NULL AND a.member_id IN ${activeIds}
            UNION ALL
            SELECT p.grantor_member_id, p.grantor_college_id, p.holder_member_id
              FROM assembly_proxy p
              JOIN assembly_attendance h
                ON h.assembly_id = p.assembly_id AND h.member_id = p.holder_member_id
                   AND h.checked_out_at IS NULL
             WHERE p.assembly_id = $1 AND p.ended_at IS NULL
               AND p.grantor_member_id IN ${activeIds} AND p.holder_member_id IN ${activeIds}`,
      params,
    };
  }

  /**
   * The convened general assembly whose agenda holds the proposal (the
   * earliest, if several do). Its row is share-locked, so it cannot be closed
   * or cancelled while the proposal's vote is being created on it.
   */
  async refForSubject(
    manager: EntityManager,
    subjectType: string,
    subjectId: string,
  ): Promise<string | null> {
    if (subjectType !== 'proposal') return null;
    const [row] = await manager.query<{ id: string }[]>(
      `SELECT a.id FROM assembly a
         JOIN agenda_item i ON i.assembly_id = a.id
        WHERE i.ref_id = $1 AND i.kind = ANY($2::agenda_item_kind[])
          AND a.kind = $3 AND a.status = $4
        ORDER BY a.starts_at, a.id
        LIMIT 1
        FOR SHARE OF a`,
      [
        subjectId,
        [AgendaItemKind.Proposal, AgendaItemKind.ContributionScale],
        AssemblyKind.GeneralAssembly,
        AssemblyStatus.Convened,
      ],
    );
    return row?.id ?? null;
  }

  /**
   * A vote of an assembly without its quorum decides nothing. In the room
   * (in person, hybrid) the quorum is the members present or represented; in
   * an asynchronous assembly, the members who took part in the vote
   * themselves or through their proxy. Measured at the vote's first count,
   * right after it closes, and kept: a recount reads the same figures back.
   */
  async quorum(
    manager: EntityManager,
    assemblyId: string | null,
    vote: QuorumVote,
  ): Promise<ElectorateQuorum> {
    let measured = await manager.findOneBy(VoteQuorum, { voteId: vote.id });
    if (!measured) {
      const assembly = await manager.findOneBy(Assembly, { id: assemblyId as string });
      if (!assembly) throw AssemblyErrors.ASSEMBLY_NOT_FOUND();
      const status =
        assembly.mode === AssemblyMode.Asynchronous
          ? quorumStatus({
              present: vote.participations,
              represented: 0,
              eligible: await this.membership.countActive(manager),
              numerator: assembly.quorumNumerator,
              denominator: assembly.quorumDenominator,
            })
          : await this.attendance.quorum(assembly, manager);
      if (!status) throw AssemblyErrors.NO_BINDING_VOTES();
      const { present, represented, eligible, required, met } = status;
      measured = manager.create(VoteQuorum, {
        voteId: vote.id,
        assemblyId: assembly.id,
        present,
        represented,
        eligible,
        required,
        met,
        measuredAt: new Date(),
      });
      await manager.insert(VoteQuorum, measured);
    }
    const { present, represented, eligible, required, met } = measured;
    return { met, details: { present, represented, eligible, required, met } };
  }
}
