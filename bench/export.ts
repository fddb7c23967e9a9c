/**
 * How fast /export writes every invoice line of the `large` data set (~1.2 million) as CSV and
 * as XLSX, and how much the server's memory grows meanwhile. Target: CSV at 100,000 rows/s or
 * more with the server's RSS growing by under 100 MB.
 *
 *   npm run bench:export                   seeds `large` into BENCH_DATA_DIR first when it has no providers (~95–125 s, ~1.8 GB)
 *   BENCH_DATA_DIR=/tmp/… npm run bench:export   a data directory kept between runs (default: <tmp>/placewise-bench-large)
 *   BENCH_LIMIT=100000 npm run bench:export      export the first N lines only
 *   BENCH_FORMATS=csv npm run bench:export       csv, xlsx or both (default csv,xlsx)
 *   BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof"   node options for the server (a CPU profile)
 *   BENCH_SERVER_LOG=/tmp/server.log       keep the server's output (its log, and --trace-gc lines)
 *
 * Measured 4 December 2026 on the 2-core machine shared with other work, 1,000 rows a page,
 * 13 columns (invoice.reference among them). Before the compiled pages (load average 3–8):
 *   CSV  1,217,639 rows, 225.6 MiB in 70.8 s = 17,200 rows/s; RSS 139 → peak 308 MB (+169 MB) → 278 MB
 *   XLSX 1,217,639 rows, 112.1 MiB in 141.3 s = 8,619 rows/s; RSS 278 → peak 327 MB (+50 MB) → 288 MB
 * Before and after, the same hour (load average 9–10):
 *   before CSV 4,952 rows/s, server CPU 78.0 µs a row, RSS +210 MB
 *   after  CSV 10,712 rows/s, server CPU 27.4 µs a row, RSS +149 MB
 * After, both formats in one run (load average 12; bench/export-results.json):
 *   CSV  9,559 rows/s, 23.6 µs a row, RSS +146 MB; XLSX 7,739 rows/s, 63.5 µs a row, RSS +86 MB
 *   a client gone after 1 MiB: paging stops within ~100 ms
 * The RSS growth is V8 letting garbage pile up over a ~46 MB live heap (4× on this 24 GB machine)
 * before a full collection, not rows kept: with BENCH_SERVER_NODE_ARGS=--max-old-space-size=512
 * the first 300,000 lines as CSV grew the RSS by 27 MB (256: 22 MB) against 140 MB without.
 *
 * The built server (server/dist/main.js) runs as a child process on its embedded PostgreSQL,
 * so the RSS sampled from /proc/<pid>/status every 50 ms is the server's own, not this client's,
 * and so is the CPU time read from /proc/<pid>/stat (a figure the machine's other load disturbs
 * less than the wall time). A run of every line in both formats writes bench/export-results.json.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..');
const DATA_DIR = process.env.BENCH_DATA_DIR ?? path.join(os.tmpdir(), 'placewise-bench-large');
const EMAIL = 'bench@placewise.local';
const PASSWORD = 'bench-password-123';
const LIMIT = process.env.BENCH_LIMIT ? Number(process.env.BENCH_LIMIT) : null;
const FORMATS = (process.env.BENCH_FORMATS ?? 'csv,xlsx').split(',').filter(Boolean) as Array<'csv' | 'xlsx'>;
/** e.g. BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" to profile the server. */
const SERVER_NODE_ARGS = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
const ENV = { ...process.env, DATA_DIR, ADMIN_EMAIL: EMAIL, ADMIN_PASSWORD: PASSWORD, DEMO_DATA: 'off', HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'info' };

const QUERY = `query($first: Int) { invoiceLines(first: $first) {
  nodes { id invoiceId lineNumber description fromDate toDate nights amount expectedAmount difference status invoice { reference } }
} }`;

interface Server {
  child: ChildProcess;
  url: string;
  log: string[];
}

function startServer(): Promise<Server> {
  const child = spawn(process.execPath, [...SERVER_NODE_ARGS, path.join(ROOT, 'server/dist/main.js')], { env: ENV, stdio: ['ignore', 'pipe', 'inherit'] });
  const log: string[] = [];
  return new Promise((resolve, reject) => {
    let buffered = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      const lines = buffered.split('\n');
      buffered = lines.pop()!;
      for (const line of lines) {
        log.push(line);
        const port = /serving on http:\/\/localhost:(\d+)/.exec(line)?.[1];
        if (port) resolve({ child, url: `http://127.0.0.1:${port}`, log });
      }
    });
    child.once('exit', (code) => reject(new Error(`the server exited with ${code} before serving`)));
  });
}

async function stopServer(server: Server): Promise<void> {
  const exited = new Promise((resolve) => server.child.once('exit', resolve));
  server.child.kill('SIGTERM');
  await exited;
}

/** CPU seconds the process has used (user + system), from /proc/<pid>/stat in clock ticks of 1/100 s. */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

function rssMb(pid: number): number {
  const kb = Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  return kb / 1024;
}

async function gql<T>(server: Server, query: string, token?: string): Promise<T> {
  const res = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query }),
  });
  const body = (await res.json()) as { data: T; errors?: unknown[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors).slice(0, 1000));
  return body.data;
}

async function signIn(server: Server): Promise<string> {
  return (await gql<{ login: { token: string } }>(server, `mutation { login(email: "${EMAIL}", password: "${PASSWORD}") { token } }`)).login.token;
}

