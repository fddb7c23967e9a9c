import { humanizeCode } from '../i18n/codes';
import { formatDate, formatMoney, formatNumber } from '../i18n/formats';

/** How a column's value is shown: money "£1,234.56", a percent "12.50%", a count "1,204", a date "31/03/2026", or text as it is. */
export type ColumnKind = 'text' | 'money' | 'percent' | 'count' | 'date';

/** A value as the API gives it: money and percents stay exact decimal strings, dates ISO. */
export type RawValue = string | number | null | undefined;

/** One column of an analytics table. */
export interface AnalyticsColumn<R> {
  /** Names the column (data-field in the page, the sort key when `sortField` is not given). */
  key: string;
  label: string;
  kind: ColumnKind;
  /** The row's value for the column, straight from the API (text columns: the words shown). */
  value: (row: R) => RawValue;
  /** The server's order field when the table can be sorted by this column. */
  sortField?: string;
  /** What an empty value shows as (e.g. "Not known"); blank when left out. CSV writes the same text for text columns and leaves numbers empty. */
  empty?: string;
  /** The column's least width in pixels (names and titles read badly squeezed). */
  minWidth?: number;
  /** A link inside the admin for the cell, e.g. the record's page. */
  link?: (row: R) => string | null;
}

const NUMERIC: ReadonlySet<ColumnKind> = new Set(['money', 'percent', 'count']);

export function isNumeric(kind: ColumnKind): boolean {
  return NUMERIC.has(kind);
}

/** The cell as the table shows it, in British formats. */
export function cellText<R>(column: AnalyticsColumn<R>, row: R): string {
  const value = column.value(row);
  if (value === null || value === undefined || value === '') return column.empty ?? '';
  switch (column.kind) {
    case 'money':
      return formatMoney(value);
    case 'percent':
      return `${value}%`;
    case 'count':
      return typeof value === 'number' ? formatNumber(value) : String(value);
    case 'date':
      return formatDate(String(value));
    default:
      return String(value);
  }
}

/**
 * The cell as the CSV export writes it: the same value as the table, raw like the grid's export
 * (decimal money "1234.56", percent "12.50", ISO dates) so that a spreadsheet reads numbers and dates;
 * text columns exactly as shown.
 */
export function csvText<R>(column: AnalyticsColumn<R>, row: R): string {
  const value = column.value(row);
  if (value === null || value === undefined || value === '') return column.kind === 'text' ? (column.empty ?? '') : '';
  return String(value);
}

/** A code as a table shows it: "U4" stays a code, STANDARD → "Standard", REQUIRES_IMPROVEMENT → "Requires improvement"; null → the text for "not known". */
export function codeText(code: string | null | undefined, notKnown: string): string {
  if (code === null || code === undefined) return notKnown;
  return /\d/.test(code) ? code : humanizeCode(code);
}
