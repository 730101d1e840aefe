import { ArgsType, Field, InputType } from '@nestjs/graphql';
import {
  IsDateString,
  IsEnum,
  IsInt,
  IsOptional,
  IsUUID,
  Max,
  MaxLength,
  MinLength,
} from 'class-validator';
import { ConnectionArgs, MoneyScalar, UUIDScalar } from '@delibera/kernel';
import { CallStatus, PaymentMethod } from '../contributions.enums';
import { MAX_AMOUNT_CENTS } from '../money';

@InputType()
export class RecordPaymentInput {
  @Field(() => UUIDScalar) @IsUUID() callId: string;
  /** The sign is checked by the service (NEGATIVE_AMOUNT). */
  @Field(() => MoneyScalar) @IsInt() @Max(MAX_AMOUNT_CENTS) amountCents: number;
  @Field(() => String, { description: 'YYYY-MM-DD' })
  @IsDateString({ strict: true })
  paidOn: string;
  @Field(() => PaymentMethod) @IsEnum(PaymentMethod) method: PaymentMethod;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(200) reference?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(2000) note?: string;
}

@InputType()
export class ReversePaymentInput {
  @Field(() => UUIDScalar) @IsUUID() paymentId: string;
  @Field(() => String) @MinLength(1) @MaxLength(2000) reason: string;
}

@InputType()
export class WaiveCallInput {
  @Field(() => UUIDScalar) @IsUUID() callId: string;
  @Field(() => MoneyScalar, {
    description: 'The reduction; the whole outstanding balance for a waiver.',
  })
  @IsInt()
  @Max(MAX_AMOUNT_CENTS)
  amountCents: number;
  @Field(() => String, { description: "Reference of the board's resolution, e.g. CA-2027-014." })
  @MaxLength(200)
  boardDecision: string;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(2000) reason?: string;
}

@InputType()
export class ImportBankStatementInput {
  @Field(() => String) @MinLength(1) @MaxLength(255) fileName: string;
  @Field(() => String, {
    description: 'CSV text: header `date,amount,reference,description`, then one credit per line.',
  })
  @MaxLength(10_000_000)
  content: string;
}

@InputType()
export class MatchBankRowInput {
  @Field(() => UUIDScalar) @IsUUID() rowId: string;
  @Field(() => UUIDScalar) @IsUUID() callId: string;
}

@ArgsType()
export class ContributionCallsArgs extends ConnectionArgs {
  @Field(() => UUIDScalar, { nullable: true }) @IsOptional() @IsUUID() scaleId?: string;
  @Field(() => UUIDScalar, { nullable: true }) @IsOptional() @IsUUID() memberId?: string;
  @Field(() => CallStatus, { nullable: true })
  @IsOptional()
  @IsEnum(CallStatus)
  status?: CallStatus;
}
