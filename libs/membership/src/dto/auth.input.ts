import { Field, InputType } from '@nestjs/graphql';
import { IsEmail, IsNotEmpty, MaxLength } from 'class-validator';

@InputType()
export class LoginInput {
  @Field(() => String) @IsEmail() @MaxLength(254) email: string;
  @Field(() => String) @IsNotEmpty() @MaxLength(200) password: string;
}

@InputType()
export class AcceptInvitationInput {
  @Field(() => String) @IsNotEmpty() @MaxLength(200) token: string;
  @Field(() => String) @IsNotEmpty() @MaxLength(200) password: string;
}

@InputType()
export class ChangePasswordInput {
  @Field(() => String) @IsNotEmpty() @MaxLength(200) currentPassword: string;
  @Field(() => String) @IsNotEmpty() @MaxLength(200) newPassword: string;
}
