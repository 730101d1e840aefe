import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AuthUser, CurrentUser, Public } from '@delibera/kernel';
import { AuthService, Session } from './auth.service';
import { AcceptInvitationInput, ChangePasswordInput, LoginInput } from './dto/auth.input';
import { AccountType, AuthPayloadType } from './membership.types';

function toPayload(session: Session): AuthPayloadType {
  return { ...session, account: AccountType.from(session.account) };
}

@Resolver()
export class AuthResolver {
  constructor(private readonly auth: AuthService) {}

  @Mutation(() => AuthPayloadType)
  @Public()
  async login(@Args('input') input: LoginInput): Promise<AuthPayloadType> {
    return toPayload(await this.auth.login(input.email, input.password));
  }

  @Mutation(() => AuthPayloadType, {
    description: 'Creates your account from an invitation link and signs you in.',
  })
  @Public()
  async acceptInvitation(@Args('input') input: AcceptInvitationInput): Promise<AuthPayloadType> {
    return toPayload(await this.auth.acceptInvitation(input.token, input.password));
  }

  @Mutation(() => AuthPayloadType, {
    description: 'Exchanges a refresh token for a new session (the old one is revoked).',
  })
  @Public()
  async refreshSession(@Args('refreshToken') refreshToken: string): Promise<AuthPayloadType> {
    return toPayload(await this.auth.refresh(refreshToken));
  }

  @Mutation(() => Boolean, { description: 'Revokes every refresh token of your account.' })
  async logout(@CurrentUser() user: AuthUser): Promise<boolean> {
    await this.auth.logout(user);
    return true;
  }

  @Mutation(() => AuthPayloadType, {
    description: 'Changes your password and signs out every other session.',
  })
  async changePassword(
    @CurrentUser() user: AuthUser,
    @Args('input') input: ChangePasswordInput,
  ): Promise<AuthPayloadType> {
    return toPayload(
      await this.auth.changePassword(user, input.currentPassword, input.newPassword),
    );
  }

  @Query(() => AccountType, { description: 'The signed-in account and its member.' })
  async me(@CurrentUser() user: AuthUser): Promise<AccountType> {
    return AccountType.from(await this.auth.account(user));
  }
}
