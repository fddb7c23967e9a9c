/**
 * Docker does not run on the development machines, so docker-compose.yml and the Dockerfile
 * are checked here by their content: the things that would otherwise only fail on a server.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

const ROOT = path.resolve(__dirname, '../..');
const COMPOSE_FILE = path.join(ROOT, 'docker-compose.yml');

type Yaml = Record<string, unknown>;

function isMap(value: unknown): value is Yaml {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Compose interpolation for the forms this file may use: $$, $VAR, ${VAR}, ${VAR:-x}, ${VAR-x}, ${VAR:?e}, ${VAR?e}. */
function interpolate(value: string, env: Record<string, string>): string {
  return value.replace(/\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (match, name, op, arg, bare) => {
    if (match === '$$') return '$';
    if (bare) return env[bare] ?? '';
    const set = env[name] !== undefined && (env[name] !== '' || !op?.startsWith(':'));
    if (set) return env[name];
    if (op === ':?' || op === '?') throw new Error(`${name} is required: ${arg}`);
    return op ? arg : '';
  });
}

/** `environment:` as a map, whether written as a map or as a list of NAME=value. */
function environmentOf(service: Yaml): Record<string, string> {
  const env = service.environment;
  if (env === undefined || env === null) return {};
  if (Array.isArray(env)) {
    return Object.fromEntries(
      env.map((entry) => {
        const text = String(entry);
        const eq = text.indexOf('=');
        return eq === -1 ? [text, ''] : [text.slice(0, eq), text.slice(eq + 1)];
      }),
    );
  }
  if (isMap(env)) return Object.fromEntries(Object.entries(env).map(([k, v]) => [k, v === null ? '' : String(v)]));
  throw new Error('environment must be a map or a list');
}

/** Container ports published by a service, from short ("4000:4000", "127.0.0.1:4000:4000/tcp") or long syntax. */
function publishedPorts(service: Yaml): Array<{ published: string; target: string }> {
  const ports = service.ports;
  if (!Array.isArray(ports)) return [];
  return ports.map((port) => {
    if (isMap(port)) return { published: String(port.published ?? ''), target: String(port.target ?? '') };
    const parts = String(port).replace(/\/(tcp|udp)$/, '').split(':');
    const target = parts[parts.length - 1];
    return { published: parts.length > 1 ? parts[parts.length - 2] : '', target };
  });
}

/** Dockerfile instructions of the last (runtime) stage, continuation lines joined, comments dropped. */
function finalStage(dockerfile: string): Array<{ keyword: string; args: string }> {
  const joined = dockerfile
    .split(/\r?\n/)
    .filter((line) => !/^\s*#/.test(line))
    .join('\n')
    .replace(/\\\r?\n/g, ' ');
  const instructions = joined
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [, keyword, args] = /^(\S+)\s*(.*)$/.exec(line)!;
      return { keyword: keyword.toUpperCase(), args: args.trim() };
    });
  const lastFrom = instructions.map((i) => i.keyword).lastIndexOf('FROM');
  return lastFrom === -1 ? instructions : instructions.slice(lastFrom);
}

/** The command words of CMD/ENTRYPOINT/HEALTHCHECK CMD, from exec (JSON) or shell form. */
function commandWords(args: string): string[] {
  if (args.startsWith('[')) return (JSON.parse(args) as unknown[]).map(String);
  return args.split(/\s+/);
}

