import { Field, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsBoolean,
  IsDate,
  IsEnum,
  IsInt,
  IsOptional,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import {
  DecisionType,
  QuorumInput,
  Secrecy,
  ThresholdBase,
  ThresholdComparison,
  VoteMethod,
} from '@delibera/charter';
import { UUIDScalar } from '@delibera/kernel';
import { ChoiceKind, ElectorateKind, StvRules, VoteSubjectType } from '../voting.enums';

@InputType()
export class VoteOptionInput {
  @Field(() => String, {
    description: 'Stable id used in ballots, e.g. "yes" or a candidate code.',
  })
  @Matches(/^[A-Za-z0-9_.-]{1,64}$/)
  id: string;
  @Field(() => String) @MinLength(1) @MaxLength(300) labelFr: string;
  @Field(() => String) @MinLength(1) @MaxLength(300) labelEn: string;
}

@InputType()
export class ThresholdInput {
  @Field(() => Int) @IsInt() @Min(0) @Max(1000) numerator: number;
  @Field(() => Int) @IsInt() @Min(1) @Max(1000) denominator: number;
  @Field(() => ThresholdComparison) @IsEnum(ThresholdComparison) comparison: ThresholdComparison;
  @Field(() => ThresholdBase) @IsEnum(ThresholdBase) base: ThresholdBase;
}

/** How a vote is held; every field left out comes from the charter rule of the decision type. */
@InputType()
export class VoteRulesInput {
  @Field(() => VoteMethod, { nullable: true })
  @IsOptional()
  @IsEnum(VoteMethod)
  method?: VoteMethod;
  @Field(() => ChoiceKind, { nullable: true })
  @IsOptional()
  @IsEnum(ChoiceKind)
  choiceKind?: ChoiceKind;
  @Field(() => ThresholdInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => ThresholdInput)
  threshold?: ThresholdInput;
  @Field(() => QuorumInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => QuorumInput)
  quorum?: QuorumInput;
  @Field(() => Secrecy, { nullable: true }) @IsOptional() @IsEnum(Secrecy) secrecy?: Secrecy;
  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  collegeWeighting?: boolean;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(1) @Max(100) seats?: number;
  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(200)
  minSelections?: number;
  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(200)
  maxSelections?: number;
  @Field(() => StvRules, { nullable: true }) @IsOptional() @IsEnum(StvRules) stvRules?: StvRules;
}

@InputType()
export class ScheduleVoteInput {
  @Field(() => VoteSubjectType) @IsEnum(VoteSubjectType) subjectType: VoteSubjectType;
  @Field(() => UUIDScalar, { nullable: true }) @IsOptional() @IsUUID() subjectId?: string;
  @Field(() => DecisionType, { description: 'The charter rule the defaults come from.' })
  @IsEnum(DecisionType)
  decisionType: DecisionType;
  @Field(() => String) @MinLength(1) @MaxLength(300) titleFr: string;
  @Field(() => String) @MinLength(1) @MaxLength(300) titleEn: string;
  @Field(() => ElectorateKind) @IsEnum(ElectorateKind) electorateKind: ElectorateKind;
  @Field(() => UUIDScalar, { nullable: true, description: 'The council or assembly.' })
  @IsOptional()
  @IsUUID()
  electorateRef?: string;
  @Field(() => [VoteOptionInput], { description: 'Options (choice) or candidates.' })
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => VoteOptionInput)
  options: VoteOptionInput[];
  @Field(() => [VoteOptionInput], { nullable: true, description: 'Majority judgment: best first.' })
  @IsOptional()
  @ArrayMinSize(2)
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => VoteOptionInput)
  grades?: VoteOptionInput[];
  @Field(() => VoteRulesInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => VoteRulesInput)
  rules?: VoteRulesInput;
  @Field(() => Boolean, { defaultValue: true }) @IsBoolean() binding: boolean;
  @Field(() => UUIDScalar, { nullable: true, description: 'Groups the questions of a survey.' })
  @IsOptional()
  @IsUUID()
  surveyId?: string;
  @Field(() => Date) @IsDate() opensAt: Date;
  @Field(() => Date) @IsDate() closesAt: Date;
}

@InputType()
export class RescheduleVoteInput {
  @Field(() => UUIDScalar) @IsUUID() voteId: string;
  @Field(() => Date, { nullable: true, description: 'Only while the vote is scheduled.' })
  @IsOptional()
  @IsDate()
  opensAt?: Date;
  @Field(() => Date) @IsDate() closesAt: Date;
}

@InputType()
export class CallReferendumInput {
  @Field(() => String, { description: 'The question, in French.' })
  @MinLength(1)
  @MaxLength(300)
  titleFr: string;
  @Field(() => String) @MinLength(1) @MaxLength(300) titleEn: string;
  @Field(() => Boolean, { description: 'Binding, or consultative.' }) @IsBoolean() binding: boolean;
  @Field(() => Date) @IsDate() opensAt: Date;
  @Field(() => Date) @IsDate() closesAt: Date;
}

@InputType()
export class SurveyQuestionInput {
  @Field(() => String) @MinLength(1) @MaxLength(300) titleFr: string;
  @Field(() => String) @MinLength(1) @MaxLength(300) titleEn: string;
  @Field(() => VoteMethod, { defaultValue: VoteMethod.Choice })
  @IsEnum(VoteMethod)
  method: VoteMethod;
  @Field(() => [VoteOptionInput])
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => VoteOptionInput)
  options: VoteOptionInput[];
  @Field(() => [VoteOptionInput], { nullable: true })
  @IsOptional()
  @ArrayMinSize(2)
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => VoteOptionInput)
  grades?: VoteOptionInput[];
  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(200)
  minSelections?: number;
  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(200)
  maxSelections?: number;
}

/** A consultative survey: one vote per question, same electorate and window. */
@InputType()
export class ScheduleSurveyInput {
  @Field(() => ElectorateKind, { defaultValue: ElectorateKind.AllMembers })
  @IsEnum(ElectorateKind)
  electorateKind: ElectorateKind;
  @Field(() => UUIDScalar, { nullable: true }) @IsOptional() @IsUUID() electorateRef?: string;
  @Field(() => [SurveyQuestionInput])
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => SurveyQuestionInput)
  questions: SurveyQuestionInput[];
  @Field(() => Date) @IsDate() opensAt: Date;
  @Field(() => Date) @IsDate() closesAt: Date;
}
