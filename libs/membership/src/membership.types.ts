import { Field, Int, ObjectType } from '@nestjs/graphql';
import { Connection, Role, UUIDScalar } from '@delibera/kernel';
import { Account, College, Member } from './entities';
import { MemberKind, MemberStatus, OrganisationCategory, SizeBand } from './membership.enums';

@ObjectType('College')
export class CollegeType {
  @Field(() => UUIDScalar) id: string;
  @Field(() => String) code: string;
  @Field(() => String) nameFr: string;
  @Field(() => String) nameEn: string;
  @Field(() => Int) weight: number;

  static from(college: College): CollegeType {
    const { id, code, nameFr, nameEn, weight } = college;
    return { id, code, nameFr, nameEn, weight };
  }
}

@ObjectType('Member')
export class MemberType {
  @Field(() => UUIDScalar) id: string;
  @Field(() => MemberKind) kind: MemberKind;
  @Field(() => String) displayName: string;
  @Field(() => String) email: string;
  @Field(() => MemberStatus) status: MemberStatus;
  @Field(() => UUIDScalar) collegeId: string;
  @Field(() => String) region: string;
  @Field(() => String) locale: string;
  @Field(() => OrganisationCategory, { nullable: true })
  organisationCategory: OrganisationCategory | null;
  @Field(() => SizeBand, { nullable: true }) sizeBand: SizeBand | null;
  @Field(() => String, { nullable: true }) representativeName: string | null;
  @Field(() => Date, { nullable: true }) admittedAt: Date | null;
  @Field(() => Date) createdAt: Date;

  static from(member: Member): MemberType {
    return {
      id: member.id,
      kind: member.kind,
      displayName: member.displayName,
      email: member.email,
      status: member.status,
      collegeId: member.collegeId,
      region: member.region,
      locale: member.locale,
      organisationCategory: member.organisationCategory,
      sizeBand: member.sizeBand,
      representativeName: member.representativeName,
      admittedAt: member.admittedAt,
      createdAt: member.createdAt,
    };
  }
}

@ObjectType()
export class MemberConnection extends Connection(MemberType) {}

@ObjectType('Account')
export class AccountType {
  @Field(() => UUIDScalar) id: string;
  @Field(() => String) email: string;
  @Field(() => [Role]) roles: Role[];
  @Field(() => String) locale: string;
  @Field(() => MemberType, { nullable: true }) member: MemberType | null;

  static from(account: Account): AccountType {
    return {
      id: account.id,
      email: account.email,
      roles: account.roles,
      locale: account.locale,
      member: account.member ? MemberType.from(account.member) : null,
    };
  }
}

@ObjectType('AuthPayload')
export class AuthPayloadType {
  @Field(() => String) accessToken: string;
  @Field(() => Date) accessTokenExpiresAt: Date;
  @Field(() => String) refreshToken: string;
  @Field(() => AccountType) account: AccountType;
}

@ObjectType('ImportReport')
export class ImportReportType {
  @Field(() => Int) imported: number;
  @Field(() => Int) invited: number;
}
