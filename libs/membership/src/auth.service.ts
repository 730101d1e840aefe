import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import * as argon2 from 'argon2';
import { DataSource, EntityManager, IsNull, MoreThanOrEqual } from 'typeorm';
import { AuditService } from '@delibera/audit';
import {
  AppConfig,
  AuthUser,
  formatDateTime,
  RateLimit,
  RateLimits,
  requestContext,
  Role,
  SessionRevocations,
  TokenService,
} from '@delibera/kernel';
import { NotificationKind, NotificationsService } from '@delibera/notifications';
import { Account, Invitation, Member, RefreshToken } from './entities';
import { normaliseEmail } from './member-rules';
import { MembershipErrors } from './membership.errors';
import { MemberStatus } from './membership.enums';
import { hashOpaqueToken, newOpaqueToken } from './tokens';

export const MIN_PASSWORD_LENGTH = 12;

/** Members whose status lets them sign in. Suspended members keep their history but not access. */
export const MEMBER_STATUSES_ALLOWED_TO_SIGN_IN = [MemberStatus.Applicant, MemberStatus.Active];

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
export class AuthService implements OnModuleInit {
  /** Verifying against this when the email is unknown keeps response times equal, hiding which emails exist. */
  private readonly decoyHash = hashPassword('decoy-password-never-valid');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tokens: TokenService,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
    private readonly rateLimits: RateLimits,
    private readonly revocations: SessionRevocations,
    private readonly notifications: NotificationsService,
  ) {}

  onModuleInit(): void {
    this.revocations.useSource(async (since) => {
      const accounts = await this.dataSource.getRepository(Account).find({
        select: { id: true, sessionsValidAfter: true },
        where: { sessionsValidAfter: MoreThanOrEqual(since) },
      });
      return accounts.map((a) => ({ accountId: a.id, validAfter: a.sessionsValidAfter as Date }));
    });
  }

  /**
   * Limited per client IP, and per account: after LOGIN_FAILURES_BEFORE_LOCKOUT
   * failures the account is locked for LOCKOUT_MINUTES and its holder told by
   * email. Unknown emails are counted alike, so a lockout reveals nothing.
   */
  async login(email: string, password: string): Promise<Session> {
    await this.rateLimits.consume(RateLimit.LoginPerIp, requestContext.ip());
    const key = normaliseEmail(email);
    const lockedUntil = await this.rateLimits.lockedUntil(key);
    if (lockedUntil) throw this.lockedError(lockedUntil);
    const account = await this.accountWithPassword(key);
    const valid = await argon2.verify(account?.passwordHash ?? (await this.decoyHash), password);
    if (!account || !valid) {
      const failure = await this.rateLimits.recordFailure(key);
      if (failure.lockedNow && account) await this.notifyLockout(account, failure.until as Date);
      if (failure.until) throw this.lockedError(failure.until);
      throw MembershipErrors.INVALID_CREDENTIALS();
    }
    this.assertMaySignIn(account);
    await this.rateLimits.clearFailures(key);
    return this.dataSource.transaction(async (manager) => {
      await manager.update(Account, account.id, { lastLoginAt: new Date() });
      return this.openSession(manager, account);
    });
  }

  /**
   * Changing one's password signs every other session out: refresh tokens are
   * revoked and access tokens issued before now are refused on every replica.
   */
  async changePassword(
    user: AuthUser,
    currentPassword: string,
    newPassword: string,
  ): Promise<Session> {
    const account = await this.accountWithPassword(null, user.accountId);
    if (!account || !(await argon2.verify(account.passwordHash, currentPassword))) {
      throw MembershipErrors.INVALID_CREDENTIALS();
    }
    if (newPassword.length < MIN_PASSWORD_LENGTH) throw MembershipErrors.WEAK_PASSWORD();
    const passwordHash = await hashPassword(newPassword);
    return this.dataSource.transaction(async (manager) => {
      await manager.update(Account, account.id, { passwordHash });
      await this.revokeSessions(manager, { id: account.id });
      await this.audit.append(manager, {
        actorAccountId: account.id,
        action: 'account.password_changed',
        entityType: 'account',
        entityId: account.id,
        data: {},
      });
      return this.openSession(manager, account);
    });
  }

  /**
   * Signs the matching accounts out everywhere: refresh tokens revoked, and
   * access tokens issued before this second refused (JWT `iat` counts whole
   * seconds, so a session opened right after stays valid).
   */
  async revokeSessions(
    manager: EntityManager,
    which: { id: string } | { memberId: string },
  ): Promise<void> {
    const at = new Date(Math.floor(Date.now() / 1000) * 1000);
    const accounts = await manager.find(Account, { select: { id: true }, where: which });
    for (const { id } of accounts) {
      await manager.update(Account, id, { sessionsValidAfter: at });
      await this.revokeRefreshTokens(manager, id);
      this.revocations.note(id, at);
    }
  }

  /** A new member sets their password through the one-time invitation link. */
  async acceptInvitation(token: string, password: string): Promise<Session> {
    await this.rateLimits.consume(RateLimit.InvitationPerIp, requestContext.ip());
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
    await this.rateLimits.consume(RateLimit.LoginPerIp, requestContext.ip());
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
    await this.revokeRefreshTokens(this.dataSource.manager, user.accountId);
  }

  private async revokeRefreshTokens(manager: EntityManager, accountId: string): Promise<void> {
    await manager.update(
      RefreshToken,
      { accountId, revokedAt: IsNull() },
      { revokedAt: new Date() },
    );
  }

  private accountWithPassword(email: string | null, id?: string): Promise<Account | null> {
    const query = this.dataSource
      .getRepository(Account)
      .createQueryBuilder('a')
      .addSelect('a.passwordHash')
      .leftJoinAndSelect('a.member', 'member');
    return (
      email !== null
        ? query.where('lower(a.email) = :email', { email })
        : query.where('a.id = :id', { id })
    ).getOne();
  }

  private lockedError(until: Date) {
    return MembershipErrors.ACCOUNT_LOCKED({
      until: formatDateTime(until, requestContext.locale()),
    });
  }

  private async notifyLockout(account: Account, until: Date): Promise<void> {
    const locale = account.locale;
    await this.dataSource.transaction((manager) =>
      this.notifications.enqueue(manager, [
        {
          kind: NotificationKind.AccountLocked,
          dedupeKey: `account-locked:${account.id}:${until.getTime()}`,
          recipientEmail: account.email,
          recipientMemberId: account.memberId,
          locale,
          params: {
            name: account.member?.displayName ?? account.email,
            failures: this.config.LOGIN_FAILURES_BEFORE_LOCKOUT,
            until: formatDateTime(until, locale),
          },
        },
      ]),
    );
    await this.notifications.kick();
  }

  async account(user: AuthUser): Promise<Account> {
    return this.dataSource.getRepository(Account).findOneOrFail({
      where: { id: user.accountId },
      relations: { member: true },
    });
  }

  private assertMaySignIn(account: Account): void {
    const memberBlocked =
      account.member && !MEMBER_STATUSES_ALLOWED_TO_SIGN_IN.includes(account.member.status);
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
