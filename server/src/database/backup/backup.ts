import { once } from 'node:events';
import { createWriteStream, renameSync, rmSync } from 'node:fs';
import { createGzip } from 'node:zlib';
import { Client } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { BACKUP_FORMAT, BACKUP_VERSION, END_OF_TABLE, quoteIdent, tablesInLoadOrder, type BackupHeader } from './backup-format';

export interface BackupSummary {
  tables: number;
  rows: number;
  bytes: number;
}

/**
 * Writes every table of the database at `url` to `file`, read in one REPEATABLE READ
 * transaction: a single snapshot, so the rows are consistent with each other while the
 * server keeps serving writes. Written to `file.partial` first: a failed backup leaves no
 * file that looks complete.
 */
export async function writeBackup(url: string, file: string): Promise<BackupSummary> {
  const client = new Client({ connectionString: url, application_name: 'placewise-backup' });
  await client.connect();
  const partial = `${file}.partial`;
  const out = createWriteStream(partial);
  const gzip = createGzip();
  gzip.pipe(out);
  const write = async (chunk: string | Buffer) => {
    if (!gzip.write(chunk)) await once(gzip, 'drain');
  };
  let rows = 0;
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    await client.query('SET LOCAL statement_timeout = 0');
    const { rows: schema } = await client.query(`SELECT to_regclass('public.migrations') IS NOT NULL AS migrated`);
    if (!schema[0].migrated) throw new Error('the database has no Placewise tables yet: check DATABASE_URL or DATA_DIR, or start the server once');
    const tables = await tablesInLoadOrder(client);
    const migrations = (await client.query<{ name: string }>('SELECT name FROM migrations ORDER BY id')).rows.map((r) => r.name);
    const sequences = (await client.query<{ name: string; value: string | null }>(`SELECT sequencename AS name, last_value::text AS value FROM pg_sequences WHERE schemaname = 'public'`)).rows;
    const [{ server_version: postgresVersion }] = (await client.query<{ server_version: string }>('SHOW server_version')).rows;
    const header: BackupHeader = { format: BACKUP_FORMAT, version: BACKUP_VERSION, takenAt: new Date().toISOString(), postgresVersion, migrations, sequences };
    await write(`${JSON.stringify(header)}\n`);
    for (const table of tables) {
      await write(`${JSON.stringify(table)}\n`);
      const columns = table.columns.map(quoteIdent).join(', ');
      const stream = client.query(copyTo(`COPY ${quoteIdent(table.table)} (${columns}) TO STDOUT`));
      for await (const chunk of stream) await write(chunk as Buffer);
      rows += Number(stream.rowCount ?? 0);
      await write(`${END_OF_TABLE}\n`);
    }
    await client.query('COMMIT');
    gzip.end();
    await once(out, 'close');
    renameSync(partial, file);
    return { tables: tables.length, rows, bytes: out.bytesWritten };
  } catch (error) {
    gzip.destroy();
    out.destroy();
    rmSync(partial, { force: true });
    throw error;
  } finally {
    await client.end().catch(() => undefined);
  }
}
