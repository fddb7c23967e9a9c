import { useCallback, useState } from 'react';
import { useNotify, type SortPayload } from 'react-admin';
import { toApiError } from '../providers/apiError';
import type { PlacewiseDataProvider } from '../providers/dataProvider';
import type { GridColumn } from './columns';
import { downloadBlob, downloadText, exportCsv } from './exportCsv';
import { exportXlsx } from './exportXlsx';

export type ExportFormat = 'csv' | 'xlsx';

interface Options {
  dataProvider: PlacewiseDataProvider;
  resourceName: string;
  /** The view's filter: the officer's filters and the list's fixed one. */
  filter: Record<string, unknown>;
  sort: SortPayload;
  columns: GridColumn[];
  label: (column: GridColumn) => string;
  queryMeta?: Record<string, unknown>;
}

/** Export: every page of the current view, through the API, as CSV or XLSX, with the rows read so far while it runs. */
export function useExport({ dataProvider, resourceName, filter, sort, columns, label, queryMeta }: Options) {
  const notify = useNotify();
  const [exporting, setExporting] = useState<{ format: ExportFormat; rows: number } | null>(null);
  const runExport = useCallback(
    async (format: ExportFormat) => {
      setExporting({ format, rows: 0 });
      const options = {
        dataProvider,
        resource: resourceName,
        filter,
        sort,
        columns,
        headers: columns.map(label),
        onProgress: (rows: number) => setExporting({ format, rows }),
        meta: queryMeta,
      };
      const fileName = `${resourceName}-${new Date().toISOString().slice(0, 10)}.${format}`;
      try {
        let count: number;
        if (format === 'csv') {
          const { csv, rows } = await exportCsv(options);
          downloadText(csv, fileName);
          count = rows;
        } else {
          const { blob, rows } = await exportXlsx(options);
          downloadBlob(blob, fileName);
          count = rows;
        }
        notify('placewise.grid.exported', { type: 'info', messageArgs: { count } });
      } catch (caught) {
        notify(toApiError(caught).message, { type: 'error' });
      } finally {
        setExporting(null);
      }
    },
    [dataProvider, resourceName, filter, sort, columns, label, notify, queryMeta],
  );
  return { exporting, runExport };
}
