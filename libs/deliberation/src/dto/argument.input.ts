import { applyDecorators } from '@nestjs/common';
import { ArgsType, Field, InputType, Int } from '@nestjs/graphql';
import {
  IsBoolean,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { UUIDScalar } from '@delibera/kernel';
import { ArgumentStance, MAX_ARGUMENT_LENGTH } from '../deliberation.enums';

/** Which thread: a council's, or the general thread when omitted. */
const ThreadCouncilId = () =>
  applyDecorators(
    Field(() => UUIDScalar, {
      nullable: true,
      description: "A council's thread; omit for the general thread.",
    }),
    IsOptional(),
    IsUUID(),
  );

@InputType()
export class PostArgumentInput {
  @Field(() => UUIDScalar) @IsUUID() proposalId: string;
  @ThreadCouncilId() councilId?: string;
  @Field(() => ArgumentStance) @IsEnum(ArgumentStance) stance: ArgumentStance;
  @Field(() => String, { description: 'Markdown.' })
  @IsString()
  @MaxLength(MAX_ARGUMENT_LENGTH)
  body: string;
}

@InputType()
export class ReplyToArgumentInput {
  @Field(() => UUIDScalar) @IsUUID() argumentId: string;
  @Field(() => ArgumentStance, { nullable: true, description: 'Replies may be untagged.' })
  @IsOptional()
  @IsEnum(ArgumentStance)
  stance?: ArgumentStance;
  @Field(() => String) @IsString() @MaxLength(MAX_ARGUMENT_LENGTH) body: string;
}

@InputType()
export class EditArgumentInput {
  @Field(() => UUIDScalar) @IsUUID() argumentId: string;
  @Field(() => String) @IsString() @MaxLength(MAX_ARGUMENT_LENGTH) body: string;
}

@ArgsType()
export class ProposalThreadArgs {
  @Field(() => UUIDScalar) @IsUUID() proposalId: string;
  @ThreadCouncilId() councilId?: string;
}

@ArgsType()
export class FirstRepliesArgs {
  @Field(() => Int, { defaultValue: 10 }) @IsInt() @Min(0) @Max(50) first: number = 10;
}

@InputType()
export class SetCouncilThreadRestrictedInput {
  @Field(() => UUIDScalar) @IsUUID() proposalId: string;
  @Field(() => UUIDScalar) @IsUUID() councilId: string;
  @Field(() => Boolean) @IsBoolean() restricted: boolean;
}
