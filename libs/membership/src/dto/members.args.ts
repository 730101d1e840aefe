import { ArgsType, Field } from '@nestjs/graphql';
import { IsEnum, IsOptional, Length, MaxLength } from 'class-validator';
import { ConnectionArgs } from '@delibera/kernel';
import { MemberKind, MemberStatus } from '../membership.enums';

@ArgsType()
export class MembersArgs extends ConnectionArgs {
  @Field(() => MemberStatus, { nullable: true })
  @IsOptional()
  @IsEnum(MemberStatus)
  status?: MemberStatus;
  @Field(() => MemberKind, { nullable: true }) @IsOptional() @IsEnum(MemberKind) kind?: MemberKind;
  @Field(() => String, { nullable: true }) @IsOptional() @Length(2, 2) region?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(50) college?: string;
  @Field(() => String, { nullable: true, description: 'Matches name or email.' })
  @IsOptional()
  @MaxLength(200)
  search?: string;
}
