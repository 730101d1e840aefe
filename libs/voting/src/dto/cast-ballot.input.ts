import { Field, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsBoolean,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { UUIDScalar } from '@delibera/kernel';

@InputType()
export class GradeInput {
  @Field(() => String) @IsString() @MaxLength(64) candidate: string;
  @Field(() => String) @IsString() @MaxLength(64) grade: string;
}

/** One field per family of methods; exactly one is set (see ballotContent). */
@InputType()
export class BallotInputType {
  @Field(() => String, { nullable: true, description: 'Choice: the option chosen.' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  option?: string;
  @Field(() => Boolean, { nullable: true, description: 'Choice: abstain.' })
  @IsOptional()
  @IsBoolean()
  abstain?: boolean;
  @Field(() => Boolean, { nullable: true, description: 'A blank ballot.' })
  @IsOptional()
  @IsBoolean()
  blank?: boolean;
  @Field(() => [String], { nullable: true, description: 'Ranked methods: most preferred first.' })
  @IsOptional()
  @ArrayMaxSize(200)
  @IsString({ each: true })
  @MaxLength(64, { each: true })
  ranking?: string[];
  @Field(() => [String], { nullable: true, description: 'Approval: the candidates approved.' })
  @IsOptional()
  @ArrayMaxSize(200)
  @IsString({ each: true })
  @MaxLength(64, { each: true })
  approvals?: string[];
  @Field(() => [GradeInput], { nullable: true, description: 'Majority judgment: one grade each.' })
  @IsOptional()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => GradeInput)
  grades?: GradeInput[];
}

@InputType()
export class CastBallotInput {
  @Field(() => UUIDScalar) @IsUUID() voteId: string;
  @Field(() => BallotInputType)
  @ValidateNested()
  @Type(() => BallotInputType)
  ballot: BallotInputType;
  @Field(() => UUIDScalar, {
    nullable: true,
    description: 'Cast the ballot of a member whose proxy you hold.',
  })
  @IsOptional()
  @IsUUID()
  onBehalfOf?: string;
  @Field(() => UUIDScalar, {
    nullable: true,
    description:
      'A random UUID (v4) chosen by the client for this ballot: sent again with the same ballot, it returns the receipt of the cast that went through instead of ALREADY_VOTED.',
  })
  @IsOptional()
  @IsUUID('4')
  clientRequestId?: string;
}
