import { createSecretKey } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AppConfig } from '../config/app-config';
import { SessionRevocations } from '../security/session-revocations';
import { AuthUser, Role } from './role';

interface AccessTokenClaims {
  sub: string;
  mid: string | null;
  roles: Role[];
  iat: number;
  exp?: number;
}

/** Tokens whose signature was checked, kept this long at most (never past their expiry). */
export const VERIFIED_TOKEN_CACHE_MS = 60_000;
/**
 * Bound on the cache (signed tokens only get in, so only real clients fill it). At the bound the
 * oldest entry goes — the first to expire anyway — rather than the whole cache, which would make
 * every client's next request pay for a signature check at once.
 */
export const VERIFIED_TOKEN_CACHE_SIZE = 10_000;

/**
 * Signs and verifies short-lived access tokens. Refresh tokens are opaque and
 * live in the database. Tokens are signed with JWT_SECRET and accepted under
 * any of JWT_PREVIOUS_SECRETS too, so the key can be rotated without signing
 * everyone out; a revoked session (password change) is refused.
 */
@Injectable()
export class TokenService {
  /** One verifier per earlier key, each a KeyObject parsed once (see kernel.module.ts). */
  private readonly previousKeys: JwtService[];
  /**
   * A client sends the same token with each request, and checking its
   * signature (jsonwebtoken) is the costliest step of authenticating one, so
   * a verified token's claims are kept briefly. Revocation is still checked
   * on every request, below.
   */
  private readonly verified = new Map<string, { claims: AccessTokenClaims; until: number }>();

  constructor(
    private readonly jwt: JwtService,
    config: AppConfig,
    private readonly revocations: SessionRevocations,
  ) {
    this.previousKeys = config.jwtVerificationSecrets
      .slice(1)
      .map((secret) => new JwtService({ secret: createSecretKey(Buffer.from(secret)) }));
  }

  signAccessToken(user: AuthUser): string {
    const claims: Omit<AccessTokenClaims, 'iat'> = {
      sub: user.accountId,
      mid: user.memberId,
      roles: user.roles,
    };
    return this.jwt.sign(claims);
  }

  /** The caller behind a bearer token, or undefined for a missing, forged, expired or revoked one. */
  verifyAccessToken(token: string | undefined): AuthUser | undefined {
    if (!token) return undefined;
    const claims = this.verifiedClaims(token);
    if (!claims || this.revocations.isRevoked(claims.sub, claims.iat)) return undefined;
    return { accountId: claims.sub, memberId: claims.mid, roles: claims.roles };
  }

  private verifiedClaims(token: string): AccessTokenClaims | undefined {
    const now = Date.now();
    const cached = this.verified.get(token);
    if (cached && now < cached.until) return cached.claims;
    const claims = this.verifyUnderAnySecret(token);
    // Deleted first so that a re-verified token moves to the end of the Map's insertion order.
    this.verified.delete(token);
    if (claims) {
      if (this.verified.size >= VERIFIED_TOKEN_CACHE_SIZE) {
        this.verified.delete(this.verified.keys().next().value as string);
      }
      const expires = claims.exp === undefined ? Infinity : claims.exp * 1000;
      this.verified.set(token, { claims, until: Math.min(now + VERIFIED_TOKEN_CACHE_MS, expires) });
    }
    return claims;
  }

  private verifyUnderAnySecret(token: string): AccessTokenClaims | undefined {
    try {
      return this.jwt.verify<AccessTokenClaims>(token); // the current key
    } catch {
      for (const previous of this.previousKeys) {
        try {
          return previous.verify<AccessTokenClaims>(token);
        } catch {
          // try the next earlier key
        }
      }
      return undefined;
    }
  }

  userFromAuthorizationHeader(header: string | undefined): AuthUser | undefined {
    const match = /^Bearer\s+(.+)$/i.exec(header ?? '');
    return this.verifyAccessToken(match?.[1]);
  }
}
