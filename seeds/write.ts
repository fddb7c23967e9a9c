/**
 * Writes rows with PostgreSQL COPY (pg-copy-streams, text format) on one pg Client, inside
 * the caller's transaction. A table's rows can arrive in batches (the invoices of a month
 * at a time): each batch is one COPY, so nothing needs the whole table in memory.
 * Timings are kept per table for the rows-per-second report.
 */
import type { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Row, Value } from './generator';

const JSON_COLUMNS = new Set(['contacts', 'documents', 'scoring_matrix', 'quality_marks', 'changes', 'term_breaks']);

/** COPY's text format: backslash, tab, newline and carriage return escaped; \N is null. */
function escape(text: string): string {
  return /[\\\t\n\r]/.test(text) ? text.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r')) : text;
}

/** An array literal for text[] and enum[] columns: {"A","B"}. */
function arrayLiteral(values: unknown[]): string {
  return `{${values.map((v) => `"${String(v).replace(/["\\]/g, (c) => `\\${c}`)}"`).join(',')}}`;
}

export function copyValue(column: string, value: Value | undefined): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'bigint' || typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (JSON_COLUMNS.has(column)) return escape(JSON.stringify(value));
  if (Array.isArray(value)) return escape(arrayLiteral(value));
  if (typeof value === 'string') return escape(value);
  throw new Error(`seed value for ${column} is neither text, number, boolean nor list`);
}

export interface TableStats {
  rows: number;
  /** Time spent in COPY for this table (building the text and sending it). */
  ms: number;
}

export class CopyWriter {
  readonly stats: Record<string, TableStats> = {};
  private readonly columns = new Map<string, string[]>();

  constructor(private readonly client: Client) {}

  /** Copies one batch of a table's rows (every row with the same columns as the table's first). */
  async copy(table: string, rows: Row[]): Promise<void> {
    const stat = (this.stats[table] ??= { rows: 0, ms: 0 });
    if (!rows.length) return;
    const started = process.hrtime.bigint();
    let columns = this.columns.get(table);
    if (!columns) this.columns.set(table, (columns = Object.keys(rows[0])));
    const stream = this.client.query(copyFrom(`COPY "${table}" (${columns.map((c) => `"${c}"`).join(',')}) FROM STDIN`));
    const done = new Promise<void>((resolve, reject) => {
      stream.on('finish', () => resolve());
      stream.on('error', reject);
    });
    const CHUNK = 2000;
    for (let i = 0; i < rows.length; i += CHUNK) {
      let text = '';
      for (const row of rows.slice(i, i + CHUNK)) {
        let line = '';
        for (let c = 0; c < columns.length; c++) {
          const column = columns[c];
          if (!(column in row)) throw new Error(`seed row for ${table} lacks ${column}`);
          line += (c ? '\t' : '') + copyValue(column, row[column]);
        }
        text += `${line}\n`;
      }
      if (!stream.write(text)) await Promise.race([new Promise<void>((resolve) => stream.once('drain', () => resolve())), done]);
    }
    stream.end();
    await done;
    stat.rows += rows.length;
    stat.ms += Number(process.hrtime.bigint() - started) / 1e6;
  }
}
