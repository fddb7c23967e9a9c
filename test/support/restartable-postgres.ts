import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../process/server-process';

/** A PostgreSQL that a test may stop and start again (the shared one serves every other test file). */
export interface RestartablePostgres {
  url: string;
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stops (SIGSTOP) or resumes (SIGCONT) the postmaster and its backends: a database that no longer answers, without closing a connection. */
  freeze(): void;
  thaw(): void;
  quit(): Promise<void>;
}

/** The postmaster of the cluster in `dir` and its child processes. */
function clusterProcesses(dir: string): number[] {
  const postmaster = Number(readFileSync(path.join(dir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  const children = readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((entry) => {
      try {
        const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === postmaster;
      } catch {
        return false;
      }
    })
    .map(Number);
  return [postmaster, ...children];
}

export async function startRestartablePostgres(): Promise<RestartablePostgres> {
  const parent = mkdtempSync(path.join(os.tmpdir(), 'placewise-fault-'));
  chmodSync(parent, 0o755); // as root, PostgreSQL runs as "postgres" and must reach its folder
  const port = await freePort();
  const dir = path.join(parent, 'pg');
  const child: ChildProcess = spawn(process.execPath, [path.join(__dirname, 'postgres-child.mjs'), dir, String(port)], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  let output = '';
  const waiting: Array<{ word: string; resolve: () => void }> = [];
  child.stdout!.setEncoding('utf8');
  child.stdout!.on('data', (chunk: string) => {
    output += chunk;
    const lines = output.split('\n');
    output = lines.pop()!;
    for (const line of lines) {
      const index = waiting.findIndex((w) => w.word === line);
      if (index >= 0) waiting.splice(index, 1)[0].resolve();
    }
  });
  const answer = (word: string) => new Promise<void>((resolve) => waiting.push({ word, resolve }));
  const command = (line: string, word: string) => {
    const answered = answer(word);
    child.stdin!.write(`${line}\n`);
    return answered;
  };
  await answer('ready');
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${port}/placewise`,
    stop: () => command('stop', 'stopped'),
    start: () => command('start', 'started'),
    freeze: () => clusterProcesses(dir).forEach((pid) => process.kill(pid, 'SIGSTOP')),
    thaw: () => clusterProcesses(dir).forEach((pid) => process.kill(pid, 'SIGCONT')),
    quit: () => command('quit', 'quit').then(() => rmSync(parent, { recursive: true, force: true })),
  };
}
