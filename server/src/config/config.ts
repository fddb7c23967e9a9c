import path from 'node:path';
import { passwordProblem } from '../modules/user/password-rules';
import { isIsoDate, type IsoDate } from '../common/dates';

/** Everything the process reads from its environment, validated once at start. */
export interface Config {
  port: number;
  host: string;
  databaseUrl: string | null;
  dataDir: string;
  embeddedPostgresPort: number | null;
  logLevel: LogLevel;
  sessionSecret: string | null;
  sessionTtlHours: number;
  accessTokenTtlMinutes: number;
  corsOrigins: string[];
  adminEmail: string | null;
  adminPassword: string | null;
  demoData: boolean;
  statementTimeoutMs: number;
  maxPageSize: number;
  /** Rows per page when /export pages through a connection (beyond maxPageSize, which is for interactive use). */
  exportPageSize: number;
  maxQueryDepth: number;
  bodyLimitBytes: number;
  /** The day the server takes as today (`AS_OF`, for tests and demonstrations); null: the real date. */
  asOf: IsoDate | null;
  /** NODE_ENV=production: the session secret must be given and strong. */
  production: boolean;
  maxQueryCost: number;
  maxAliases: number;
  maxQueryTokens: number;
  /** Requests a minute per signed-in user or key (per address when signed out). */
  requestRatePerMinute: number;
  loginMaxFailures: number;
  loginMaxFailuresPerIp: number;
  loginLockoutMinutes: number;
  /** SQL statements slower than this are logged with their operation's name. */
  slowQueryMs: number;
  /** Refuse analysts' operations that have no name (so that their load can be attributed). */
  operationNameRequired: boolean;
  /** Bearer token a Prometheus scraper sends to /metrics; null: /metrics answers this machine only. */
  metricsToken: string | null;
}

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** A wrong environment value: the message is one line naming the variable and what is allowed. */
export class ConfigError extends Error {
  constructor(variable: string, allowed: string, value: string) {
    super(`Invalid ${variable}=${JSON.stringify(value)}: ${allowed}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

function read(env: Env, name: string): string | undefined {
  const value = env[name];
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = read(env, name);
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    throw new ConfigError(name, `must be a whole number from ${min} to ${max}`, raw);
  }
  return Number(raw);
}

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const raw = read(env, name);
  if (raw === undefined) return fallback;
  const value = raw.toLowerCase() as T;
  if (!allowed.includes(value)) throw new ConfigError(name, `must be one of ${allowed.join(', ')}`, raw);
  return value;
}

function databaseUrl(env: Env): string | null {
  const raw = read(env, 'DATABASE_URL');
  if (raw === undefined) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError('DATABASE_URL', 'must be a URL like postgres://user:password@host:5432/database', raw);
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new ConfigError('DATABASE_URL', 'must start with postgres:// or postgresql://', raw.replace(/\/\/[^@]*@/, '//***@'));
  }
  return raw;
}

function corsOrigins(env: Env): string[] {
  const raw = read(env, 'CORS_ORIGINS');
  if (raw === undefined) return [];
  const origins = raw.split(',').map((o) => o.trim()).filter(Boolean);
  for (const origin of origins) {
    let url: URL | null = null;
    try {
      url = new URL(origin);
    } catch {
      /* reported below */
    }
    if (!url || !/^https?:$/.test(url.protocol) || url.origin !== origin.replace(/\/$/, '')) {
      throw new ConfigError('CORS_ORIGINS', 'must be a comma-separated list of origins like https://admin.example.org', raw);
    }
  }
  return origins.map((o) => o.replace(/\/$/, ''));
}

function date(env: Env, name: string): IsoDate | null {
  const raw = read(env, name);
  if (raw === undefined) return null;
  if (!isIsoDate(raw)) throw new ConfigError(name, 'must be a date YYYY-MM-DD', raw);
  return raw;
}

function email(env: Env, name: string): string | null {
  const raw = read(env, name);
  if (raw === undefined) return null;
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(raw)) throw new ConfigError(name, 'must be an email address', raw);
  return raw.toLowerCase();
}

/**
 * A secret short enough to guess is refused always; in production it must also be given (a
 * generated one lives in the database it protects, so a copy of a backup could sign tokens)
 * and not be a placeholder: a value with few distinct characters ("change-me-change-me…",
 * "xxxx…") is one.
 */
function readSessionSecret(env: Env, production: boolean): string | null {
  const secret = read(env, 'SESSION_SECRET') ?? null;
  if (secret !== null && secret.length < 32) {
    throw new ConfigError('SESSION_SECRET', 'must be at least 32 characters (leave it unset to have one generated and kept in the database)', '***');
  }
  if (production && secret === null) {
    throw new ConfigError('SESSION_SECRET', 'must be set in production (NODE_ENV=production): 32+ random characters, e.g. openssl rand -hex 32', '');
  }
  if (production && new Set(secret).size < 10) {
    throw new ConfigError('SESSION_SECRET', 'looks like a placeholder (fewer than 10 different characters): use 32+ random characters, e.g. openssl rand -hex 32', '***');
  }
  return secret;
}

export function loadConfig(env: Env = process.env, cwd = process.cwd()): Config {
  const production = read(env, 'NODE_ENV') === 'production';
  const sessionSecret = readSessionSecret(env, production);
  const adminEmail = email(env, 'ADMIN_EMAIL');
  const adminPassword = read(env, 'ADMIN_PASSWORD') ?? null;
  const passwordRule = adminPassword === null ? null : passwordProblem(adminPassword);
  if (passwordRule) throw new ConfigError('ADMIN_PASSWORD', passwordRule, '***');
  if ((adminEmail === null) !== (adminPassword === null)) {
    const missing = adminEmail === null ? 'ADMIN_EMAIL' : 'ADMIN_PASSWORD';
    throw new ConfigError(missing, 'must be set together with ' + (missing === 'ADMIN_EMAIL' ? 'ADMIN_PASSWORD' : 'ADMIN_EMAIL'), '');
  }
  const metricsToken = read(env, 'METRICS_TOKEN') ?? null;
  if (metricsToken !== null && !/^[\x21-\x7e]{16,}$/.test(metricsToken)) {
    throw new ConfigError('METRICS_TOKEN', 'must be at least 16 visible characters, without spaces', '***');
  }
  const embeddedPort = read(env, 'EMBEDDED_PG_PORT') === undefined ? null : integer(env, 'EMBEDDED_PG_PORT', 0, 1024, 65535);
  return {
    port: integer(env, 'PORT', 4000, 0, 65535),
    host: read(env, 'HOST') ?? '0.0.0.0',
    databaseUrl: databaseUrl(env),
    dataDir: path.resolve(cwd, read(env, 'DATA_DIR') ?? '.data'),
    embeddedPostgresPort: embeddedPort,
    logLevel: oneOf(env, 'LOG_LEVEL', LOG_LEVELS, 'info'),
    sessionSecret,
    sessionTtlHours: integer(env, 'SESSION_TTL_HOURS', 12, 1, 24 * 30),
    accessTokenTtlMinutes: integer(env, 'ACCESS_TOKEN_TTL_MINUTES', 15, 1, 24 * 60),
    corsOrigins: corsOrigins(env),
    adminEmail,
    adminPassword,
    demoData: oneOf(env, 'DEMO_DATA', ['on', 'off'] as const, 'on') === 'on',
    statementTimeoutMs: integer(env, 'STATEMENT_TIMEOUT_MS', 15000, 100, 600000),
    maxPageSize: integer(env, 'MAX_PAGE_SIZE', 500, 1, 10000),
    exportPageSize: integer(env, 'EXPORT_PAGE_SIZE', 1000, 1, 10000),
    maxQueryDepth: integer(env, 'MAX_QUERY_DEPTH', 12, 2, 50),
    bodyLimitBytes: integer(env, 'BODY_LIMIT_BYTES', 10 * 1024 * 1024, 1024, 100 * 1024 * 1024),
    asOf: date(env, 'AS_OF'),
    production,
    maxQueryCost: integer(env, 'MAX_QUERY_COST', 50000, 10, 10_000_000),
    maxAliases: integer(env, 'MAX_ALIASES', 500, 1, 10000),
    maxQueryTokens: integer(env, 'MAX_QUERY_TOKENS', 50000, 100, 1_000_000),
    requestRatePerMinute: integer(env, 'REQUEST_RATE_PER_MINUTE', 1200, 1, 1_000_000),
    loginMaxFailures: integer(env, 'LOGIN_MAX_FAILURES', 10, 1, 1000),
    loginMaxFailuresPerIp: integer(env, 'LOGIN_MAX_FAILURES_PER_IP', 50, 1, 100000),
    loginLockoutMinutes: integer(env, 'LOGIN_LOCKOUT_MINUTES', 15, 1, 24 * 60),
    slowQueryMs: integer(env, 'SLOW_QUERY_MS', 1000, 1, 600000),
    operationNameRequired: oneOf(env, 'OPERATION_NAME_REQUIRED', ['on', 'off'] as const, production ? 'on' : 'off') === 'on',
    metricsToken,
  };
}
