import { Field, InputType } from '@nestjs/graphql';
import { IsBoolean, IsOptional, IsUUID, MaxLength } from 'class-validator';
import { UUIDScalar } from '@delibera/kernel';

@InputType()
export class ApplyToCouncilInput {
  @Field(() => UUIDScalar) @IsUUID() councilId: string;
  @Field(() => String, {
    nullable: true,
    description: 'Councils of practice: what you practise (the chair approves it).',
  })
  @IsOptional()
  @MaxLength(2000)
  declaredPractice?: string;
}

@InputType()
export class DecideCouncilSeatInput {
  @Field(() => UUIDScalar) @IsUUID() seatId: string;
  @Field(() => Boolean) @IsBoolean() approve: boolean;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(2000) reason?: string;
}

@InputType()
export class SetCouncilChairInput {
  @Field(() => UUIDScalar) @IsUUID() councilId: string;
  @Field(() => UUIDScalar) @IsUUID() memberId: string;
}
