import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { londonWallClock } from '../../common/london-time';
import type { ExportColumn } from './export-plan';

/** Writes rows of one export to the response, a page at a time, waiting while the client falls behind. */
export interface ExportWriter {
  readonly contentType: string;
  readonly extension: string;
  start(): void;
  /** Writes a page at once, so that the caller can let go of it before waiting for the client. */
  write(rows: unknown[]): void;
  /** Resolves once the response has room for another page. */
  drained(): Promise<void>;
  end(): Promise<void>;
}

/** Resolves once `out` has room again (its buffer under the high-water mark), or at once. */
export function room(out: Writable): Promise<void> {
  if (!out.writableNeedDrain) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      out.off('drain', done);
      out.off('close', done);
      resolve();
    };
    out.on('drain', done);
    out.on('close', done);
  });
}

type Read = (row: unknown) => unknown;

/** The value at a column's path in a row; null when an object on the way is null. */
function reader(column: ExportColumn): Read {
  const [a, b, ...rest] = column.path;
  if (b === undefined) return (row) => (row as Record<string, unknown>)[a];
  return (row) => {
    let value: unknown = (row as Record<string, unknown>)[a];
    for (const key of [b, ...rest]) {
      if (value === null || value === undefined) return null;
      value = (value as Record<string, unknown>)[key];
    }
    return value;
  };
}

const TEXT_TYPES = new Set(['String', 'ID']);
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One CSV field as Excel reads it: quoted when it holds a comma, quote or line break; text that would run as a formula gets an apostrophe first. */
function csvField(value: unknown, isText: boolean): string {
  if (value === null || value === undefined) return '';
  let text = Array.isArray(value) ? value.join(', ') : String(value);
  if (isText && FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * CSV as the admin's grid export writes it: UTF-8 with a byte-order mark, CRLF line ends,
 * values as GraphQL gives them (Money as the decimal string, dates ISO, codes as codes).
 */
export class CsvWriter implements ExportWriter {
  readonly contentType = 'text/csv; charset=utf-8';
  readonly extension = 'csv';
  private readonly reads: Read[];
  private readonly text: boolean[];

  constructor(
    private readonly out: Writable,
    private readonly columns: ExportColumn[],
  ) {
    this.reads = columns.map(reader);
    this.text = columns.map((c) => TEXT_TYPES.has(c.type));
  }

  start(): void {
    this.out.write(`\uFEFF${this.columns.map((c) => csvField(c.header, true)).join(',')}\r\n`);
  }

  write(rows: unknown[]): void {
    const { reads, text } = this;
    let chunk = '';
    for (const row of rows) {
      let line = csvField(reads[0](row), text[0]);
      for (let i = 1; i < reads.length; i++) line += ',' + csvField(reads[i](row), text[i]);
      chunk += line + '\r\n';
    }
    if (chunk) this.out.write(chunk);
  }

  drained(): Promise<void> {
    return room(this.out);
  }

  async end(): Promise<void> {
    await new Promise<void>((resolve) => this.out.end(resolve));
  }
}

const MONEY_FORMAT = '"£"#,##0.00;-"£"#,##0.00';
const NUMBER_FORMATS: Record<string, string> = { Money: MONEY_FORMAT, Decimal: '0.00', Date: 'dd/mm/yyyy', DateTime: 'dd/mm/yyyy hh:mm' };

/** One cell: money and decimals as numbers (two places, so every penny shows exactly), dates as dates, the rest as in the CSV. */
function xlsxValue(value: unknown, column: ExportColumn): ExcelJS.CellValue {
  if (value === null || value === undefined) return null;
  if (column.list) return Array.isArray(value) ? value.join(', ') : String(value);
  switch (column.type) {
    case 'Money':
    case 'Decimal':
      return Number(value);
    case 'Date': {
      const [y, m, d] = String(value).split('-').map(Number);
      return new Date(Date.UTC(y, m - 1, d));
    }
    case 'DateTime':
      return londonWallClock(new Date(String(value)));
    default:
      return value as ExcelJS.CellValue;
  }
}

/** One worksheet streamed with ExcelJS's WorkbookWriter: each row is committed (written and let go) as it comes, the heading frozen. */
export class XlsxWriter implements ExportWriter {
  readonly contentType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  readonly extension = 'xlsx';
  private readonly reads: Read[];
  private readonly workbook: ExcelJS.stream.xlsx.WorkbookWriter;
  private sheet!: ExcelJS.Worksheet;

  constructor(
    private readonly out: Writable,
    private readonly columns: ExportColumn[],
    private readonly sheetName: string,
  ) {
    this.reads = columns.map(reader);
    this.workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  }

  start(): void {
    this.sheet = this.workbook.addWorksheet(this.sheetName.slice(0, 31).replace(/[\\/?*[\]:]/g, '_'), { views: [{ state: 'frozen', ySplit: 1 }] });
    this.sheet.columns = this.columns.map((c) => ({
      header: c.header,
      width: c.type === 'String' || c.type === 'ID' ? 28 : 16,
      ...(NUMBER_FORMATS[c.type] && !c.list ? { style: { numFmt: NUMBER_FORMATS[c.type] } } : {}),
    }));
    const heading = this.sheet.getRow(1);
    heading.font = { bold: true };
    heading.commit();
  }

  write(rows: unknown[]): void {
    const { reads, columns } = this;
    for (const row of rows) this.sheet.addRow(reads.map((read, i) => xlsxValue(read(row), columns[i]))).commit();
  }

  drained(): Promise<void> {
    return room(this.out);
  }

  async end(): Promise<void> {
    this.sheet.commit();
    await this.workbook.commit();
  }
}
