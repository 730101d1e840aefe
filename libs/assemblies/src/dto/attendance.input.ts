import { ArgsType, Field, InputType } from '@nestjs/graphql';
import { IsBoolean, IsEnum, IsOptional, IsUUID } from 'class-validator';
import { ConnectionArgs, UUIDScalar } from '@delibera/kernel';
import { AssemblyKind, AssemblyStatus, AttendanceMode, MinutesLocale } from '../assemblies.enums';

@InputType()
export class CheckInInput {
  @Field(() => UUIDScalar) @IsUUID() assemblyId: string;
  @Field(() => UUIDScalar, {
    nullable: true,
    description: 'The secretary checks in someone else; members check themselves in.',
  })
  @IsOptional()
  @IsUUID()
  memberId?: string;
  @Field(() => AttendanceMode) @IsEnum(AttendanceMode) mode: AttendanceMode;
}

@InputType()
export class CheckOutInput {
  @Field(() => UUIDScalar) @IsUUID() assemblyId: string;
  @Field(() => UUIDScalar, { nullable: true }) @IsOptional() @IsUUID() memberId?: string;
}

@InputType()
export class GrantProxyInput {
  @Field(() => UUIDScalar) @IsUUID() assemblyId: string;
  @Field(() => UUIDScalar) @IsUUID() holderMemberId: string;
  @Field(() => UUIDScalar, {
    nullable: true,
    description: 'The secretary records a signed paper proxy for this member.',
  })
  @IsOptional()
  @IsUUID()
  grantorMemberId?: string;
}

@InputType()
export class RevokeProxyInput {
  @Field(() => UUIDScalar) @IsUUID() proxyId: string;
}

@InputType()
export class MeetingRegistrationInput {
  @Field(() => UUIDScalar) @IsUUID() assemblyId: string;
}

@ArgsType()
export class AssembliesArgs extends ConnectionArgs {
  @Field(() => AssemblyKind, { nullable: true })
  @IsOptional()
  @IsEnum(AssemblyKind)
  kind?: AssemblyKind;
  @Field(() => AssemblyStatus, { nullable: true })
  @IsOptional()
  @IsEnum(AssemblyStatus)
  status?: AssemblyStatus;
}

@ArgsType()
export class ProxiesArgs {
  @Field(() => Boolean, {
    defaultValue: false,
    description: 'Every proxy of the assembly (secretary); otherwise those you gave or hold.',
  })
  @IsBoolean()
  all: boolean = false;
}

@ArgsType()
export class MinutesArgs {
  @Field(() => MinutesLocale, {
    nullable: true,
    description: 'Language of the minutes; the caller’s by default.',
  })
  @IsOptional()
  @IsEnum(MinutesLocale)
  locale?: MinutesLocale;
}
