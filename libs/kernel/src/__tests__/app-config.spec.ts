import { ConfigError, loadConfig } from '../config/app-config';

describe('loadConfig', () => {
  it('applies defaults and converts types', () => {
    const config = loadConfig({ PORT: '4000', RUN_WORKER_IN_PROCESS: 'false' });
    expect(config.PORT).toBe(4000);
    expect(config.RUN_WORKER_IN_PROCESS).toBe(false);
    expect(config.QUEUE_PREFIX).toBe('{delibera}');
    expect(config.introspection).toBe(true);
  });

  it('refuses to start with a clear message naming each bad variable', () => {
    expect(() =>
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', NODE_ENV: 'production' }),
    ).toThrow(ConfigError);
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', NODE_ENV: 'production' });
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toContain('PORT');
      expect(message).toContain('DATABASE_URL');
      expect(message).toContain('JWT_SECRET'); // required in production
    }
  });

  it('ignores unrelated environment variables', () => {
    expect(Object.keys(loadConfig({ PATH: '/bin', HOME: '/root' }))).not.toContain('PATH');
  });
});
