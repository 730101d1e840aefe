import { randomUUID } from 'node:crypto';
import { IncomingMessage } from 'node:http';
import { Params } from 'nestjs-pino';
import pino from 'pino';
import { AppConfig } from '../config/app-config';

/**
 * Structured JSON logs with a request id. Secrets never reach a log line:
 * a request is logged by its id, method, URL and address, never its headers
 * (authorization, cookies) or body, and any field that looks like a
 * credential or a ballot is redacted.
 */
export function loggerOptions(config: AppConfig): Params {
  const options = {
    level: config.LOG_LEVEL,
    genReqId: (req: IncomingMessage) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w-]{1,64}$/.test(given) ? given : randomUUID();
    },
    redact: {
      paths: [
        'res.headers["set-cookie"]',
        '*.password',
        '*.token',
        '*.refreshToken',
        '*.accessToken',
        '*.ballot',
        '*.content',
      ],
      censor: '[redacted]',
    },
    serializers: {
      // pino-http serialises a request when it opens the request's logger, whatever the level: kept
      // small, it costs little on every request. One-time links (the queue dashboard's) carry their
      // ticket in the query string.
      req: (req: { id?: unknown; method?: string; url?: string; remoteAddress?: string }) => ({
        id: req.id,
        method: req.method,
        url: req.url?.replace(/([?&]ticket=)[^&]*/g, '$1[redacted]'),
        remoteAddress: req.remoteAddress,
      }),
    },
    autoLogging: { ignore: (req) => req.url === '/health' || req.url === '/ready' },
    transport:
      config.NODE_ENV === 'development' && process.stdout.isTTY
        ? { target: 'pino-pretty', options: { singleLine: true } }
        : undefined,
  } satisfies Params['pinoHttp'];
  return {
    pinoHttp: config.LOG_FILE
      ? [options, pino.destination({ dest: config.LOG_FILE, mkdir: true, sync: true })]
      : options,
  };
}
