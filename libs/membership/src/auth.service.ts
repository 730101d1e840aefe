import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import * as argon2 from 'argon2';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { AuditService } from '@delibera/audit';
import { AppConfig, AuthUser, Role, TokenService } from '@delibera/kernel';
import { Account, Invitation, Member, RefreshToken } from './entities';
import { normaliseEmail } from './member-rules';
import { MembershipErrors } from './membership.errors';
import { MemberStatus } from './membership.enums';
import { hashOpaqueToken, newOpaqueToken } from './tokens';

export const MIN_PASSWORD_LENGTH = 12;

/** Members whose status lets them sign in. Suspended members keep their history but not access. */
const STATUSES_ALLOWED_TO_SIGN_IN = [MemberStatus.Applicant, MemberStatus.Active];

export interface Session {
  accessToken: string;
  accessTokenExpiresAt: Date;
  refreshToken: string;
  account: Account;
}

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id });
}

@Injectable()
export class AuthService {
  /** Verifying against this when the email is unknown keeps response times equal, hiding which emails exist. */
  private readonly decoyHash = hashPassword('decoy-password-never-valid');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tokens: TokenService,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  async login(email: string, password: string): Promise<Session> {
    const account = await this.dataSource
      .getRepository(Account)
      .createQueryBuilder('a')
      .addSelect('a.passwordHash')
      .leftJoinAndSelect('a.member', 'member')
      .where('lower(a.email) = :email', { email: normaliseEmail(email) })
      .getOne();
    const valid = await argon2.verify(account?.passwordHash ?? (await this.decoyHash), password);
    if (!account || !valid) throw MembershipErrors.INVALID_CREDENTIALS();
    this.assertMaySignIn(account);
    return this.dataSource.transaction(async (manager) => {
      await manager.update(Account, account.id, { lastLoginAt: new Date() });
      return this.openSession(manager, account);
    });
  }

  /** A new member sets their password through the one-time invitation link. */
  async acceptInvitation(token: string, password: string): Promise<Session> {
    if (password.length < MIN_PASSWORD_LENGTH) throw MembershipErrors.WEAK_PASSWORD();
    const passwordHash = await hashPassword(password);
    return this.dataSource.transaction(async (manager) => {
      const invitation = await manager
        .getRepository(Invitation)
        .createQueryBuilder('i')
        .setLock('pessimistic_write')
        .where('i.tokenHash = :hash AND i.acceptedAt IS NULL', { hash: hashOpaqueToken(token) })
        .getOne();
      if (!invitation) throw MembershipErrors.INVITATION_INVALID();
      if (invitation.expiresAt.getTime() <= Date.now()) throw MembershipErrors.INVITATION_EXPIRED();
      const member = await manager.findOneByOrFail(Member, { id: invitation.memberId });
      const existing = await manager.findOneBy(Account, { memberId: member.id });
      if (existing) throw MembershipErrors.INVITATION_INVALID();
      const account = await manager.save(
        manager.create(Account, {
          email: member.email,
          passwordHash,
          roles: [Role.Member],
          memberId: member.id,
          locale: member.locale,
        }),
      );
      account.member = member;
      await manager.update(Invitation, invitation.id, { acceptedAt: new Date() });
      await this.audit.append(manager, {
        actorAccountId: account.id,
        action: 'account.created_from_invitation',
        entityType: 'account',
        entityId: account.id,
        data: { memberId: member.id, invitationId: invitation.id },
      });
      this.assertMaySignIn(account);
      return this.openSession(manager, account);
    });
  }

  /** Exchanges a refresh token for a new session; the old token is revoked (rotation). */
  async refresh(refreshToken: string): Promise<Session> {
    return this.dataSource.transaction(async (manager) => {
      const stored = await manager
        .getRepository(RefreshToken)
        .createQueryBuilder('r')
        .setLock('pessimistic_write')
        .where('r.tokenHash = :hash AND r.revokedAt IS NULL', {
          hash: hashOpaqueToken(refreshToken),
        })
        .getOne();
      if (!stored || stored.expiresAt.getTime() <= Date.now())
        throw MembershipErrors.INVALID_REFRESH_TOKEN();
      await manager.update(RefreshToken, stored.id, { revokedAt: new Date() });
      const account = await manager.findOneOrFail(Account, {
        where: { id: stored.accountId },
        relations: { member: true },
      });
      this.assertMaySignIn(account);
      return this.openSession(manager, account);
    });
  }

  async logout(user: AuthUser): Promise<void> {
    await this.dataSource
      .getRepository(RefreshToken)
      .update({ accountId: user.accountId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }

  async account(user: AuthUser): Promise<Account> {
    return this.dataSource.getRepository(Account).findOneOrFail({
      where: { id: user.accountId },
      relations: { member: true },
    });
  }

  private assertMaySignIn(account: Account): void {
    const memberBlocked =
      account.member && !STATUSES_ALLOWED_TO_SIGN_IN.includes(account.member.status);
    if (account.disabled || memberBlocked) throw MembershipErrors.ACCOUNT_DISABLED();
  }

  private async openSession(manager: EntityManager, account: Account): Promise<Session> {
    const refresh = newOpaqueToken();
    await manager.insert(RefreshToken, {
      accountId: account.id,
      tokenHash: refresh.hash,
      expiresAt: new Date(Date.now() + this.config.REFRESH_TOKEN_TTL_DAYS * 86_400_000),
    });
    const accessToken = this.tokens.signAccessToken({
      accountId: account.id,
      memberId: account.memberId,
      roles: account.roles,
    });
    return {
      accessToken,
      accessTokenExpiresAt: new Date(Date.now() + this.config.ACCESS_TOKEN_TTL_SECONDS * 1000),
      refreshToken: refresh.token,
      account,
    };
  }
}
