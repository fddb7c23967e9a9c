import { rawText, type GridColumn } from './columns';
import type { Row } from './editors';
import { readView, type ExportOptions } from './exportCsv';

const MONEY_FORMAT = '"£"#,##0.00;-"£"#,##0.00';
const DATE_FORMAT = 'dd/mm/yyyy';
const DATE_TIME_FORMAT = 'dd/mm/yyyy hh:mm';

type XlsxCell = { value: string | number | boolean | Date; type?: unknown; format?: string } | null;

const londonParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hour12: false,
});

/** An instant as the UK wall-clock time a spreadsheet shows (a spreadsheet has no time zones). */
function londonWallClock(iso: string): Date {
  const parts = Object.fromEntries(londonParts.formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
  return new Date(Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour) % 24, Number(parts.minute), Number(parts.second)));
}

/** One cell: money as a number in pounds with a £ format, dates as dates, numbers and yes/no as themselves, the rest as in the CSV. */
export function xlsxCell(column: GridColumn, record: Row): XlsxCell {
  const value = record[column.key];
  if (value === null || value === undefined || value === '') return null;
  switch (column.kind) {
    case 'money':
      return { value: Number(value), type: Number, format: MONEY_FORMAT };
    case 'date': {
      const [y, m, d] = String(value).split('-').map(Number);
      return { value: new Date(Date.UTC(y, m - 1, d)), type: Date, format: DATE_FORMAT };
    }
    case 'datetime':
      return { value: londonWallClock(String(value)), type: Date, format: DATE_TIME_FORMAT };
    case 'integer':
    case 'number':
      return typeof value === 'number' ? { value, type: Number } : { value: String(value), type: String };
    case 'boolean':
      return { value: Boolean(value), type: Boolean };
    default: {
      const text = rawText(column, record);
      return text === '' ? null : { value: text, type: String };
    }
  }
}

/** The current view as an XLSX workbook: the same records and columns as the CSV export, typed cells, the heading frozen. */
export async function exportXlsx(options: ExportOptions): Promise<{ blob: Blob; rows: number }> {
  const { columns, headers } = options;
  const records = await readView(options);
  // Loaded only when asked for: the writer is not part of the grid's first load.
  const { default: writeXlsxFile } = await import('write-excel-file/browser');
  const data = [headers.map((h) => ({ value: h, type: String, fontWeight: 'bold' as const })), ...records.map((record) => columns.map((c) => xlsxCell(c, record)))];
  const blob = await writeXlsxFile(data as never, {
    sheet: options.resource,
    stickyRowsCount: 1,
    columns: columns.map((c) => ({ width: c.kind === 'text' || c.kind === 'reference' || c.kind === 'enumList' ? 28 : 16 })),
  }).toBlob();
  return { blob, rows: records.length };
}
