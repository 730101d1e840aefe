import { Field, Int, ObjectType } from '@nestjs/graphql';
import { DecisionType } from '@delibera/charter';
import { Connection, UUIDScalar } from '@delibera/kernel';
import {
  AgendaItemKind,
  AssemblyKind,
  AssemblyMode,
  AssemblyStatus,
  AttendanceMode,
  GeneralAssemblyType,
  ProxyEndReason,
} from './assemblies.enums';
import { AttendanceCounts } from './attendance.service';
import { AgendaItem, Assembly, AssemblyProxy, Attendance, Registration } from './entities';
import { QuorumStatus } from './quorum';

@ObjectType('Assembly', {
  description: 'A general assembly, a council meeting or a public meeting (rencontre publique).',
})
export class AssemblyType {
  @Field(() => UUIDScalar) id: string;
  @Field(() => AssemblyKind) kind: AssemblyKind;
  @Field(() => GeneralAssemblyType, { nullable: true })
  generalAssemblyType: GeneralAssemblyType | null;
  @Field(() => AssemblyMode) mode: AssemblyMode;
  @Field(() => AssemblyStatus) status: AssemblyStatus;
  @Field(() => String) titleFr: string;
  @Field(() => String) titleEn: string;
  @Field(() => String, { nullable: true }) place: string | null;
  @Field(() => String, { nullable: true }) url: string | null;
  @Field(() => Date) startsAt: Date;
  @Field(() => Date) endsAt: Date;
  @Field(() => UUIDScalar, { nullable: true }) councilId: string | null;
  @Field(() => String, { nullable: true }) region: string | null;
  @Field(() => Int, { description: 'Days of notice the charter required for this agenda.' })
  noticeDays: number;
  @Field(() => Date) convenedAt: Date;
  @Field(() => Int) proxyLimitPerHolder: number;
  @Field(() => Int, { description: 'Quorum: this fraction of the active members…' })
  quorumNumerator: number;
  @Field(() => Int, { description: '…present or represented.' }) quorumDenominator: number;
  @Field(() => Date, {
    nullable: true,
    description: 'When the first vote opened: proxies can no longer change.',
  })
  proxiesLockedAt: Date | null;

  static from(a: Assembly): AssemblyType {
    return {
      id: a.id,
      kind: a.kind,
      generalAssemblyType: a.generalAssemblyType,
      mode: a.mode,
      status: a.status,
      titleFr: a.titleFr,
      titleEn: a.titleEn,
      place: a.place,
      url: a.url,
      startsAt: a.startsAt,
      endsAt: a.endsAt,
      councilId: a.councilId,
      region: a.region,
      noticeDays: a.noticeDays,
      convenedAt: a.convenedAt,
      proxyLimitPerHolder: a.proxyLimitPerHolder,
      quorumNumerator: a.quorumNumerator,
      quorumDenominator: a.quorumDenominator,
      proxiesLockedAt: a.proxiesLockedAt,
    };
  }
}

@ObjectType()
export class AssemblyConnection extends Connection(AssemblyType) {}

@ObjectType('AgendaItem')
export class AgendaItemType {
  @Field(() => UUIDScalar) id: string;
  @Field(() => Int) position: number;
  @Field(() => AgendaItemKind) kind: AgendaItemKind;
  @Field(() => String) titleFr: string;
  @Field(() => String) titleEn: string;
  @Field(() => UUIDScalar, { nullable: true }) refId: string | null;
  @Field(() => DecisionType, { nullable: true }) decisionType: DecisionType | null;

  static from(item: AgendaItem): AgendaItemType {
    const { id, position, kind, titleFr, titleEn, refId, decisionType } = item;
    return { id, position, kind, titleFr, titleEn, refId, decisionType };
  }
}

@ObjectType('CollegeAttendance')
export class CollegeAttendanceType {
  @Field(() => UUIDScalar) collegeId: string;
  @Field(() => Int) present: number;
  @Field(() => Int) remote: number;
  @Field(() => Int) represented: number;
}

@ObjectType('AttendanceCounts')
export class AttendanceCountsType {
  @Field(() => Int, { description: 'Checked in, in the room.' }) present: number;
  @Field(() => Int, { description: 'Checked in, remotely.' }) remote: number;
  @Field(() => Int, { description: 'Represented by a proxy holder who is checked in.' })
  represented: number;
  @Field(() => [CollegeAttendanceType]) byCollege: CollegeAttendanceType[];

  static from(counts: AttendanceCounts): AttendanceCountsType {
    const { present, remote, represented, byCollege } = counts;
    return { present, remote, represented, byCollege };
  }
}

@ObjectType('AssemblyQuorum')
export class QuorumStatusType {
  @Field(() => Int, { description: 'Present in the room or remotely.' }) present: number;
  @Field(() => Int) represented: number;
  @Field(() => Int, { description: 'Active members.' }) eligible: number;
  @Field(() => Int) numerator: number;
  @Field(() => Int) denominator: number;
  @Field(() => Int) required: number;
  @Field(() => Boolean) met: boolean;

  static from(status: QuorumStatus): QuorumStatusType {
    return { ...status };
  }
}

@ObjectType('Attendance')
export class AttendanceType {
  @Field(() => UUIDScalar) assemblyId: string;
  @Field(() => UUIDScalar) memberId: string;
  @Field(() => AttendanceMode) mode: AttendanceMode;
  @Field(() => Date) checkedInAt: Date;
  @Field(() => Date, { nullable: true }) checkedOutAt: Date | null;

  static from(a: Attendance): AttendanceType {
    const { assemblyId, memberId, mode, checkedInAt, checkedOutAt } = a;
    return { assemblyId, memberId, mode, checkedInAt, checkedOutAt };
  }
}

@ObjectType('AssemblyProxy')
export class AssemblyProxyType {
  @Field(() => UUIDScalar) id: string;
  @Field(() => UUIDScalar) assemblyId: string;
  @Field(() => UUIDScalar) grantorMemberId: string;
  @Field(() => UUIDScalar) holderMemberId: string;
  @Field(() => Date) grantedAt: Date;
  @Field(() => Date, { nullable: true }) endedAt: Date | null;
  @Field(() => ProxyEndReason, { nullable: true }) endReason: ProxyEndReason | null;

  static from(p: AssemblyProxy): AssemblyProxyType {
    const { id, assemblyId, grantorMemberId, holderMemberId, grantedAt, endedAt, endReason } = p;
    return { id, assemblyId, grantorMemberId, holderMemberId, grantedAt, endedAt, endReason };
  }
}

@ObjectType('MeetingRegistration')
export class RegistrationType {
  @Field(() => UUIDScalar) assemblyId: string;
  @Field(() => UUIDScalar) memberId: string;
  @Field(() => Date) registeredAt: Date;

  static from(r: Registration): RegistrationType {
    const { assemblyId, memberId, registeredAt } = r;
    return { assemblyId, memberId, registeredAt };
  }
}

@ObjectType('AssemblyMinutes', {
  description:
    'The minutes (procès-verbal) in Markdown, generated from the stored agenda, attendance, proxies and results.',
})
export class MinutesType {
  @Field(() => String) locale: string;
  @Field(() => String) markdown: string;
  @Field(() => String, { description: 'sha256 of the Markdown: the text an assembly adopts.' })
  sha256: string;
}
