import { CSV_BOM, csvField, csvLine } from '../grid/csv';
import { csvText, type AnalyticsColumn } from './columns';

/** The table as CSV (the grid's writer: BOM, CRLF, quoting, formula guard): its header labels, then its rows in the order shown. */
export function tableCsv<R>(columns: AnalyticsColumn<R>[], rows: R[]): string {
  let csv = CSV_BOM + csvLine(columns.map((c) => csvField(c.label, true)));
  for (const row of rows) csv += csvLine(columns.map((c) => csvField(csvText(c, row), c.kind === 'text')));
  return csv;
}
