import { once } from 'node:events';
import { createReadStream } from 'node:fs';
import readline from 'node:readline';
import { createGunzip } from 'node:zlib';
import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Logger } from '../../common/logger';
import { createDataSource } from '../data-source';
import { MIGRATIONS } from '../migrations';
import { BACKUP_FORMAT, BACKUP_VERSION, END_OF_TABLE, quoteIdent, type BackupHeader, type TableHeader } from './backup-format';

export class RestoreRefused extends Error {}

function migrationName(migration: Function): string {
  return (new (migration as new () => { name?: string })().name ?? migration.name) as string;
}

/** The migrations that built the backed-up database: they must be the first of this version's. */
function migrationsOf(header: BackupHeader): Function[] {
  const known = MIGRATIONS.map(migrationName);
  const prefix = header.migrations.every((name, i) => known[i] === name);
  if (!prefix) {
    const unknown = header.migrations.find((name, i) => known[i] !== name);
    throw new RestoreRefused(`The backup was taken by a different version of Placewise (its migration ${unknown} is not this version's): restore it with the version that took it, then upgrade`);
  }
  return MIGRATIONS.slice(0, header.migrations.length);
}

async function assertEmpty(url: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_class c JOIN pg_namespace s ON s.oid = c.relnamespace WHERE s.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm')`);
    if (rows[0].n > 0) {
      throw new RestoreRefused(`The database is not empty (${rows[0].n} tables): restore into a new, empty database (an empty DATABASE_URL, or a new DATA_DIR for the embedded one)`);
    }
  } finally {
    await client.end();
  }
}

export interface RestoreSummary {
  tables: number;
  rows: number;
  migrations: number;
}

/**
 * Restores `file` into the empty database at `url`: applies the migrations the backup names,
 * then loads every table in one transaction (triggers off while loading, as the derived rows
 * they would write are in the backup too). Any failure leaves the schema and no rows.
 */
export async function restoreBackup(url: string, file: string, logger: Logger): Promise<RestoreSummary> {
  const lines = readline.createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity })[Symbol.asyncIterator]();
  const next = async (): Promise<string | null> => {
    const { value, done } = await lines.next();
    return done ? null : (value as string);
  };
  let header: BackupHeader;
  try {
    header = JSON.parse((await next()) ?? '') as BackupHeader;
  } catch {
    throw new RestoreRefused(`${file} is not a Placewise backup (it should be the gzip file npm run backup writes)`);
  }
  if (header.format !== BACKUP_FORMAT || header.version !== BACKUP_VERSION) throw new RestoreRefused(`${file} is not a Placewise backup of format version ${BACKUP_VERSION}`);
  const migrations = migrationsOf(header);
  await assertEmpty(url);

  const db = createDataSource({ url, logger, statementTimeoutMs: 600_000 });
  db.setOptions({ migrations });
  await db.initialize();
  try {
    await db.runMigrations({ transaction: 'each' });
  } finally {
    await db.destroy();
  }

  const client = new Client({ connectionString: url, application_name: 'placewise-restore' });
  await client.connect();
  let tables = 0;
  let rows = 0;
  try {
    await client.query('BEGIN');
    await client.query('SET LOCAL statement_timeout = 0');
    for (let line = await next(); line !== null; line = await next()) {
      const table = JSON.parse(line) as TableHeader;
      const name = quoteIdent(table.table);
      await client.query(`ALTER TABLE ${name} DISABLE TRIGGER USER`);
      const copy = client.query(copyFrom(`COPY ${name} (${table.columns.map(quoteIdent).join(', ')}) FROM STDIN`));
      const finished = new Promise<void>((resolve, reject) => {
        copy.on('finish', resolve);
        copy.on('error', reject);
      });
      for (let row = await next(); row !== END_OF_TABLE; row = await next()) {
        if (row === null) throw new RestoreRefused(`${file} ends in the middle of table ${table.table}: the backup is incomplete`);
        if (!copy.write(`${row}\n`)) await once(copy, 'drain');
      }
      copy.end();
      await finished;
      rows += copy.rowCount;
      tables += 1;
      await client.query(`ALTER TABLE ${name} ENABLE TRIGGER USER`);
    }
    for (const sequence of header.sequences) {
      if (sequence.value !== null) await client.query('SELECT setval($1, $2::bigint)', [quoteIdent(sequence.name), sequence.value]);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end().catch(() => undefined);
  }
  return { tables, rows, migrations: migrations.length };
}
