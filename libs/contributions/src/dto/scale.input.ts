import { Field, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsDateString,
  IsEnum,
  IsInt,
  IsOptional,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { Int } from '@nestjs/graphql';
import { MoneyScalar, UUIDScalar } from '@delibera/kernel';
import { OrganisationCategory, SizeBand } from '@delibera/membership';
import { ProrationRule } from '../contributions.enums';
import { MAX_AMOUNT_CENTS } from '../money';

@InputType()
export class ContributionTierInput {
  @Field(() => OrganisationCategory)
  @IsEnum(OrganisationCategory)
  organisationCategory: OrganisationCategory;

  @Field(() => SizeBand) @IsEnum(SizeBand) sizeBand: SizeBand;

  /** Signs are checked by the service, which answers NEGATIVE_AMOUNT. */
  @Field(() => MoneyScalar) @IsInt() @Max(MAX_AMOUNT_CENTS) amountCents: number;
}

@InputType()
export class ContributionScaleInput {
  @Field(() => Int) @IsInt() @Min(2000) @Max(2200) fiscalYear: number;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD; January 1 by default.' })
  @IsOptional()
  @IsDateString({ strict: true })
  fiscalYearStartsOn?: string;

  @Field(() => String) @MinLength(1) @MaxLength(200) name: string;

  @Field(() => String, { description: 'YYYY-MM-DD' }) @IsDateString({ strict: true }) dueOn: string;

  @Field(() => MoneyScalar) @IsInt() @Max(MAX_AMOUNT_CENTS) campaignTargetCents: number;

  @Field(() => MoneyScalar, { nullable: true })
  @IsOptional()
  @IsInt()
  @Max(MAX_AMOUNT_CENTS)
  individualDuesCents?: number;

  @Field(() => ProrationRule, { nullable: true, defaultValue: ProrationRule.RemainingMonths })
  @IsOptional()
  @IsEnum(ProrationRule)
  prorationRule?: ProrationRule;

  @Field(() => [ContributionTierInput])
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => ContributionTierInput)
  tiers: ContributionTierInput[];
}

@InputType()
export class UpdateContributionScaleInput extends ContributionScaleInput {
  @Field(() => UUIDScalar) @IsUUID() scaleId: string;
}

@InputType()
export class SubmitCompetingScalesInput {
  @Field(() => [UUIDScalar], {
    description: 'Two or more draft scales of the same fiscal year, voted as options of one vote.',
  })
  @ArrayMinSize(2)
  @ArrayMaxSize(10)
  @IsUUID('all', { each: true })
  scaleIds: string[];
}
