import { ArgsType, Field, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  IsDate,
  IsEnum,
  IsIn,
  IsOptional,
  IsUrl,
  IsUUID,
  Length,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { CharterChangeInput, DecisionType } from '@delibera/charter';
import { ConnectionArgs, UUIDScalar } from '@delibera/kernel';
import { AmendmentStatus } from '../amendments/proposal-amendment.entity';
import { OpinionPosition } from '../consultation/council-opinion.entity';
import { ProposalStatus } from '../proposal-status';

const MAX_TITLE = 200;
const MAX_BODY = 100_000;
const MAX_NOTE = 5_000;

@InputType()
export class DraftProposalInput {
  @Field(() => DecisionType) @IsEnum(DecisionType) decisionType: DecisionType;
  @Field(() => String) @Length(1, MAX_TITLE) title: string;
  @Field(() => String, { description: 'Markdown.' }) @Length(1, MAX_BODY) body: string;
  @Field(() => CharterChangeInput, {
    nullable: true,
    description:
      'A deed amendment (CharterAmendment) only: the charter rules it changes once adopted.',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => CharterChangeInput)
  charterChange?: CharterChangeInput;
}

@InputType()
export class EditProposalDraftInput {
  @Field(() => UUIDScalar) @IsUUID() proposalId: string;
  @Field(() => String) @Length(1, MAX_TITLE) title: string;
  @Field(() => String) @Length(1, MAX_BODY) body: string;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(MAX_NOTE) note?: string;
  @Field(() => CharterChangeInput, {
    nullable: true,
    description:
      'A deed amendment: its changes to the charter, replaced whole; left out, they stay; null removes them (the amendment then changes only the deed’s text).',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => CharterChangeInput)
  charterChange?: CharterChangeInput | null;
}

@InputType({ description: 'Requested phase dates; each defaults to the charter minimum.' })
export class SubmitProposalInput {
  @Field(() => UUIDScalar) @IsUUID() proposalId: string;
  @Field(() => Date, { nullable: true }) @IsOptional() @IsDate() consultationEndsAt?: Date;
  @Field(() => Date, { nullable: true }) @IsOptional() @IsDate() deliberationEndsAt?: Date;
  @Field(() => Date, { nullable: true }) @IsOptional() @IsDate() votingOpensAt?: Date;
  @Field(() => Date, { nullable: true }) @IsOptional() @IsDate() votingClosesAt?: Date;
}

@InputType()
export class AdvanceProposalInput {
  @Field(() => UUIDScalar) @IsUUID() proposalId: string;
  @Field(() => ProposalStatus) @IsEnum(ProposalStatus) to: ProposalStatus;
}

@InputType()
export class CancelProposalInput {
  @Field(() => UUIDScalar) @IsUUID() proposalId: string;
  @Field(() => String) @Length(1, MAX_NOTE) reason: string;
}

@InputType()
export class DraftOpinionInput {
  @Field(() => UUIDScalar) @IsUUID() consultationId: string;
  @Field(() => OpinionPosition) @IsEnum(OpinionPosition) position: OpinionPosition;
  @Field(() => String) @Length(1, 20_000) text: string;
}

@InputType({
  description:
    "A drafted opinion put to the council's vote; it must close before the consultation is due.",
})
export class PutOpinionToVoteInput {
  @Field(() => UUIDScalar) @IsUUID() opinionId: string;
  @Field(() => Date, { nullable: true, description: 'Defaults to now.' })
  @IsOptional()
  @IsDate()
  opensAt?: Date;
  @Field(() => Date) @IsDate() closesAt: Date;
}

@InputType()
export class ProposeAmendmentInput {
  @Field(() => UUIDScalar) @IsUUID() proposalId: string;
  @Field(() => String) @Length(1, MAX_TITLE) title: string;
  @Field(() => String, { description: 'The whole amended body (Markdown).' })
  @Length(1, MAX_BODY)
  body: string;
  @Field(() => String) @MaxLength(MAX_NOTE) rationale: string;
}

const DECISIONS = [AmendmentStatus.Accepted, AmendmentStatus.Refused];

@InputType()
export class DecideAmendmentInput {
  @Field(() => UUIDScalar) @IsUUID() amendmentId: string;
  @Field(() => AmendmentStatus, {
    description: 'Accepted or Refused (a vote is asked with putAmendmentToVote).',
  })
  @IsIn(DECISIONS)
  decision: AmendmentStatus.Accepted | AmendmentStatus.Refused;
}

@InputType({
  description: 'An amendment put to its own vote, by the body that decides the proposal.',
})
export class PutAmendmentToVoteInput {
  @Field(() => UUIDScalar) @IsUUID() amendmentId: string;
  @Field(() => Date, { nullable: true, description: 'Defaults to now.' })
  @IsOptional()
  @IsDate()
  opensAt?: Date;
  @Field(() => Date) @IsDate() closesAt: Date;
}

@InputType()
export class AttachLinkInput {
  @Field(() => UUIDScalar) @IsUUID() proposalId: string;
  @Field(() => String)
  @MaxLength(2000)
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true })
  url: string;
  @Field(() => String) @Length(1, MAX_TITLE) title: string;
}

@ArgsType()
export class ProposalsArgs extends ConnectionArgs {
  @Field(() => ProposalStatus, { nullable: true })
  @IsOptional()
  @IsEnum(ProposalStatus)
  status?: ProposalStatus;
  @Field(() => DecisionType, { nullable: true })
  @IsOptional()
  @IsEnum(DecisionType)
  decisionType?: DecisionType;
  @Field(() => UUIDScalar, {
    nullable: true,
    description: 'Proposals this council is consulted on.',
  })
  @IsOptional()
  @IsUUID()
  councilId?: string;
  @Field(() => UUIDScalar, { nullable: true }) @IsOptional() @IsUUID() authorMemberId?: string;
  @Field(() => String, {
    nullable: true,
    description: 'Full-text search of title and body (French and English).',
  })
  @IsOptional()
  @MaxLength(200)
  search?: string;
}
