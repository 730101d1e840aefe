import { ArgsType, Field, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsDate, IsInt, IsOptional, Max, Min, ValidateNested } from 'class-validator';

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
