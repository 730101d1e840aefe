import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { TokenService } from '../auth/token.service';
import { AuthUser } from '../auth/role';
import { localeOfRequest } from '../i18n/locale';
import { requestContext } from './request-context';

/**
 * Runs first on every HTTP request: identifies the caller from the bearer token
 * (anonymous when absent or invalid; guards decide what that may do) and opens
 * the request context carrying the id and the caller's language (`?lang=`
 * first, then `Accept-Language`).
 */
@Injectable()
export class RequestContextMiddleware implements NestMiddleware {
  constructor(private readonly tokens: TokenService) {}

  use(req: Request & { user?: AuthUser; id?: unknown }, _res: Response, next: NextFunction): void {
    req.user = this.tokens.userFromAuthorizationHeader(req.headers.authorization);
    const locale = localeOfRequest(req.query, req.headers['accept-language']);
    requestContext.run({ requestId: String(req.id ?? ''), locale, ip: req.ip ?? '' }, next);
  }
}
