import { unwrapResolverError } from '@apollo/server/errors';
import { HttpException, Logger } from '@nestjs/common';
import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { requestContext } from '../context/request-context';
import { CommonErrors } from './common.errors';
import { DomainError } from './domain-error';

const logger = new Logger('GraphQLError');

/** Apollo's own codes for requests that never reached a resolver. */
const REQUEST_ERROR_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

/** graphql-armor's refusals (depth, aliases, cost, tokens, directives) all start with this. */
const LIMIT_REFUSAL = /^Syntax Error: (Query depth|Aliases|Query Cost|Token|Directives)/i;

const CODE_BY_HTTP_STATUS: Record<number, (detail: string) => DomainError> = {
  400: (detail) => CommonErrors.BAD_USER_INPUT({ detail }),
  401: () => CommonErrors.UNAUTHENTICATED(),
  403: () => CommonErrors.FORBIDDEN(),
  404: (detail) => CommonErrors.NOT_FOUND({ entity: detail }),
  429: () => CommonErrors.RATE_LIMITED(),
};

/** PostgreSQL errors that mean "try again", not "we are broken". */
const RETRYABLE_PG_CODES = new Set(['40001', '40P01', '23505', '55P03']);

/**
 * The database went away mid-request (restart, failover, network): the
 * transaction was rolled back, so the client may safely send the call again.
 */
function isDatabaseUnavailable(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  if (typeof code === 'string') {
    // 53300: too many connections, as when every client reconnects at once after a restart.
    if (code.startsWith('08') || ['57P01', '57P02', '57P03', '53300'].includes(code)) return true;
    if (['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT'].includes(code)) return true;
  }
  return (
    typeof message === 'string' &&
    /Connection terminated|Client has encountered a connection error|timeout exceeded when trying to connect/i.test(
      message,
    )
  );
}

/** Codes a client may retry as they are; sent as `extensions.retryable`. */
const RETRYABLE_CODES = new Set(['CONFLICT', 'TEMPORARILY_UNAVAILABLE', 'RATE_LIMITED']);

function toDomainError(formatted: GraphQLFormattedError, original: unknown): DomainError {
  if (original instanceof DomainError) return original;
  const apolloCode = formatted.extensions?.code;
  if (LIMIT_REFUSAL.test(formatted.message)) {
    return CommonErrors.QUERY_TOO_COMPLEX({
      detail: formatted.message.replace(/^Syntax Error: /, ''),
    });
  }
  if (apolloCode === 'PERSISTED_QUERY_NOT_FOUND') return CommonErrors.PERSISTED_QUERY_NOT_FOUND();
  if (typeof apolloCode === 'string' && REQUEST_ERROR_CODES.has(apolloCode)) {
    return CommonErrors.BAD_USER_INPUT({ detail: formatted.message });
  }
  if (original instanceof HttpException) {
    const toError = CODE_BY_HTTP_STATUS[original.getStatus()];
    if (toError) return toError(original.message);
  }
  const pgCode = (original as { code?: unknown } | null)?.code;
  if (typeof pgCode === 'string' && RETRYABLE_PG_CODES.has(pgCode)) {
    return CommonErrors.CONFLICT();
  }
  if (isDatabaseUnavailable(original)) return CommonErrors.TEMPORARILY_UNAVAILABLE();
  logger.error(original instanceof Error ? original.stack : String(original));
  return CommonErrors.INTERNAL();
}

/**
 * What was really thrown. graphql-js wraps anything that is not `instanceof
 * Error` in a NonErrorThrown; an error from another realm is one (Node's own
 * socket errors, ECONNREFUSED included, as seen from a Jest sandbox), and its
 * code must still be read.
 */
function thrownValue(error: unknown): unknown {
  // A DomainError thrown by a plugin before execution (the query cost check) has no path,
  // so unwrapResolverError leaves it inside the GraphQLError that carries its HTTP status.
  if (error instanceof GraphQLError && error.originalError instanceof DomainError) {
    return error.originalError;
  }
  const wrapped = error as { name?: unknown; thrownValue?: unknown } | null;
  return wrapped?.name === 'NonErrorThrown' && wrapped.thrownValue !== undefined
    ? wrapped.thrownValue
    : error;
}

/**
 * The single place where any error leaving the API gets its stable
 * `extensions.code` and a message in the caller's locale. Resolvers never
 * catch to translate; they let DomainErrors rise to here.
 */
export function formatGraphQLError(
  formatted: GraphQLFormattedError,
  error: unknown,
): GraphQLFormattedError {
  const domainError = toDomainError(formatted, thrownValue(unwrapResolverError(error)));
  const extensions: Record<string, unknown> = { code: domainError.code };
  if (RETRYABLE_CODES.has(domainError.code)) extensions.retryable = true;
  if (domainError.details !== undefined) extensions.details = domainError.details;
  return {
    message: domainError.localizedMessage(requestContext.locale()),
    locations: formatted.locations,
    path: formatted.path,
    extensions,
  };
}
