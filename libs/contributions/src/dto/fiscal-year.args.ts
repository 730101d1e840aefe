import { ArgsType, Field, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** Fiscal years the trust can have (as the scale's CHECK says). */
@ArgsType()
export class FiscalYearArgs {
  @Field(() => Int) @IsInt() @Min(2000) @Max(2200) fiscalYear: number;
}

@ArgsType()
export class ContributionScalesArgs {
  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(2000)
  @Max(2200)
  fiscalYear?: number;
}
