import { ArgsType, Field, InputType, Int } from '@nestjs/graphql';
import {
  IsBoolean,
  IsDateString,
  IsEnum,
  IsInt,
  IsOptional,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { ConnectionArgs, MoneyScalar, UUIDScalar } from '@delibera/kernel';
import { InKindKind, InKindStatus } from '../contributions.enums';
import { MAX_AMOUNT_CENTS } from '../money';

@InputType()
export class RecordVolunteerHoursInput {
  @Field(() => String) @MinLength(1) @MaxLength(200) personName: string;
  @Field(() => String) @MinLength(1) @MaxLength(500) activity: string;
  @Field(() => String, { description: 'YYYY-MM-DD' })
  @IsDateString({ strict: true })
  performedOn: string;
  @Field(() => Int, { description: 'Time given, in minutes (e.g. 150 for 2 h 30).' })
  @IsInt()
  @Min(1)
  @Max(1440)
  minutes: number;
  @Field(() => UUIDScalar, {
    nullable: true,
    description: 'The council served: its chair approves.',
  })
  @IsOptional()
  @IsUUID()
  councilId?: string;
  @Field(() => Boolean, {
    nullable: true,
    description:
      'The volunteer agreed to be thanked by name in the annual report (default: not named).',
  })
  @IsOptional()
  @IsBoolean()
  thankByName?: boolean;
}

@InputType()
export class RecordLentResourceInput {
  @Field(() => InKindKind) @IsEnum(InKindKind) kind: InKindKind;
  @Field(() => String, { nullable: true, description: 'Seconded staff: who.' })
  @IsOptional()
  @MaxLength(200)
  personName?: string;
  @Field(() => String) @MinLength(1) @MaxLength(500) activity: string;
  @Field(() => String, { description: 'YYYY-MM-DD' })
  @IsDateString({ strict: true })
  performedOn: string;
  @Field(() => Int, { nullable: true, description: 'Seconded staff: days.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(366)
  staffDays?: number;
  @Field(() => MoneyScalar) @IsInt() @Max(MAX_AMOUNT_CENTS) declaredValueCents: number;
}

@InputType()
export class DecideInKindInput {
  @Field(() => UUIDScalar) @IsUUID() id: string;
  @Field(() => Boolean) @IsBoolean() approve: boolean;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(2000) reason?: string;
}

@ArgsType()
export class InKindContributionsArgs extends ConnectionArgs {
  @Field(() => UUIDScalar, { nullable: true }) @IsOptional() @IsUUID() memberId?: string;
  @Field(() => UUIDScalar, { nullable: true }) @IsOptional() @IsUUID() councilId?: string;
  @Field(() => InKindStatus, { nullable: true })
  @IsOptional()
  @IsEnum(InKindStatus)
  status?: InKindStatus;
}
