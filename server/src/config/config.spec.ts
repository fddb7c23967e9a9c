import path from 'node:path';
import { ConfigError, loadConfig } from './config';

describe('configuration', () => {
  it('has working defaults with an empty environment', () => {
    const config = loadConfig({}, '/srv/app');
    expect(config.port).toBe(4000);
    expect(config.databaseUrl).toBeNull();
    expect(config.dataDir).toBe(path.resolve('/srv/app', '.data'));
    expect(config.logLevel).toBe('info');
    expect(config.demoData).toBe(true);
    expect(config.corsOrigins).toEqual([]);
    expect(config.maxPageSize).toBe(500);
    expect(config.exportPageSize).toBe(1000);
    expect(config.sessionTtlHours).toBe(12);
    expect(config.accessTokenTtlMinutes).toBe(15);
    expect(config.asOf).toBeNull();
  });

  it('reads every variable', () => {
    const config = loadConfig(
      {
        PORT: '8080',
        DATABASE_URL: 'postgres://u:p@db:5432/placewise',
        DATA_DIR: '/var/lib/placewise',
        LOG_LEVEL: 'DEBUG',
        SESSION_SECRET: 'x'.repeat(32),
        CORS_ORIGINS: 'https://a.example.org, http://localhost:5173/',
        ADMIN_EMAIL: 'Boss@Council.gov.uk',
        ADMIN_PASSWORD: 'twelve-chars-at-least',
        DEMO_DATA: 'off',
        EXPORT_PAGE_SIZE: '250',
        ACCESS_TOKEN_TTL_MINUTES: '5',
        AS_OF: '2026-03-31',
      },
      '/srv/app',
    );
    expect(config).toMatchObject({
      port: 8080,
      databaseUrl: 'postgres://u:p@db:5432/placewise',
      dataDir: '/var/lib/placewise',
      logLevel: 'debug',
      corsOrigins: ['https://a.example.org', 'http://localhost:5173'],
      adminEmail: 'boss@council.gov.uk',
      demoData: false,
      exportPageSize: 250,
      accessTokenTtlMinutes: 5,
      asOf: '2026-03-31',
    });
  });

  it.each([
    [{ PORT: 'abc' }, 'Invalid PORT="abc": must be a whole number from 0 to 65535'],
    [{ PORT: '70000' }, 'Invalid PORT="70000": must be a whole number from 0 to 65535'],
    [{ LOG_LEVEL: 'loud' }, 'Invalid LOG_LEVEL="loud": must be one of fatal, error, warn, info, debug, trace, silent'],
    [{ DEMO_DATA: 'maybe' }, 'Invalid DEMO_DATA="maybe": must be one of on, off'],
    [{ EXPORT_PAGE_SIZE: '0' }, 'Invalid EXPORT_PAGE_SIZE="0": must be a whole number from 1 to 10000'],
    [{ EXPORT_PAGE_SIZE: '20000' }, 'Invalid EXPORT_PAGE_SIZE="20000": must be a whole number from 1 to 10000'],
    [{ AS_OF: '2026-02-30' }, 'Invalid AS_OF="2026-02-30": must be a date YYYY-MM-DD'],
    [{ DATABASE_URL: 'mysql://x@y/z' }, 'Invalid DATABASE_URL="mysql://***@y/z": must start with postgres:// or postgresql://'],
    [{ DATABASE_URL: 'not a url' }, 'Invalid DATABASE_URL="not a url": must be a URL like postgres://user:password@host:5432/database'],
    [{ SESSION_SECRET: 'short' }, 'Invalid SESSION_SECRET="***": must be at least 32 characters (leave it unset to have one generated and kept in the database)'],
    [{ CORS_ORIGINS: 'ftp://x' }, 'Invalid CORS_ORIGINS="ftp://x": must be a comma-separated list of origins like https://admin.example.org'],
    [{ ADMIN_EMAIL: 'nobody' , ADMIN_PASSWORD: 'long-enough-password'}, 'Invalid ADMIN_EMAIL="nobody": must be an email address'],
    [{ ADMIN_EMAIL: 'a@b.org' }, 'Invalid ADMIN_PASSWORD="": must be set together with ADMIN_EMAIL'],
    [{ ADMIN_EMAIL: 'a@b.org', ADMIN_PASSWORD: 'short' }, 'Invalid ADMIN_PASSWORD="***": must be at least 12 characters'],
    [{ ADMIN_EMAIL: 'a@b.org', ADMIN_PASSWORD: 'Password1234' }, 'Invalid ADMIN_PASSWORD="***": is one of the most common passwords; choose another'],
    [{ ACCESS_TOKEN_TTL_MINUTES: '0' }, 'Invalid ACCESS_TOKEN_TTL_MINUTES="0": must be a whole number from 1 to 1440'],
  ])('refuses %j with a one-line message naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
    try {
      loadConfig(env);
    } catch (error) {
      expect((error as Error).message).not.toContain('\n');
    }
  });
});
