import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
  cleanUpProcesses,
  eventually,
  freePort,
  isAlive,
  makeTempDir,
  processesMentioning,
  spawnServer,
  waitUntilReady,
  type ServerProcess,
} from './server-process';

/**
 * The compiled server as a real process: bad configuration, first start, one server per data
 * folder, clean stops on SIGTERM and SIGINT, data kept between runs, and recovery after kill -9.
 * Needs `npm run build` first. The tests run in order and share the data folder `dirA`.
 */

const LOGIN = 'mutation($e:String!,$p:String!){login(email:$e,password:$p){token}}';
const DEFAULT_ADMIN = 'admin@placewise.local';

let dirA: string;
let adminPassword: string;

beforeAll(() => {
  if (!existsSync(path.resolve(__dirname, '../../server/dist/main.js'))) {
    throw new Error('server/dist/main.js is missing: run `npm run build` before these tests');
  }
  dirA = makeTempDir();
});

afterAll(() => cleanUpProcesses(), 30_000);

async function start(dataDir: string): Promise<ServerProcess> {
  return spawnServer({ port: await freePort(), dataDir });
}

async function get(server: ServerProcess, route: string): Promise<{ status: number; body: any }> {
  const res = await fetch(`http://127.0.0.1:${server.port}${route}`);
  return { status: res.status, body: await res.json() };
}

