/**
 * Writes a data set with multi-row INSERTs (bound parameters, batched under PostgreSQL's
 * 65,535-parameter limit) on one pg Client, inside the caller's transaction.
 */
import type { Client } from 'pg';
import { TABLES, type Dataset, type Value } from './demo';

const JSON_COLUMNS = new Set(['contacts', 'documents', 'scoring_matrix', 'quality_marks', 'changes']);
const MAX_PARAMS = 30_000;

function toParam(column: string, value: Value): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint') return value.toString();
  if (JSON_COLUMNS.has(column)) return JSON.stringify(value);
  return value; // strings, numbers, booleans, and text[] arrays (pg formats those)
}

export async function insertDataset(client: Client, data: Dataset, onTable?: (table: string, rows: number) => void): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of TABLES) {
    const rows = data[table] ?? [];
    counts[table] = rows.length;
    if (!rows.length) continue;
    const columns = Object.keys(rows[0]);
    const per = Math.max(1, Math.floor(MAX_PARAMS / columns.length));
    for (let i = 0; i < rows.length; i += per) {
      const chunk = rows.slice(i, i + per);
      const params: unknown[] = [];
      const tuples = chunk.map((row) => {
        const marks = columns.map((c) => {
          if (!(c in row)) throw new Error(`seed row for ${table} lacks ${c}`);
          params.push(toParam(c, row[c]));
          return `$${params.length}`;
        });
        return `(${marks.join(',')})`;
      });
      await client.query(`INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(',')}) VALUES ${tuples.join(',')}`, params);
    }
    onTable?.(table, rows.length);
  }
  return counts;
}