async function exportOnce(server: Server, token: string, format: 'csv' | 'xlsx') {
  const pid = server.child.pid!;
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const before = rssMb(pid);
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, rssMb(pid))), 50);
  const cpuBefore = cpuSeconds(pid);
  const started = process.hrtime.bigint();
  const res = await fetch(`${server.url}/export`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: QUERY, variables: { first: LIMIT }, format }),
  });
  if (res.status !== 200) throw new Error(`export answered ${res.status}: ${await res.text()}`);
  let bytes = 0;
  let lineEnds = 0;
  let firstByte = 0;
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    if (!bytes) firstByte = Number(process.hrtime.bigint() - started) / 1e9;
    bytes += chunk.length;
    if (format === 'csv') for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lineEnds++;
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const cpu = cpuSeconds(pid) - cpuBefore;
  clearInterval(sampler);
  peak = Math.max(peak, rssMb(pid));
  await new Promise((resolve) => setTimeout(resolve, 2000));
  const after = rssMb(pid);
  // The server logs the rows it wrote; for CSV the client's count of lines must agree.
  const rows = logged(server).filter((l) => l.msg === 'export written').pop()?.rows as number;
  if (format === 'csv' && lineEnds - 1 !== rows) throw new Error(`the CSV has ${lineEnds - 1} rows but the server wrote ${rows}`);
  const load = os.loadavg()[0];
  console.log(
    `${format.toUpperCase()}: ${rows.toLocaleString('en-GB')} rows, ${(bytes / 1024 / 1024).toFixed(1)} MiB in ${seconds.toFixed(1)} s ` +
      `(first byte after ${firstByte.toFixed(2)} s) = ${Math.round(rows / seconds).toLocaleString('en-GB')} rows/s; ` +
      `server CPU ${cpu.toFixed(1)} s = ${((cpu / rows) * 1e6).toFixed(1)} µs a row; ` +
      `server RSS before ${before.toFixed(0)} MB, peak ${peak.toFixed(0)} MB (+${(peak - before).toFixed(0)} MB), after ${after.toFixed(0)} MB; load average ${load.toFixed(1)}`,
  );
  return { format, rows, mib: Number((bytes / 1024 / 1024).toFixed(1)), seconds: Number(seconds.toFixed(1)), rowsPerSecond: Math.round(rows / seconds), serverCpuSeconds: Number(cpu.toFixed(1)), serverCpuMicrosecondsPerRow: Number(((cpu / rows) * 1e6).toFixed(1)), rssBeforeMb: Math.round(before), rssPeakMb: Math.round(peak), rssGrowthMb: Math.round(peak - before), loadAverage: Number(load.toFixed(1)) };
}

const logged = (server: Server) => server.log.filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as { msg: string; rows?: number });
const stops = (server: Server) => logged(server).filter((l) => l.msg === 'export stopped: the client went away');

/** A client that goes away after the first MiB: the server must stop paging (it logs so) rather than read the whole list. */
async function disconnect(server: Server, token: string, format: 'csv' | 'xlsx') {
  const stopsBefore = stops(server).length;
  const controller = new AbortController();
  const res = await fetch(`${server.url}/export`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: QUERY, format }),
    signal: controller.signal,
  });
  let bytes = 0;
  try {
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      bytes += chunk.length;
      if (bytes > 1024 * 1024) controller.abort();
    }
  } catch {
    /* aborted */
  }
  const gaveUpAt = Date.now();
  while (Date.now() - gaveUpAt < 10_000) {
    const stopped = stops(server)[stopsBefore];
    if (stopped) return console.log(`${format.toUpperCase()} client gone after ${(bytes / 1024 / 1024).toFixed(1)} MiB: the server stopped after ${stopped.rows!.toLocaleString('en-GB')} rows, ${Date.now() - gaveUpAt} ms later`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the server did not stop the export within 10 s of the client going away');
}

async function main(): Promise<void> {
  mkdirSync(DATA_DIR, { recursive: true });
  let server = await startServer();
  let token = await signIn(server);
  const count = async () => (await gql<{ providers: { totalCount: number } }>(server, '{ providers(first: 0) { totalCount } }', token)).providers.totalCount;
  if ((await count()) === 0) {
    await stopServer(server);
    console.log(`seeding the large data set into ${DATA_DIR} (about 2 minutes)…`);
    const seeded = spawnSync(process.execPath, [path.join(ROOT, 'seeds/dist/cli.js'), '--shape', 'large'], { env: ENV, stdio: ['ignore', 'inherit', 'inherit'] });
    if (seeded.status !== 0) throw new Error('seeding failed');
    server = await startServer();
    token = await signIn(server);
  }
  const { invoiceLines } = await gql<{ invoiceLines: { totalCount: number } }>(server, '{ invoiceLines(first: 0) { totalCount } }', token);
  console.log(`data: ${invoiceLines.totalCount.toLocaleString('en-GB')} invoice lines; exporting ${LIMIT ? `the first ${LIMIT.toLocaleString('en-GB')}` : 'all'}, ${os.cpus().length} cores`);
  try {
    const results = [];
    for (const format of FORMATS) results.push(await exportOnce(server, token, format));
    // A whole run (every line, both formats) is the one the README quotes.
    if (!LIMIT && FORMATS.length === 2) writeFileSync(path.join(__dirname, 'export-results.json'), JSON.stringify({ invoiceLines: invoiceLines.totalCount, pageSize: Number(process.env.EXPORT_PAGE_SIZE ?? 1000), cores: os.cpus().length, results }, null, 2) + '\n');
    await disconnect(server, token, 'csv');
    await disconnect(server, token, 'xlsx');
  } finally {
    await stopServer(server);
    if (process.env.BENCH_SERVER_LOG) writeFileSync(process.env.BENCH_SERVER_LOG, server.log.join('\n'));
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
