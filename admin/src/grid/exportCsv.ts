import type { SortPayload } from 'react-admin';
import type { PlacewiseDataProvider } from '../providers/dataProvider';
import { rawText, type GridColumn } from './columns';
import { CSV_BOM, csvField, csvLine } from './csv';
import type { Row } from './editors';

/** The largest page the API gives by default; export pages through with cursors. */
export const EXPORT_PAGE_SIZE = 500;

export interface ExportOptions {
  dataProvider: PlacewiseDataProvider;
  resource: string;
  filter: Record<string, unknown>;
  sort: SortPayload;
  columns: GridColumn[];
  headers: string[];
  onProgress?: (rows: number) => void;
  /** The list's own read options (e.g. fields left out for this role). */
  meta?: Record<string, unknown>;
}

/** Every record of the current view: all pages, asked from the API with the view's filters and order (cursor paging). */
export async function readView({ dataProvider, resource, filter, sort, onProgress, meta }: ExportOptions): Promise<Row[]> {
  const records: Row[] = [];
  let after: string | undefined;
  for (;;) {
    const page = await dataProvider.getList<Row>(resource, {
      pagination: { page: 1, perPage: EXPORT_PAGE_SIZE },
      sort,
      filter,
      meta: { ...meta, after, withTotal: false },
    });
    records.push(...page.data);
    onProgress?.(records.length);
    after = (page.meta as { endCursor?: string } | undefined)?.endCursor ?? undefined;
    if (!page.pageInfo?.hasNextPage || !after || page.data.length === 0) break;
  }
  return records;
}

/** The current view as CSV text: the visible columns, raw values (codes, ISO dates, decimal money). */
export async function exportCsv(options: ExportOptions): Promise<{ csv: string; rows: number }> {
  const { columns, headers } = options;
  const records = await readView(options);
  let csv = CSV_BOM + csvLine(headers.map((h) => csvField(h, true)));
  for (const record of records) csv += csvLine(columns.map((c) => csvField(rawText(c, record), c.kind === 'text' || c.kind === 'reference')));
  return { csv, rows: records.length };
}

export function downloadText(text: string, fileName: string, type = 'text/csv;charset=utf-8') {
  downloadBlob(new Blob([text], { type }), fileName);
}

export function downloadBlob(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
