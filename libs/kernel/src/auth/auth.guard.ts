import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { CommonErrors } from '../errors/common.errors';
import { IS_PUBLIC, REQUIRED_ROLES, requestOf } from './auth.decorators';
import { hasRole, Role } from './role';

/**
 * Installed globally: deny by default. A handler is reachable anonymously only
 * if marked @Public(); otherwise it needs a valid token, and the roles named by
 * @Roles(). Per-resource rules (author, council member…) live in each domain's policy.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const user = requestOf(context).user;
    if (!user) throw CommonErrors.UNAUTHENTICATED();
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, targets);
    if (roles && roles.length > 0 && !hasRole(user, ...roles)) throw CommonErrors.FORBIDDEN();
    return true;
  }
}