describe('docker-compose.yml', () => {
  const compose = parse(readFileSync(COMPOSE_FILE, 'utf8')) as Yaml;
  const services = (isMap(compose.services) ? compose.services : {}) as Record<string, Yaml>;
  const db = services.db ?? {};
  const app = services.app ?? {};

  it('has exactly the services app and db', () => {
    expect(Object.keys(services).sort()).toEqual(['app', 'db']);
  });

  it('runs PostgreSQL 17 or 18 for db', () => {
    expect(String(db.image)).toMatch(/^postgres:(17|18)(\.|-|$)/);
  });

  it('gives db a pg_isready healthcheck', () => {
    expect(isMap(db.healthcheck)).toBe(true);
    const healthcheck = db.healthcheck as Yaml;
    const test = Array.isArray(healthcheck.test) ? healthcheck.test.join(' ') : String(healthcheck.test);
    expect(test).toContain('pg_isready');
    expect(healthcheck.disable).not.toBe(true);
  });

  it('keeps the database in the named volume pgdata', () => {
    expect(isMap(compose.volumes)).toBe(true);
    expect(Object.keys(compose.volumes as Yaml)).toContain('pgdata');
    const mounts = (Array.isArray(db.volumes) ? db.volumes : []).map((v: unknown) =>
      isMap(v) ? `${String(v.source)}:${String(v.target)}` : String(v).split(':').slice(0, 2).join(':'),
    );
    expect(mounts).toContain('pgdata:/var/lib/postgresql/data');
  });

  it('builds app from the Dockerfile, which exists', () => {
    expect(isMap(app.build)).toBe(true);
    const build = app.build as Yaml;
    const context = path.resolve(ROOT, String(build.context ?? '.'));
    const dockerfile = path.resolve(context, String(build.dockerfile ?? 'Dockerfile'));
    expect(path.relative(ROOT, dockerfile)).toBe('Dockerfile');
    expect(existsSync(dockerfile)).toBe(true);
  });

  it('starts app only once db is healthy', () => {
    expect(isMap(app.depends_on)).toBe(true);
    const dependsOn = app.depends_on as Record<string, Yaml>;
    expect(dependsOn.db?.condition).toBe('service_healthy');
  });

  describe('app environment', () => {
    const env = environmentOf(app);

    it('sets DATABASE_URL to the placewise database on db:5432', () => {
      expect(env.DATABASE_URL).toBeDefined();
      const url = new URL(interpolate(env.DATABASE_URL, {}));
      expect(url.protocol).toMatch(/^postgres(ql)?:$/);
      expect(url.hostname).toBe('db');
      expect(url.port).toBe('5432');
      expect(url.pathname).toBe('/placewise');
    });

    it('sets PORT, SESSION_SECRET, LOG_LEVEL and DEMO_DATA', () => {
      for (const name of ['PORT', 'SESSION_SECRET', 'LOG_LEVEL', 'DEMO_DATA']) {
        expect(Object.keys(env)).toContain(name);
      }
      expect(interpolate(env.PORT, {})).toBe('4000');
      expect(['on', 'off']).toContain(interpolate(env.DEMO_DATA, {}));
    });

    it('takes SESSION_SECRET from the caller and refuses to start without it', () => {
      const secret = 'x'.repeat(40);
      expect(interpolate(env.SESSION_SECRET, { SESSION_SECRET: secret })).toBe(secret);
      expect(() => interpolate(env.SESSION_SECRET, {})).toThrow(/SESSION_SECRET/);
    });

    it('passes ADMIN_EMAIL and ADMIN_PASSWORD together or not at all', () => {
      expect('ADMIN_EMAIL' in env).toBe('ADMIN_PASSWORD' in env);
    });
  });

  it('publishes the app on port 4000', () => {
    expect(publishedPorts(app)).toContainEqual({ published: '4000', target: '4000' });
  });
});

describe('Dockerfile', () => {
  const stage = finalStage(readFileSync(path.join(ROOT, 'Dockerfile'), 'utf8'));
  const last = (keyword: string) => stage.filter((i) => i.keyword === keyword).pop();

  it('has a HEALTHCHECK that requests /healthz', () => {
    const healthcheck = last('HEALTHCHECK');
    expect(healthcheck).toBeDefined();
    expect(healthcheck!.args).not.toMatch(/^NONE$/i);
    expect(healthcheck!.args).toMatch(/\bCMD\b/);
    expect(healthcheck!.args).toContain('/healthz');
  });

  it('runs as a non-root USER', () => {
    const user = last('USER');
    expect(user).toBeDefined();
    expect(user!.args.split(':')[0]).not.toMatch(/^(root|0)$/);
  });

  it('runs server/dist/main.js', () => {
    const cmd = last('CMD');
    expect(cmd).toBeDefined();
    const words = [...commandWords(last('ENTRYPOINT')?.args ?? '[]'), ...commandWords(cmd!.args)];
    expect(words).toContain('server/dist/main.js');
  });
});
