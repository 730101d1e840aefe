import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { AuthUser, Role } from './role';

export const IS_PUBLIC = 'delibera:public';
export const REQUIRED_ROLES = 'delibera:roles';

/** Opens a resolver or route to anonymous callers. Everything else requires a signed-in caller. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** Requires one of these roles (any of them suffices). */
export const Roles = (...roles: Role[]) => SetMetadata(REQUIRED_ROLES, roles);

/** The caller's request, whether the call came through GraphQL or plain HTTP. */
export function requestOf(context: ExecutionContext): { user?: AuthUser } {
  if (context.getType<string>() === 'graphql') {
    return GqlExecutionContext.create(context).getContext<{ req: { user?: AuthUser } }>().req;
  }
  return context.switchToHttp().getRequest();
}

/** The signed-in caller. Only on guarded (non-public) handlers, where it is always present. */
export const CurrentUser = createParamDecorator(
  (_data: unknown, context: ExecutionContext): AuthUser => requestOf(context).user as AuthUser,
);
