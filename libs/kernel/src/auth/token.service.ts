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
}

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
    const claims = this.verifyUnderAnySecret(token);
    if (!claims || this.revocations.isRevoked(claims.sub, claims.iat)) return undefined;
    return { accountId: claims.sub, memberId: claims.mid, roles: claims.roles };
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
