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
    expect(config.slowQueryMs).toBe(1000);
    expect(config.operationNameRequired).toBe(false);
    expect(config.metricsToken).toBeNull();
    expect(config.sessionTtlHours).toBe(12);
    expect(config.accessTokenTtlMinutes).toBe(15);
    expect(config.asOf).toBeNull();
    expect(config).toMatchObject({
      production: false,
      statementTimeoutMs: 15000,
      maxQueryDepth: 12,
      maxQueryCost: 50000,
      maxAliases: 500,
      maxQueryTokens: 50000,
      bodyLimitBytes: 10485760,
      requestRatePerMinute: 1200,
      loginMaxFailures: 10,
      loginMaxFailuresPerIp: 50,
      loginLockoutMinutes: 15,
    });
  });

  it('reads the limits', () => {
    const config = loadConfig({
      MAX_QUERY_COST: '900',
      MAX_ALIASES: '5',
      MAX_QUERY_TOKENS: '400',
      REQUEST_RATE_PER_MINUTE: '60',
      LOGIN_MAX_FAILURES: '3',
      LOGIN_MAX_FAILURES_PER_IP: '20',
      LOGIN_LOCKOUT_MINUTES: '60',
    });
    expect(config).toMatchObject({ maxQueryCost: 900, maxAliases: 5, maxQueryTokens: 400, requestRatePerMinute: 60, loginMaxFailures: 3, loginMaxFailuresPerIp: 20, loginLockoutMinutes: 60 });
  });

  it('in production, needs a session secret that is not a placeholder', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(
      'Invalid SESSION_SECRET="": must be set in production (NODE_ENV=production): 32+ random characters, e.g. openssl rand -hex 32',
    );
    for (const placeholder of ['x'.repeat(40), 'change-me-change-me-change-me-change-me', '0123456780123456780123456780123456']) {
      expect(() => loadConfig({ NODE_ENV: 'production', SESSION_SECRET: placeholder })).toThrow(
        'Invalid SESSION_SECRET="***": looks like a placeholder (fewer than 10 different characters): use 32+ random characters, e.g. openssl rand -hex 32',
      );
    }
    expect(() => loadConfig({ NODE_ENV: 'production', SESSION_SECRET: 'short-but-random-Q7z' })).toThrow('must be at least 32 characters');
    const config = loadConfig({ NODE_ENV: 'production', SESSION_SECRET: '3f9a1c7e5b2d8046af19c3e7b5d20864' });
    expect(config.production).toBe(true);
    // Outside production an unset secret is generated and kept in the database, as before.
    expect(loadConfig({ NODE_ENV: 'test' }).sessionSecret).toBeNull();
  });

  it('requires analysts to name their operations in production unless told otherwise', () => {
    expect(loadConfig({ NODE_ENV: 'production', SESSION_SECRET: '3f9a1c7e5b2d8046af19c3e7b5d20864' }).operationNameRequired).toBe(true);
    expect(loadConfig({ NODE_ENV: 'production', SESSION_SECRET: '3f9a1c7e5b2d8046af19c3e7b5d20864', OPERATION_NAME_REQUIRED: 'off' }).operationNameRequired).toBe(false);
    expect(loadConfig({ OPERATION_NAME_REQUIRED: 'on' }).operationNameRequired).toBe(true);
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
    [{ MAX_QUERY_COST: '5' }, 'Invalid MAX_QUERY_COST="5": must be a whole number from 10 to 10000000'],
    [{ REQUEST_RATE_PER_MINUTE: 'fast' }, 'Invalid REQUEST_RATE_PER_MINUTE="fast": must be a whole number from 1 to 1000000'],
    [{ EXPORT_PAGE_SIZE: '20000' }, 'Invalid EXPORT_PAGE_SIZE="20000": must be a whole number from 1 to 10000'],
    [{ AS_OF: '2026-02-30' }, 'Invalid AS_OF="2026-02-30": must be a date YYYY-MM-DD'],
    [{ DATABASE_URL: 'mysql://x@y/z' }, 'Invalid DATABASE_URL="mysql://***@y/z": must start with postgres:// or postgresql://'],
    [{ DATABASE_URL: 'not a url' }, 'Invalid DATABASE_URL="not a url": must be a URL like postgres://user:password@host:5432/database'],
    [{ SESSION_SECRET: 'short' }, 'Invalid SESSION_SECRET="***": must be at least 32 characters (leave it unset to have one generated and kept in the database)'],
    [{ CORS_ORIGINS: 'ftp://x' }, 'Invalid CORS_ORIGINS="ftp://x": must be a comma-separated list of origins like https://admin.example.org'],
    [{ ADMIN_EMAIL: 'nobody' , ADMIN_PASSWORD: 'long-enough-password'}, 'Invalid ADMIN_EMAIL="nobody": must be an email address'],
    [{ ADMIN_EMAIL: 'a@b.org' }, 'Invalid ADMIN_PASSWORD="": must be set together with ADMIN_EMAIL'],
    [{ ADMIN_EMAIL: 'a@b.org', ADMIN_PASSWORD: 'short' }, 'Invalid ADMIN_PASSWORD="***": must be at least 12 characters'],
    [{ METRICS_TOKEN: 'short' }, 'Invalid METRICS_TOKEN="***": must be at least 16 visible characters, without spaces'],
    [{ SLOW_QUERY_MS: '0' }, 'Invalid SLOW_QUERY_MS="0": must be a whole number from 1 to 600000'],
    [{ OPERATION_NAME_REQUIRED: 'yes' }, 'Invalid OPERATION_NAME_REQUIRED="yes": must be one of on, off'],
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
