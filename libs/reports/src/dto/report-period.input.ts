import { ArgsType, Field, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsDate, IsEnum, IsInt, IsOptional, Max, Min, ValidateNested } from 'class-validator';
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
