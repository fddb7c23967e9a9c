import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/** Helpers for tests that run the compiled server (`server/dist/main.js`) as a real process. */

export const REPO_ROOT = path.resolve(__dirname, '../..');
const MAIN = 'server/dist/main.js';

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface ServerProcess {
  proc: ChildProcess;
  port: number;
  dataDir: string;
  /** Every complete line written to stdout so far. */
  stdoutLines: string[];
  /** Everything written to stderr so far. */
  stderr: string;
  /** The stdout lines that are JSON log records (pino). */
  logs(): Array<Record<string, any>>;
  /** Resolves with the first stdout line (already seen or still to come) matching `pattern`. */
  waitForLine(pattern: RegExp, timeoutMs?: number): Promise<string>;
  /** Resolves once the process has exited and its output is read. */
  exited: Promise<Exit>;
  /** Resolves with the exit, or rejects when it takes longer than `timeoutMs`. */
  waitForExit(timeoutMs?: number): Promise<Exit>;
  /** The last lines of output, for failure messages. */
  tail(): string;
}

const spawned = new Set<ChildProcess>();
const tempDirs = new Set<string>();

/** A free TCP port: listen on port 0, note the port, close. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** A new empty folder under the system temp folder, searchable by others (PostgreSQL runs as `postgres` when we are root). */
export function makeTempDir(prefix = 'placewise-process-'): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  chmodSync(dir, 0o755);
  tempDirs.add(dir);
  return dir;
}

function withTimeout<T>(promise: Promise<T>, ms: number, message: () => string): Promise<T> {
  let timer: NodeJS.Timeout;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message())), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Starts `node server/dist/main.js` from the repository root with these environment additions. */
export function spawnServer(options: { port: number; dataDir: string; env?: Record<string, string> }): ServerProcess {
  const proc = spawn(process.execPath, [MAIN], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      PORT: String(options.port),
      DATA_DIR: options.dataDir,
      LOG_LEVEL: 'info',
      DEMO_DATA: 'off',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  spawned.add(proc);

  const waiters = new Set<{ pattern: RegExp; resolve: (line: string) => void }>();
  let partial = '';
  const server: ServerProcess = {
    proc,
    port: options.port,
    dataDir: options.dataDir,
    stdoutLines: [],
    stderr: '',
    logs() {
      const records: Array<Record<string, any>> = [];
      for (const line of server.stdoutLines) {
        try {
          const parsed = JSON.parse(line);
          if (parsed && typeof parsed === 'object') records.push(parsed);
        } catch {
          /* not a log record */
        }
      }
      return records;
    },
    waitForLine(pattern, timeoutMs = 30_000) {
      const seen = server.stdoutLines.find((line) => pattern.test(line));
      if (seen !== undefined) return Promise.resolve(seen);
      let waiter!: { pattern: RegExp; resolve: (line: string) => void };
      const found = new Promise<string>((resolve, reject) => {
        waiter = { pattern, resolve };
        waiters.add(waiter);
        // The process ending first means the line will never come.
        void server.exited.then((exit) => {
          if (waiters.has(waiter)) {
            waiters.delete(waiter);
            reject(new Error(`server exited (${JSON.stringify(exit)}) before printing ${pattern}\n${server.tail()}`));
          }
        });
      });
      return withTimeout(found, timeoutMs, () => {
        waiters.delete(waiter);
        return `no line matching ${pattern} within ${timeoutMs} ms\n${server.tail()}`;
      });
    },
    exited: new Promise<Exit>((resolve) => {
      proc.on('close', (code, signal) => {
        spawned.delete(proc);
        resolve({ code, signal });
      });
    }),
    waitForExit(timeoutMs = 15_000) {
      return withTimeout(server.exited, timeoutMs, () => `server (pid ${proc.pid}) did not exit within ${timeoutMs} ms\n${server.tail()}`);
    },
    tail() {
      return `--- stdout (last 15 lines) ---\n${server.stdoutLines.slice(-15).join('\n')}\n--- stderr ---\n${server.stderr.slice(-2000)}`;
    },
  };

  proc.stdout!.setEncoding('utf8');
  proc.stdout!.on('data', (chunk: string) => {
    partial += chunk;
    const lines = partial.split('\n');
    partial = lines.pop()!;
    for (const line of lines) {
      server.stdoutLines.push(line);
      for (const waiter of [...waiters]) {
        if (waiter.pattern.test(line)) {
          waiters.delete(waiter);
          waiter.resolve(line);
        }
      }
    }
  });
  proc.stdout!.on('end', () => {
    if (partial) server.stdoutLines.push(partial);
    partial = '';
  });
  proc.stderr!.setEncoding('utf8');
  proc.stderr!.on('data', (chunk: string) => {
    server.stderr += chunk;
  });
  return server;
}

/** Waits for the "serving" log line. */
export async function waitUntilReady(server: ServerProcess, timeoutMs = 45_000): Promise<void> {
  await server.waitForLine(/Placewise is serving on/, timeoutMs);
}

/** Pids of the processes (other than this one) whose command line contains `text`. */
export function processesMentioning(text: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const pid = Number(entry);
    if (pid === process.pid) continue;
    let cmdline: string;
    try {
      cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8').replace(/\0/g, ' ');
    } catch {
      continue; // gone meanwhile, or not readable
    }
    if (cmdline.includes(text)) pids.push(pid);
  }
  return pids;
}

/** Whether `pid` is a running process (a zombie, exited but not yet reaped, does not count). */
export function isAlive(pid: number): boolean {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return false;
  }
  // "pid (comm) state ...": comm may contain spaces and parentheses, so read after the last ')'.
  const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
  return state !== 'Z' && state !== 'X';
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `check` until it returns true or `timeoutMs` passes; returns its last answer. */
export async function eventually(check: () => boolean, timeoutMs = 5_000, everyMs = 100): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (check()) return true;
    if (Date.now() >= deadline) return false;
    await sleep(everyMs);
  }
}

function kill(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch {
    /* already gone */
  }
}

/**
 * Kills every server still running, then any process (an orphaned PostgreSQL) whose command
 * line names one of our temp folders, and removes the temp folders.
 */
export async function cleanUpProcesses(): Promise<void> {
  const running = [...spawned];
  for (const proc of running) if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGKILL');
  await Promise.all(running.map((proc) => withTimeout(new Promise((r) => proc.once('close', r)), 5_000, () => 'no close').catch(() => undefined)));

  const dirs = [...tempDirs];
  const leftovers = () => dirs.flatMap((dir) => processesMentioning(dir));
  for (const pid of leftovers()) kill(pid, 'SIGINT'); // PostgreSQL's fast shutdown
  if (!(await eventually(() => leftovers().length === 0, 10_000))) {
    for (const pid of leftovers()) kill(pid, 'SIGKILL');
    await eventually(() => leftovers().length === 0, 5_000);
  }
  for (const dir of dirs) {
    rmSync(dir, { recursive: true, force: true });
    tempDirs.delete(dir);
  }
}
