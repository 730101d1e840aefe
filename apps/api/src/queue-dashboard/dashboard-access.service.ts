import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { createHmac, randomUUID } from 'node:crypto';
import type Redis from 'ioredis';
import { AppConfig, AuthUser, hasRole, REDIS, Role } from '@delibera/kernel';

export const DASHBOARD_PATH = '/admin/queues';
export const DASHBOARD_COOKIE = 'delibera_queue_dashboard';
/** A link is opened right away: one minute, once. */
const TICKET_TTL_SECONDS = 60;
/** How long the dashboard stays open in the browser before a new link is needed. */
export const SESSION_TTL_SECONDS = 15 * 60;

type Purpose = 'ticket' | 'session';
interface DashboardClaims {
  sub: string;
  roles: Role[];
  purpose: Purpose;
  jti?: string;
}

export type Access = { ok: true } | { ok: false; status: 401 | 403 };

/**
 * Who may see the queue dashboard. A browser cannot send the bearer token when
 * it navigates, so an admin asks GraphQL for a one-minute, single-use link; the
 * link trades itself for an httpOnly cookie scoped to the dashboard's path.
 * Both are signed with a key derived for this purpose only, so neither can be
 * replayed as an API access token (nor an access token as either).
 */
@Injectable()
export class DashboardAccessService {
  private readonly secret: string;

  constructor(
    private readonly jwt: JwtService,
    private readonly config: AppConfig,
    @Inject(REDIS) private readonly redis: Redis,
  ) {
    this.secret = createHmac('sha256', config.JWT_SECRET ?? '')
      .update('delibera:queue-dashboard')
      .digest('base64url');
  }

  /** The link an admin opens; the caller's role was checked by the resolver. */
  issueLink(user: AuthUser): { url: string; expiresAt: Date } {
    const ticket = this.sign(user, 'ticket', TICKET_TTL_SECONDS, randomUUID());
    const url = new URL(`${DASHBOARD_PATH}/session`, this.config.PUBLIC_URL);
    url.searchParams.set('ticket', ticket);
    return { url: url.toString(), expiresAt: new Date(Date.now() + TICKET_TTL_SECONDS * 1000) };
  }

  /** Trades a valid, unused ticket for a session token; undefined otherwise. */
  async redeem(ticket: string | undefined): Promise<string | undefined> {
    const claims = this.verify(ticket, 'ticket');
    if (!claims?.jti || !hasRole(asUser(claims), Role.Admin)) return undefined;
    const firstUse = await this.redis.set(
      `${this.config.QUEUE_PREFIX}:dashboard-ticket:${claims.jti}`,
      '1',
      'EX',
      TICKET_TTL_SECONDS * 2,
      'NX',
    );
    if (firstUse !== 'OK') return undefined;
    return this.sign(asUser(claims), 'session', SESSION_TTL_SECONDS);
  }

  /** 401 without a valid session (or bearer access token), 403 without the admin role. */
  check(session: AuthUser | undefined): Access {
    if (!session) return { ok: false, status: 401 };
    if (!hasRole(session, Role.Admin)) return { ok: false, status: 403 };
    return { ok: true };
  }

  sessionUser(token: string | undefined): AuthUser | undefined {
    const claims = this.verify(token, 'session');
    return claims ? asUser(claims) : undefined;
  }

  private sign(user: AuthUser, purpose: Purpose, ttlSeconds: number, jti?: string): string {
    const claims: DashboardClaims = { sub: user.accountId, roles: user.roles, purpose };
    if (jti) claims.jti = jti;
    return this.jwt.sign(claims, { secret: this.secret, expiresIn: ttlSeconds });
  }

  private verify(token: string | undefined, purpose: Purpose): DashboardClaims | undefined {
    if (!token) return undefined;
    try {
      const claims = this.jwt.verify<DashboardClaims>(token, { secret: this.secret });
      return claims.purpose === purpose ? claims : undefined;
    } catch {
      return undefined;
    }
  }
}

function asUser(claims: DashboardClaims): AuthUser {
  return { accountId: claims.sub, memberId: null, roles: claims.roles };
}
