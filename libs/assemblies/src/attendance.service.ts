import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import { AuditService } from '@delibera/audit';
import { AuthUser } from '@delibera/kernel';
import { MembershipService, MemberStatus } from '@delibera/membership';
import { AssemblyErrors } from './assemblies.errors';
import { AssemblyKind, AssemblyMode, AttendanceMode, ProxyEndReason } from './assemblies.enums';
import { assertOpen, isSecretary, lockAssembly, memberActedFor } from './assembly-access';
import { Assembly, AssemblyProxy, Attendance, Registration } from './entities';
import { QuorumStatus, quorumStatus } from './quorum';

export interface AttendanceCounts {
  assemblyId: string;
  present: number;
  remote: number;
  /** Grantors whose holder is checked in: their vote is in the room. */
  represented: number;
  byCollege: { collegeId: string; present: number; remote: number; represented: number }[];
}

/** Check-ins start this long before the assembly: the doors open an hour early. */
const DOORS_OPEN_MS = 60 * 60 * 1000;

@Injectable()
export class AttendanceService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly membership: MembershipService,
    private readonly audit: AuditService,
  ) {}

  /**
   * Records a member as present (in the room) or remote. The secretary checks
   * anyone in; members check themselves in remotely, at hybrid and
   * asynchronous assemblies (presence in the room is recorded at the door).
   * A member who had given a proxy and comes in person takes their vote back:
   * the proxy lapses — until the first vote opens, after which it holds and the
   * check-in is refused (PROXY_LOCKED).
   */
  async checkIn(
    user: AuthUser,
    assemblyId: string,
    mode: AttendanceMode,
    memberId?: string,
  ): Promise<Attendance> {
    const target = memberActedFor(user, memberId);
    if (!isSecretary(user) && mode !== AttendanceMode.Remote) {
      throw AssemblyErrors.SELF_CHECK_IN_REMOTE_ONLY();
    }
    const member = await this.membership.byId(target);
    if (member.status !== MemberStatus.Active) throw AssemblyErrors.NOT_AN_ACTIVE_MEMBER();
    return this.dataSource.transaction(async (manager) => {
      const assembly = await lockAssembly(manager, assemblyId);
      const now = new Date();
      assertOpen(assembly, now);
      if (now.getTime() < assembly.startsAt.getTime() - DOORS_OPEN_MS) {
        throw AssemblyErrors.CHECK_IN_NOT_YET_OPEN();
      }
      if (mode === AttendanceMode.Remote && assembly.mode === AssemblyMode.InPerson) {
        throw AssemblyErrors.REMOTE_NOT_OFFERED();
      }
      const given = await manager.findOneBy(AssemblyProxy, {
        assemblyId,
        grantorMemberId: target,
        endedAt: IsNull(),
      });
      if (given) {
        if (assembly.proxiesLockedAt) throw AssemblyErrors.PROXY_LOCKED();
        Object.assign(given, {
          endedAt: now,
          endReason: ProxyEndReason.GrantorAttended,
          endedByAccountId: user.accountId,
        });
        await manager.save(given);
      }
      const attendance = manager.create(Attendance, {
        assemblyId,
        memberId: target,
        collegeId: member.collegeId,
        mode,
        checkedInAt: now,
        checkedInByAccountId: user.accountId,
        checkedOutAt: null,
      });
      // A second check-in (after leaving, or to change mode) replaces the first.
      await manager.upsert(Attendance, attendance, ['assemblyId', 'memberId']);
      await this.audit.append(manager, {
        actorAccountId: user.accountId,
        action: 'assembly.checked_in',
        entityType: 'assembly',
        entityId: assemblyId,
        data: { memberId: target, mode, proxyLapsed: given?.id ?? null },
      });
      return attendance;
    });
  }

  /** A member leaves: they stop counting as present, and proxies they hold stop being represented. */
  async checkOut(user: AuthUser, assemblyId: string, memberId?: string): Promise<Attendance> {
    const target = memberActedFor(user, memberId);
    return this.dataSource.transaction(async (manager) => {
      const assembly = await lockAssembly(manager, assemblyId);
      assertOpen(assembly);
      const attendance = await manager.findOneBy(Attendance, {
        assemblyId,
        memberId: target,
        checkedOutAt: IsNull(),
      });
      if (!attendance) throw AssemblyErrors.NOT_CHECKED_IN();
      attendance.checkedOutAt = new Date();
      await manager.save(attendance);
      await this.audit.append(manager, {
        actorAccountId: user.accountId,
        action: 'assembly.checked_out',
        entityType: 'assembly',
        entityId: assemblyId,
        data: { memberId: target },
      });
      return attendance;
    });
  }

  /** A member signs up for a meeting ahead of time; signing up twice changes nothing. */
  async register(user: AuthUser, assemblyId: string): Promise<Registration> {
    const memberId = memberActedFor(user);
    const member = await this.membership.byId(memberId);
    if (member.status !== MemberStatus.Active) throw AssemblyErrors.NOT_AN_ACTIVE_MEMBER();
    return this.dataSource.transaction(async (manager) => {
      const assembly = await lockAssembly(manager, assemblyId);
      assertOpen(assembly);
      const existing = await manager.findOneBy(Registration, { assemblyId, memberId });
      if (existing) return existing;
      const registration = await manager.save(
        manager.create(Registration, { assemblyId, memberId, registeredAt: new Date() }),
      );
      await this.audit.append(manager, {
        actorAccountId: user.accountId,
        action: 'assembly.registered',
        entityType: 'assembly',
        entityId: assemblyId,
        data: { memberId },
      });
      return registration;
    });
  }

  async cancelRegistration(user: AuthUser, assemblyId: string): Promise<boolean> {
    const memberId = memberActedFor(user);
    return this.dataSource.transaction(async (manager) => {
      const assembly = await lockAssembly(manager, assemblyId);
      assertOpen(assembly);
      const { affected } = await manager.delete(Registration, { assemblyId, memberId });
      if (affected) {
        await this.audit.append(manager, {
          actorAccountId: user.accountId,
          action: 'assembly.registration_cancelled',
          entityType: 'assembly',
          entityId: assemblyId,
          data: { memberId },
        });
      }
      return !!affected;
    });
  }

  /** Registrations per assembly, in the order of `assemblyIds`. */
  async registrationCounts(assemblyIds: readonly string[]): Promise<number[]> {
    const rows: { assembly_id: string; n: number }[] = await this.dataSource.query(
      `SELECT assembly_id, count(*)::int AS n FROM assembly_registration
        WHERE assembly_id = ANY($1) GROUP BY assembly_id`,
      [[...assemblyIds]],
    );
    return assemblyIds.map((id) => rows.find((row) => row.assembly_id === id)?.n ?? 0);
  }

  /**
   * Who is in the room, by college, for several assemblies in one query
   * (aggregated in SQL: an assembly can have thousands of attendees).
   * Present and remote count members checked in and not checked out;
   * represented counts proxies in force whose holder is checked in.
   */
  async counts(
    assemblyIds: readonly string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<AttendanceCounts[]> {
    const rows: {
      assembly_id: string;
      college_id: string;
      present: number;
      remote: number;
      represented: number;
    }[] = await manager.query(
      `SELECT assembly_id, college_id,
              count(*) FILTER (WHERE kind = 'present')::int AS present,
              count(*) FILTER (WHERE kind = 'remote')::int AS remote,
              count(*) FILTER (WHERE kind = 'represented')::int AS represented
         FROM (
           SELECT assembly_id, college_id, mode::text AS kind
             FROM assembly_attendance
            WHERE assembly_id = ANY($1) AND checked_out_at IS NULL
           UNION ALL
           SELECT p.assembly_id, p.grantor_college_id, 'represented'
             FROM assembly_proxy p
             JOIN assembly_attendance h
               ON h.assembly_id = p.assembly_id AND h.member_id = p.holder_member_id
                  AND h.checked_out_at IS NULL
            WHERE p.assembly_id = ANY($1) AND p.ended_at IS NULL
         ) AS attendance
        GROUP BY assembly_id, college_id
        ORDER BY college_id`,
      [[...assemblyIds]],
    );
    return assemblyIds.map((assemblyId) => {
      const byCollege = rows
        .filter((row) => row.assembly_id === assemblyId)
        .map(({ college_id, present, remote, represented }) => ({
          collegeId: college_id,
          present,
          remote,
          represented,
        }));
      const sum = (key: 'present' | 'remote' | 'represented') =>
        byCollege.reduce((total, college) => total + college[key], 0);
      return {
        assemblyId,
        present: sum('present'),
        remote: sum('remote'),
        represented: sum('represented'),
        byCollege,
      };
    });
  }

  /**
   * The quorum of a general assembly now: members present (in the room or
   * remote) plus those represented, against the active members, at the
   * fraction the charter set when it was convened. Null for meetings.
   */
  async quorum(
    assembly: Assembly,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<QuorumStatus | null> {
    const [counts] = await this.counts([assembly.id], manager);
    return quorumOf(assembly, counts, await this.membership.countActive(manager));
  }

  eligible(): Promise<number> {
    return this.membership.countActive();
  }

  /** Check-ins of one member at several assemblies, in the order of `assemblyIds`. */
  async attendanceOf(
    memberId: string,
    assemblyIds: readonly string[],
  ): Promise<(Attendance | null)[]> {
    const rows = await this.dataSource
      .getRepository(Attendance)
      .findBy({ memberId, assemblyId: In([...assemblyIds]) });
    return assemblyIds.map((id) => rows.find((row) => row.assemblyId === id) ?? null);
  }

  /** Whether one member registered for each of several meetings, in the order of `assemblyIds`. */
  async registrationsOf(memberId: string, assemblyIds: readonly string[]): Promise<boolean[]> {
    const rows = await this.dataSource
      .getRepository(Registration)
      .findBy({ memberId, assemblyId: In([...assemblyIds]) });
    return assemblyIds.map((id) => rows.some((row) => row.assemblyId === id));
  }
}

/** The quorum from attendance counts (general assemblies only; null for meetings). */
export function quorumOf(
  assembly: Pick<Assembly, 'kind' | 'quorumNumerator' | 'quorumDenominator'>,
  counts: Pick<AttendanceCounts, 'present' | 'remote' | 'represented'>,
  eligible: number,
): QuorumStatus | null {
  if (assembly.kind !== AssemblyKind.GeneralAssembly) return null;
  return quorumStatus({
    present: counts.present + counts.remote,
    represented: counts.represented,
    eligible,
    numerator: assembly.quorumNumerator,
    denominator: assembly.quorumDenominator,
  });
}
