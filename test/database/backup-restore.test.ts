import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { seedDatabase } from '../../seeds/index';
import { REPO_ROOT } from '../process/server-process';
import { createTestDatabase, serverUrl, withAdmin } from '../support/test-database';

/**
 * `npm run backup` / `npm run restore -- FILE` (the compiled CLI, as npm runs it): the demo
 * data round-trips into an empty database with every table's rows identical, and restore
 * refuses a database that is not empty or a file that is not a backup.
 */

const CLI = path.join(REPO_ROOT, 'server/dist/database/backup/cli.js');

function run(args: string[], databaseUrl: string): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd: REPO_ROOT, env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn' }, encoding: 'utf8', timeout: 80_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Row count and a checksum of every row of every table, and the migrations applied. */
async function checksums(url: string): Promise<Record<string, string>> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: tables } = await client.query<{ name: string }>(
      `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> 'migrations' ORDER BY 1`,
    );
    const out: Record<string, string> = {};
    for (const { name } of tables) {
      const { rows } = await client.query(`SELECT count(*)::int AS n, md5(coalesce(string_agg(md5(t::text), '' ORDER BY md5(t::text)), '')) AS sum FROM "${name}" t`);
      out[name] = `${rows[0].n}:${rows[0].sum}`;
    }
    const { rows: migrations } = await client.query<{ name: string }>('SELECT name FROM migrations ORDER BY id');
    out.migrations = migrations.map((m) => m.name).join(',');
    return out;
  } finally {
    await client.end();
  }
}

let source: { url: string; drop: () => Promise<void> };
const emptyName = `restore_${process.pid}`;
let dir: string;

beforeAll(async () => {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` before this test`);
  dir = mkdtempSync(path.join(os.tmpdir(), 'placewise-backup-'));
  source = await createTestDatabase();
  await seedDatabase(source.url, { shape: 'demo', seed: 1 });
  await withAdmin((c) => c.query(`CREATE DATABASE "${emptyName}"`));
}, 90_000);

afterAll(async () => {
  await source?.drop();
  await withAdmin((c) => c.query(`DROP DATABASE IF EXISTS "${emptyName}" WITH (FORCE)`));
  rmSync(dir, { recursive: true, force: true });
});

describe('backup and restore', () => {
  it('round-trips the demo data into an empty database with identical rows in every table', async () => {
    const file = path.join(dir, 'demo.backup');
    const backup = run(['backup', file], source.url);
    expect(backup.stderr).toBe('');
    expect(backup.status).toBe(0);
    expect(backup.stdout).toMatch(new RegExp(`^wrote ${file.replace(/[.]/g, '\\.')}: \\d+ tables, \\d+ rows, \\d+ bytes in \\d+ ms\\n$`));
    expect(existsSync(`${file}.partial`)).toBe(false);

    const restore = run(['restore', file], serverUrl(emptyName));
    expect(restore.stderr).toBe('');
    expect(restore.status).toBe(0);

    const before = await checksums(source.url);
    const after = await checksums(serverUrl(emptyName));
    expect(after).toEqual(before);
    // The demo set is there, not an empty copy of an empty database.
    expect(Number(before.provider.split(':')[0])).toBeGreaterThan(10);
    expect(Number(before.invoice_line.split(':')[0])).toBeGreaterThan(100);
    const rows = /(\d+) rows/.exec(backup.stdout)![1];
    expect(restore.stdout).toContain(`tables, ${rows} rows`);
  }, 90_000);

  it('refuses to restore into a database that is not empty, and changes nothing there', async () => {
    const file = path.join(dir, 'demo.backup');
    const before = await checksums(source.url);
    const refused = run(['restore', file], source.url);

    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/^placewise: The database is not empty \(\d+ tables\): restore into a new, empty database \(an empty DATABASE_URL, or a new DATA_DIR for the embedded one\)\n$/);
    expect(await checksums(source.url)).toEqual(before);
  }, 30_000);

  it('refuses a file that is not a backup', () => {
    const file = path.join(dir, 'not-a-backup');
    writeFileSync(file, 'hello');
    const refused = run(['restore', file], serverUrl(emptyName));
    expect(refused.status).toBe(1);
    expect(refused.stderr).toBe(`placewise: ${file} is not a Placewise backup (it should be the gzip file npm run backup writes)\n`);
  });
});
