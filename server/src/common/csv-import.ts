import { parse } from 'csv-parse/sync';
import { AppError, badInput } from './errors';
import { isIsoDate } from './dates';
import { parsePence, type Pence } from './money';

/** A problem with one row of an imported file: its line number in the file, the column and why. */
export interface RowError {
  line: number;
  field: string;
  message: string;
}

/** The whole file is refused: nothing was written. */
export class ImportFailed extends AppError {
  constructor(rowErrors: RowError[]) {
    const sorted = [...rowErrors].sort((a, b) => a.line - b.line);
    super('BAD_USER_INPUT', `${new Set(sorted.map((e) => e.line)).size} row(s) have errors; nothing was imported`, {
      rowErrors: sorted,
      fieldErrors: sorted.map((e) => ({ field: `line ${e.line}: ${e.field}`, message: e.message })),
    });
  }
}

export interface CsvRow {
  line: number;
  values: Record<string, string>;
}

export const MAX_IMPORT_ROWS = 50_000;

/** Parses a CSV with a header line; refuses a file without the required columns. */
export function parseCsv(text: string, required: string[]): CsvRow[] {
  let records: Array<{ record: Record<string, string>; info: { lines: number } }>;
  try {
    records = parse(text, { columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()), skip_empty_lines: true, trim: true, info: true, bom: true });
  } catch (error) {
    throw badInput('csv', `is not a readable CSV file: ${(error as Error).message}`);
  }
  if (records.length === 0) throw badInput('csv', 'has no rows under its header line');
  if (records.length > MAX_IMPORT_ROWS) throw badInput('csv', `has ${records.length} rows; at most ${MAX_IMPORT_ROWS} can be imported at once`);
  const missing = required.filter((h) => !(h in records[0].record));
  if (missing.length) throw badInput('csv', `is missing the column(s) ${missing.join(', ')}; the header line must name ${required.join(', ')}`);
  return records.map((r) => ({ line: r.info.lines, values: r.record }));
}

/** Reads typed values from a row, collecting errors rather than stopping at the first. */
export class RowReader {
  constructor(
    private readonly row: CsvRow,
    private readonly errors: RowError[],
  ) {}

  private fail(field: string, message: string): null {
    this.errors.push({ line: this.row.line, field, message });
    return null;
  }

  text(field: string, max: number, required = true): string | null {
    const value = this.row.values[field] ?? '';
    if (!value) return required ? this.fail(field, 'is required') : null;
    if (value.length > max) return this.fail(field, `must be at most ${max} characters`);
    return value;
  }

  date(field: string, required = true): string | null {
    const value = this.row.values[field] ?? '';
    if (!value) return required ? this.fail(field, 'is required') : null;
    return isIsoDate(value) ? value : this.fail(field, `must be a date written YYYY-MM-DD; got "${value.slice(0, 20)}"`);
  }

  money(field: string): Pence | null {
    const value = (this.row.values[field] ?? '').replace(/^£/, '');
    if (!value) return this.fail(field, 'is required');
    const pence = parsePence(value);
    return pence === null ? this.fail(field, `must be an amount with at most two decimal places; got "${value.slice(0, 20)}"`) : pence;
  }

  wholeNumber(field: string, required = false): number | null {
    const value = this.row.values[field] ?? '';
    if (!value) return required ? this.fail(field, 'is required') : null;
    return /^-?\d+$/.test(value) ? Number(value) : this.fail(field, `must be a whole number; got "${value.slice(0, 20)}"`);
  }

  code<T extends string>(field: string, values: readonly T[], required = true): T | null {
    const value = (this.row.values[field] ?? '').toUpperCase();
    if (!value) return required ? this.fail(field, 'is required') : null;
    return (values as readonly string[]).includes(value) ? (value as T) : this.fail(field, `must be one of ${values.join(', ')}; got "${value.slice(0, 20)}"`);
  }
}
