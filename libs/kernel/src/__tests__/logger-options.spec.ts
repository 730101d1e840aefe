import { loadConfig } from '../config/app-config';
import { loggerOptions } from '../logging/logger.options';

describe('log redaction', () => {
  const http = loggerOptions(loadConfig({})).pinoHttp as {
    serializers: { req: (req: { url: string }) => { url: string } };
    redact: { paths: string[] };
  };

  it('keeps one-time tickets out of logged URLs', () => {
    expect(
      http.serializers.req({ url: '/admin/queues/session?ticket=eyJ.secret.sig&x=1' }).url,
    ).toBe('/admin/queues/session?ticket=[redacted]&x=1');
  });

  it('never logs the dashboard session cookie it sets', () => {
    expect(http.redact.paths).toEqual(expect.arrayContaining(['res.headers["set-cookie"]']));
  });
});
