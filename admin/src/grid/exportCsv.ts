import type { SortPayload } from 'react-admin';
import type { PlacewiseDataProvider } from '../providers/dataProvider';
import { rawText, type GridColumn } from './columns';
import { CSV_BOM, csvField, csvLine } from './csv';

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

/** Every record of the current view (all pages, asked from the API with its filters and order), as CSV text. */
export async function exportCsv({ dataProvider, resource, filter, sort, columns, headers, onProgress, meta }: ExportOptions): Promise<{ csv: string; rows: number }> {
  let csv = CSV_BOM + csvLine(headers.map((h) => csvField(h, true)));
  let after: string | undefined;
  let count = 0;
  for (;;) {
    const page = await dataProvider.getList(resource, {
      pagination: { page: 1, perPage: EXPORT_PAGE_SIZE },
      sort,
      filter,
      meta: { ...meta, after, withTotal: false },
    });
    for (const record of page.data) {
      csv += csvLine(columns.map((c) => csvField(rawText(c, record), c.kind === 'text' || c.kind === 'reference')));
    }
    count += page.data.length;
    onProgress?.(count);
    after = (page.meta as { endCursor?: string } | undefined)?.endCursor ?? undefined;
    if (!page.pageInfo?.hasNextPage || !after || page.data.length === 0) break;
  }
  return { csv, rows: count };
}

export function downloadText(text: string, fileName: string, type = 'text/csv;charset=utf-8') {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
