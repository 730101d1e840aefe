import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AuthUser, Role } from './role';

interface AccessTokenClaims {
  sub: string;
  mid: string | null;
  roles: Role[];
}

/** Signs and verifies short-lived access tokens. Refresh tokens are opaque and live in the database. */
@Injectable()
export class TokenService {
  constructor(private readonly jwt: JwtService) {}

  signAccessToken(user: AuthUser): string {
    const claims: AccessTokenClaims = {
      sub: user.accountId,
      mid: user.memberId,
      roles: user.roles,
    };
    return this.jwt.sign(claims);
  }

  /** The caller behind a bearer token, or undefined for a missing, forged or expired one. */
  verifyAccessToken(token: string | undefined): AuthUser | undefined {
    if (!token) return undefined;
    try {
      const claims = this.jwt.verify<AccessTokenClaims>(token);
      return { accountId: claims.sub, memberId: claims.mid, roles: claims.roles };
    } catch {
      return undefined;
    }
  }

  userFromAuthorizationHeader(header: string | undefined): AuthUser | undefined {
    const match = /^Bearer\s+(.+)$/i.exec(header ?? '');
    return this.verifyAccessToken(match?.[1]);
  }
}
