import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { requestContext } from '../context/request-context';
import { CommonErrors } from './common.errors';
import { DomainError } from './domain-error';

/** The HTTP status of a refusal; any other domain error is a bad request. */
const STATUS_BY_CODE: Record<string, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  RATE_LIMITED: 429,
  TEMPORARILY_UNAVAILABLE: 503,
  INTERNAL: 500,
};

const logger = new Logger('HttpError');

/**
 * For plain HTTP routes (downloads), what formatGraphQLError is for GraphQL:
 * a DomainError (the guard's UNAUTHENTICATED and FORBIDDEN included) becomes
 * its status and `{ code, message }` in the caller's language; anything
 * unexpected is logged and answered INTERNAL. Once a download has started
 * streaming, the status is sent: the connection is cut instead.
 */
@Catch()
export class DomainErrorHttpFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    if (response.headersSent) {
      // Mid-download: the client went away (nothing to report) or the source failed.
      if ((exception as { code?: unknown } | null)?.code !== 'ERR_STREAM_PREMATURE_CLOSE')
        logger.error(exception instanceof Error ? exception.stack : String(exception));
      response.destroy();
      return;
    }
    const error = toDomainError(exception);
    response
      .status(STATUS_BY_CODE[error.code] ?? 400)
      .json({ code: error.code, message: error.localizedMessage(requestContext.locale()) });
  }
}

function toDomainError(exception: unknown): DomainError {
  if (exception instanceof DomainError) return exception;
  if (exception instanceof HttpException && exception.getStatus() === 404)
    return CommonErrors.NOT_FOUND({ entity: exception.message });
  logger.error(exception instanceof Error ? exception.stack : String(exception));
  return CommonErrors.INTERNAL();
}
