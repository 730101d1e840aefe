import { ArgumentsHost, Logger } from '@nestjs/common';
import { requestContext } from '../context/request-context';
import { CommonErrors } from '../errors/common.errors';
import { DomainErrorHttpFilter } from '../errors/http-error.filter';

function fakeResponse(headersSent = false) {
  const response = {
    headersSent,
    statusCode: 0,
    body: undefined as unknown,
    destroyed: false,
    status(code: number) {
      response.statusCode = code;
      return response;
    },
    json(body: unknown) {
      response.body = body;
      return response;
    },
    destroy() {
      response.destroyed = true;
    },
  };
  return response;
}

const hostOf = (response: unknown) =>
  ({ switchToHttp: () => ({ getResponse: () => response }) }) as unknown as ArgumentsHost;

describe('DomainErrorHttpFilter', () => {
  const filter = new DomainErrorHttpFilter();
  const inLocale = (locale: 'fr' | 'en', fn: () => void) =>
    requestContext.run({ requestId: 't', locale, ip: '' }, fn);

  it.each([
    [CommonErrors.UNAUTHENTICATED(), 401],
    [CommonErrors.FORBIDDEN(), 403],
    [CommonErrors.INVALID_VALUE({ field: 'fiscalYear' }), 400],
  ])('answers %s with its status and a message in the caller’s language', (error, status) => {
    const french = fakeResponse();
    inLocale('fr', () => filter.catch(error, hostOf(french)));
    expect(french.statusCode).toBe(status);
    expect(french.body).toEqual({ code: error.code, message: error.localizedMessage('fr') });
    const english = fakeResponse();
    inLocale('en', () => filter.catch(error, hostOf(english)));
    expect(english.body).toEqual({ code: error.code, message: error.localizedMessage('en') });
  });

  it('answers anything unexpected INTERNAL (500) without leaking it', () => {
    jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const response = fakeResponse();
    inLocale('en', () => filter.catch(new Error('password=hunter2'), hostOf(response)));
    expect(response.statusCode).toBe(500);
    expect(JSON.stringify(response.body)).not.toContain('hunter2');
  });

  it('cuts a download already under way instead of appending an error to it', () => {
    const response = fakeResponse(true);
    filter.catch(
      Object.assign(new Error('gone'), { code: 'ERR_STREAM_PREMATURE_CLOSE' }),
      hostOf(response),
    );
    expect(response.destroyed).toBe(true);
    expect(response.body).toBeUndefined();
  });
});
