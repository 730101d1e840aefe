import { Field, InputType } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsUUID, MaxLength } from 'class-validator';
import { UUIDScalar } from '@delibera/kernel';
import { MemberStatus } from '../membership.enums';

@InputType()
export class ChangeMemberStatusInput {
  @Field(() => UUIDScalar) @IsUUID() memberId: string;
  @Field(() => MemberStatus) @IsEnum(MemberStatus) status: MemberStatus;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(2000) reason?: string;
}
