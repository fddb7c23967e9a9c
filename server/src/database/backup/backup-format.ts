import type { Client } from 'pg';

/**
 * A Placewise backup is one gzip file: a JSON header line, then for each table a JSON line
 * naming it and its columns, its rows in COPY text format, and a line `\.` (which COPY text
 * never writes for a row: it doubles every backslash). The schema is not in the file: it is
 * the migrations the header names, which restore applies before loading the rows.
 */
export const BACKUP_FORMAT = 'placewise-backup';
export const BACKUP_VERSION = 1;
export const END_OF_TABLE = '\\.';

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  version: number;
  takenAt: string;
  postgresVersion: string;
  /** Names of the migrations applied to the database backed up, in order. */
  migrations: string[];
  sequences: Array<{ name: string; value: string | null }>;
}

export interface TableHeader {
  table: string;
  columns: string[];
}

/** TypeORM's own bookkeeping: restore rebuilds it by applying the migrations. */
const NOT_DATA = new Set(['migrations', 'typeorm_metadata']);

export const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * The application's tables, parents before the tables that refer to them, so rows load with
 * every foreign key checked; each with its columns (generated ones are recomputed, not copied).
 */
export async function tablesInLoadOrder(client: Client): Promise<TableHeader[]> {
  const { rows: tables } = await client.query<{ table: string; columns: string[]; parents: string[] }>(`
    SELECT c.relname AS table,
           array(SELECT a.attname::text FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = '' ORDER BY a.attnum) AS columns,
           array(SELECT DISTINCT p.relname::text FROM pg_constraint f JOIN pg_class p ON p.oid = f.confrelid WHERE f.conrelid = c.oid AND f.contype = 'f' AND f.confrelid <> c.oid) AS parents
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition
    ORDER BY c.relname`);
  const byName = new Map(tables.filter((t) => !NOT_DATA.has(t.table)).map((t) => [t.table, t]));
  const ordered: TableHeader[] = [];
  const placed = new Set<string>();
  const visit = (name: string, path: string[]) => {
    if (placed.has(name) || !byName.has(name)) return;
    if (path.includes(name)) throw new Error(`Foreign keys form a cycle (${[...path, name].join(' → ')}): this backup cannot order the tables`);
    const table = byName.get(name)!;
    for (const parent of table.parents) visit(parent, [...path, name]);
    placed.add(name);
    ordered.push({ table: table.table, columns: table.columns });
  };
  for (const name of byName.keys()) visit(name, []);
  return ordered;
}
