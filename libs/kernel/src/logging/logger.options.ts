import { randomUUID } from 'node:crypto';
import { IncomingMessage } from 'node:http';
import { Params } from 'nestjs-pino';
import pino from 'pino';
import { AppConfig } from '../config/app-config';

/**
 * Structured JSON logs with a request id. Secrets never reach a log line:
 * authorization headers, cookies and any field that looks like a credential
 * or a ballot are redacted, and bodies are not logged at all.
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
        'req.headers.authorization',
        'req.headers.cookie',
        '*.password',
        '*.token',
        '*.refreshToken',
        '*.accessToken',
        '*.ballot',
        '*.content',
      ],
      censor: '[redacted]',
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