async function login(server: ServerProcess, email: string, password: string): Promise<{ token?: string; errors?: unknown }> {
  const res = await fetch(`http://127.0.0.1:${server.port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: LOGIN, variables: { e: email, p: password } }),
  });
  const body = (await res.json()) as { data?: { login?: { token: string } } | null; errors?: unknown };
  return { token: body.data?.login?.token, errors: body.errors };
}

function initialPassword(server: ServerProcess): string | undefined {
  return server.logs().find((record) => typeof record.initialPassword === 'string')?.initialPassword;
}

function messages(server: ServerProcess): string[] {
  return server.logs().map((record) => String(record.msg));
}

/** Sends `signal` and checks the stop was complete: exit 0, "stopped", nothing left running or locked. */
async function stopAndCheck(server: ServerProcess, signal: 'SIGTERM' | 'SIGINT'): Promise<void> {
  const lockFile = path.join(server.dataDir, 'placewise.pid');
  const postmasterPid = path.join(server.dataDir, 'pg', 'postmaster.pid');
  expect(readFileSync(lockFile, 'utf8').trim()).toBe(String(server.proc.pid));
  expect(existsSync(postmasterPid)).toBe(true);
  expect(processesMentioning(server.dataDir).length).toBeGreaterThan(0); // the postmaster

  server.proc.kill(signal);
  const exit = await server.waitForExit(20_000);

  expect(exit).toEqual({ code: 0, signal: null });
  expect(messages(server)).toContain('stopped');
  expect(server.logs().find((r) => r.msg?.startsWith('shutting down'))?.reason).toBe(signal);
  expect(server.stderr).toBe('');
  expect(existsSync(postmasterPid)).toBe(false);
  expect(existsSync(lockFile)).toBe(false);
  // The postmaster names the cluster folder on its command line; its children exit with it.
  expect(await eventually(() => processesMentioning(server.dataDir).length === 0, 3_000)).toBe(true);
}

describe('the server process', () => {
  let serverA: ServerProcess;

  it('exits with code 2 and one line on stderr for a bad PORT', async () => {
    const dataDir = path.join(dirA, 'never-created');
    const server = spawnServer({ port: 0, dataDir, env: { PORT: 'abc' } });
    const exit = await server.waitForExit(15_000);

    expect(exit).toEqual({ code: 2, signal: null });
    expect(server.stderr).toMatch(/^placewise: Invalid PORT="abc": [^\n]+\n$/);
    expect(server.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(server.stdoutLines.filter((line) => line.trim())).toEqual([]);
    expect(existsSync(dataDir)).toBe(false);
  });

  it('starts on an empty data folder, reports health and creates a first admin with a one-time password', async () => {
    // A second, independent install alongside, to compare the generated passwords.
    const dirB = makeTempDir();
    const [a, b] = await Promise.all([start(dirA), start(dirB)]);
    await Promise.all([waitUntilReady(a), waitUntilReady(b)]);

    for (const server of [a, b]) {
      expect(messages(server)).toContain('creating the embedded PostgreSQL cluster (first start)');
      expect(await get(server, '/healthz')).toEqual({ status: 200, body: { status: 'ok' } });
      const ready = await get(server, '/readyz');
      expect(ready.status).toBe(200);
      expect(ready.body.status).toBe('ready');
    }

    const created = a.logs().find((record) => typeof record.initialPassword === 'string')!;
    expect(created).toBeDefined();
    expect(created.level).toBe(40); // warn
    expect(created.email).toBe(DEFAULT_ADMIN);
    adminPassword = created.initialPassword;
    expect(adminPassword.length).toBeGreaterThanOrEqual(20);
    // Logged once only.
    expect(a.stdoutLines.filter((line) => line.includes(adminPassword))).toHaveLength(1);

    const passwordB = initialPassword(b);
    expect(passwordB).toBeDefined();
    expect(passwordB!.length).toBeGreaterThanOrEqual(20);
    expect(passwordB).not.toBe(adminPassword);

    const session = await login(a, DEFAULT_ADMIN, adminPassword);
    expect(session.errors).toBeUndefined();
    expect(session.token).toEqual(expect.any(String));
    // The other install's password does not open this one.
    expect((await login(a, DEFAULT_ADMIN, passwordB!)).token).toBeUndefined();
    expect((await login(b, DEFAULT_ADMIN, passwordB!)).token).toEqual(expect.any(String));

    await stopAndCheck(b, 'SIGTERM');
    // `a` keeps running for the next test.
    serverA = a;
  }, 90_000);

  it('refuses a second server on the same data folder while the first runs', async () => {
    const started = Date.now();
    const second = await start(dirA);
    const exit = await second.waitForExit(10_000);

    expect(exit).toEqual({ code: 1, signal: null });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(second.stderr).toMatch(
      new RegExp(`^placewise: Placewise is already running \\(process ${serverA.proc.pid}\\)[^\\n]*\\n$`),
    );
    // It left the data folder alone: the first server's lock and PostgreSQL are untouched.
    expect(readFileSync(path.join(dirA, 'placewise.pid'), 'utf8').trim()).toBe(String(serverA.proc.pid));
    expect(existsSync(path.join(dirA, 'pg', 'postmaster.pid'))).toBe(true);
    const ready = await get(serverA, '/readyz');
    expect(ready.status).toBe(200);
    expect(ready.body.status).toBe('ready');
  });

  it('stops cleanly on SIGTERM, keeps its data for the next start, and stops cleanly on SIGINT', async () => {
    await stopAndCheck(serverA, 'SIGTERM');

    const again = await start(dirA);
    await waitUntilReady(again);
    const log = messages(again);
    expect(log).not.toContain('creating the embedded PostgreSQL cluster (first start)');
    expect(log).not.toContain('applied migrations');
    expect(initialPassword(again)).toBeUndefined();
    expect((await login(again, DEFAULT_ADMIN, adminPassword)).token).toEqual(expect.any(String));

    await stopAndCheck(again, 'SIGINT');
  }, 90_000);

  it('recovers after kill -9 by stopping the PostgreSQL left running', async () => {
    const doomed = await start(dirA);
    await waitUntilReady(doomed);
    const orphanPid = Number(readFileSync(path.join(dirA, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);

    doomed.proc.kill('SIGKILL');
    expect(await doomed.waitForExit(10_000)).toEqual({ code: null, signal: 'SIGKILL' });
    // The embedded PostgreSQL outlives its parent and still holds the cluster.
    expect(isAlive(orphanPid)).toBe(true);
    expect(processesMentioning(dirA)).toContain(orphanPid);

    const recovered = await start(dirA);
    await recovered.waitForLine(/stopping a PostgreSQL left running/, 30_000);
    await waitUntilReady(recovered);
    const warning = recovered.logs().find((r) => r.msg?.includes('stopping a PostgreSQL left running'))!;
    expect(warning.pid).toBe(orphanPid);
    expect(isAlive(orphanPid)).toBe(false);
    const ready = await get(recovered, '/readyz');
    expect(ready.status).toBe(200);
    expect(ready.body.status).toBe('ready');
    expect((await login(recovered, DEFAULT_ADMIN, adminPassword)).token).toEqual(expect.any(String));

    await stopAndCheck(recovered, 'SIGTERM');
  }, 90_000);
});
