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
  });

  it('requires analysts to name their operations in production unless told otherwise', () => {
    expect(loadConfig({ NODE_ENV: 'production' }).operationNameRequired).toBe(true);
    expect(loadConfig({ NODE_ENV: 'production', OPERATION_NAME_REQUIRED: 'off' }).operationNameRequired).toBe(false);
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
    });
  });

  it.each([
    [{ PORT: 'abc' }, 'Invalid PORT="abc": must be a whole number from 0 to 65535'],
    [{ PORT: '70000' }, 'Invalid PORT="70000": must be a whole number from 0 to 65535'],
    [{ LOG_LEVEL: 'loud' }, 'Invalid LOG_LEVEL="loud": must be one of fatal, error, warn, info, debug, trace, silent'],
    [{ DEMO_DATA: 'maybe' }, 'Invalid DEMO_DATA="maybe": must be one of on, off'],
    [{ EXPORT_PAGE_SIZE: '0' }, 'Invalid EXPORT_PAGE_SIZE="0": must be a whole number from 1 to 10000'],
    [{ EXPORT_PAGE_SIZE: '20000' }, 'Invalid EXPORT_PAGE_SIZE="20000": must be a whole number from 1 to 10000'],
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
