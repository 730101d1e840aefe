import { loadConfig } from '../config/app-config';
import { loggerOptions } from '../logging/logger.options';

describe('log redaction', () => {
  const http = loggerOptions(loadConfig({})).pinoHttp as {
    serializers: { req: (req: object) => object };
    redact: { paths: string[] };
  };

  it('keeps one-time tickets out of logged URLs', () => {
    expect(
      http.serializers.req({ url: '/admin/queues/session?ticket=eyJ.secret.sig&x=1' }),
    ).toMatchObject({ url: '/admin/queues/session?ticket=[redacted]&x=1' });
    expect(http.serializers.req({ url: '/q?ticket=a.b.c&ticket=d.e.f' })).toMatchObject({
      url: '/q?ticket=[redacted]&ticket=[redacted]',
    });
  });

  it('logs a request without its headers or body', () => {
    const logged = http.serializers.req({
      id: 'r1',
      method: 'POST',
      url: '/graphql',
      remoteAddress: '127.0.0.1',
      headers: { authorization: 'Bearer eyJ.secret.sig', cookie: 'session=secret' },
      body: { query: 'mutation { castBallot }' },
    });
    expect(logged).toEqual({
      id: 'r1',
      method: 'POST',
      url: '/graphql',
      remoteAddress: '127.0.0.1',
    });
  });

  it('never logs the dashboard session cookie it sets', () => {
    expect(http.redact.paths).toEqual(expect.arrayContaining(['res.headers["set-cookie"]']));
  });
});
