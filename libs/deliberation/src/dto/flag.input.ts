import { Field, InputType } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsString, IsUUID, Length, MaxLength } from 'class-validator';
import { UUIDScalar } from '@delibera/kernel';
import { FlagKind, FlagResolution } from '../deliberation.enums';

@InputType()
export class FlagArgumentInput {
  @Field(() => UUIDScalar) @IsUUID() argumentId: string;
  @Field(() => FlagKind) @IsEnum(FlagKind) kind: FlagKind;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(1000) note?: string;
}

@InputType()
export class ResolveFlagInput {
  @Field(() => UUIDScalar) @IsUUID() flagId: string;
  @Field(() => FlagResolution) @IsEnum(FlagResolution) resolution: FlagResolution;
  @Field(() => String, {
    nullable: true,
    description: 'The public annotation, or the reason for hiding (required for both).',
  })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

@InputType()
export class RestoreArgumentInput {
  @Field(() => UUIDScalar) @IsUUID() argumentId: string;
  @Field(() => String, { description: 'Why the argument is shown again (kept in the audit log).' })
  @IsString()
  @Length(1, 2000)
  reason: string;
}
