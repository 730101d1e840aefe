import { Field, InputType } from '@nestjs/graphql';
import { IsBoolean, IsOptional, IsUUID, MaxLength, MinLength } from 'class-validator';
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

@InputType()
export class DissolveCouncilInput {
  @Field(() => UUIDScalar) @IsUUID() councilId: string;
  @Field(() => String, {
    description:
      'Why, as the board or the assembly decided it: kept with the council and told to those whose application is refused.',
  })
  @MinLength(3)
  @MaxLength(2000)
  reason: string;
}
