import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../process/server-process';

/** A PostgreSQL that a test may stop and start again (the shared one serves every other test file). */
export interface RestartablePostgres {
  url: string;
  stop(): Promise<void>;
  start(): Promise<void>;
  quit(): Promise<void>;
}

export async function startRestartablePostgres(): Promise<RestartablePostgres> {
  const parent = mkdtempSync(path.join(os.tmpdir(), 'placewise-fault-'));
  chmodSync(parent, 0o755); // as root, PostgreSQL runs as "postgres" and must reach its folder
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [path.join(__dirname, 'postgres-child.mjs'), path.join(parent, 'pg'), String(port)], {
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
    quit: () => command('quit', 'quit'),
  };
}
