import { ArgsType, Field, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  IsDate,
  IsEnum,
  IsInt,
  IsOptional,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { MAX_PAGE_SIZE } from '@delibera/kernel';
import { ReportLocale } from '../reports.types';

@InputType()
export class ReportPeriodInput {
  @Field(() => Date, { nullable: true, description: 'Start (inclusive); default: the beginning.' })
  @IsOptional()
  @IsDate()
  from?: Date;
  @Field(() => Date, { nullable: true, description: 'End (exclusive); default: now.' })
  @IsOptional()
  @IsDate()
  to?: Date;
}

@ArgsType()
export class ReportPeriodArgs {
  @Field(() => ReportPeriodInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => ReportPeriodInput)
  period?: ReportPeriodInput;
}

@ArgsType()
export class ReportFiscalYearArgs {
  @Field(() => Int) @IsInt() @Min(2000) @Max(2200) fiscalYear: number;
}

@ArgsType()
export class AccountabilityReportArgs extends ReportFiscalYearArgs {
  @Field(() => ReportLocale, { nullable: true, description: "Default: the caller's language." })
  @IsOptional()
  @IsEnum(ReportLocale)
  locale?: ReportLocale;
}

/** A page of a report's votes: 50 by default, the size of a dashboard's table. */
@ArgsType()
export class ParticipationVotesArgs {
  @Field(() => Int, { nullable: true, defaultValue: 50 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  first?: number = 50;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(500)
  after?: string;
}
