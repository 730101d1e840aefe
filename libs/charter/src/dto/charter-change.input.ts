import { Field, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsBoolean,
  IsEnum,
  IsInt,
  IsOptional,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { MoneyScalar } from '@delibera/kernel';
import {
  Audience,
  DecidingBody,
  DecisionType,
  QuorumKind,
  Secrecy,
  ThresholdBase,
  ThresholdComparison,
  VoteMethod,
} from '../charter.enums';

@InputType({ description: 'An exact fraction, e.g. 2/3.' })
export class RationalInput {
  @Field(() => Int) @IsInt() @Min(0) @Max(1000) numerator: number;
  @Field(() => Int) @IsInt() @Min(1) @Max(1000) denominator: number;
}

@InputType({ description: 'The charter settings an amendment changes; the others stay.' })
export class CharterSettingsChangeInput {
  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10)
  proxyLimitPerHolder?: number;
  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100000)
  initiativeCosignatures?: number;
  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(365)
  initiativeSupportDays?: number;
  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1000000)
  referendumPetitionCosignatures?: number;
  @Field(() => RationalInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => RationalInput)
  assemblyQuorum?: RationalInput;
  @Field(() => MoneyScalar, {
    nullable: true,
    description: 'Value of one volunteer hour, in cents, for in-kind contributions.',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100_000)
  volunteerHourRate?: number;
}

/** A quorum as a vote or a charter rule holds it. */
@InputType()
export class QuorumInput {
  @Field(() => QuorumKind) @IsEnum(QuorumKind) kind: QuorumKind;
  @Field(() => Int, { description: 'Ratio: numerator of the roll; count: the count.' })
  @IsInt()
  @Min(0)
  @Max(10_000_000)
  numerator: number;
  @Field(() => Int, { defaultValue: 1 }) @IsInt() @Min(1) @Max(1000) denominator: number;
}

@InputType({ description: 'What an amendment changes in the rule of one kind of decision.' })
export class RuleChangeInput {
  @Field(() => DecisionType) @IsEnum(DecisionType) decisionType: DecisionType;
  @Field(() => DecidingBody, { nullable: true })
  @IsOptional()
  @IsEnum(DecidingBody)
  decidingBody?: DecidingBody;
  @Field(() => [String], {
    nullable: true,
    description: 'Codes of the councils consulted (all of them: the list replaces the rule’s).',
  })
  @IsOptional()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @Matches(/^[a-z][a-z0-9_]{1,49}$/, { each: true })
  consultedCouncils?: string[];
  @Field(() => VoteMethod, {
    nullable: true,
    description: 'How the rule’s votes are counted: one of the rule’s allowedVoteMethods.',
  })
  @IsOptional()
  @IsEnum(VoteMethod)
  voteMethod?: VoteMethod;
  @Field(() => VoteMethod, {
    nullable: true,
    description:
      'The ranked method competing options are voted by (one of allowedCompetingOptionsMethods); null: competing options are no longer allowed; left out: unchanged.',
  })
  @IsOptional()
  @IsEnum(VoteMethod)
  competingOptionsMethod?: VoteMethod | null;
  @Field(() => RationalInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => RationalInput)
  threshold?: RationalInput;
  @Field(() => ThresholdComparison, { nullable: true })
  @IsOptional()
  @IsEnum(ThresholdComparison)
  thresholdComparison?: ThresholdComparison;
  @Field(() => ThresholdBase, { nullable: true })
  @IsOptional()
  @IsEnum(ThresholdBase)
  thresholdBase?: ThresholdBase;
  @Field(() => QuorumInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => QuorumInput)
  quorum?: QuorumInput;
  @Field(() => [Audience], {
    nullable: true,
    description: 'Who is informed of the decision (all of them: the list replaces the rule’s).',
  })
  @IsOptional()
  @ArrayMaxSize(10)
  @ArrayUnique()
  @IsEnum(Audience, { each: true })
  informed?: Audience[];
  @Field(() => Secrecy, { nullable: true }) @IsOptional() @IsEnum(Secrecy) secrecy?: Secrecy;
  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  collegeWeighting?: boolean;
  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(365)
  minNoticeDays?: number;
  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(365)
  minConsultationDays?: number;
  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(365)
  minDeliberationDays?: number;
  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(365)
  minVotingDays?: number;
}

@InputType({
  description:
    'A deed amendment’s changes to the charter: adopted with the amendment, they make the next charter version.',
})
export class CharterChangeInput {
  @Field(() => CharterSettingsChangeInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => CharterSettingsChangeInput)
  settings?: CharterSettingsChangeInput;
  @Field(() => [RuleChangeInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => RuleChangeInput)
  rules?: RuleChangeInput[];
}
