import DownloadIcon from '@mui/icons-material/Download';
import { Box, Button, Link, Table, TableBody, TableCell, TableHead, TableRow, TableSortLabel, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { Link as RouterLink } from 'react-router-dom';
import { downloadText } from '../grid/exportCsv';
import { cellText, isNumeric, type AnalyticsColumn } from './columns';
import { tableCsv } from './tableCsv';

export interface TableSort {
  field: string;
  direction: 'ASC' | 'DESC';
}

interface Props<R> {
  /** Marks the table for the browser tests (data-testid) and names the CSV file. */
  name: string;
  title?: string;
  columns: AnalyticsColumn<R>[];
  rows: R[];
  rowKey: (row: R, index: number) => string;
  /** The server's order, when the table can be sorted: a click on a sortable header asks the server again. */
  sort?: TableSort;
  onSort?: (sort: TableSort) => void;
  /** Ends the CSV file name, e.g. the date the figures are on. */
  fileSuffix?: string;
}

/** A table of server figures in British formats, with an "Export CSV" of exactly its rows and columns. */
export function AnalyticsTable<R>({ name, title, columns, rows, rowKey, sort, onSort, fileSuffix }: Props<R>) {
  const translate = useTranslate();
  const exportCsv = () => downloadText(tableCsv(columns, rows), `${name}${fileSuffix ? `-${fileSuffix}` : ''}.csv`);
  const sortBy = (column: AnalyticsColumn<R>) => {
    const field = column.sortField!;
    onSort?.({ field, direction: sort?.field === field && sort.direction === 'ASC' ? 'DESC' : 'ASC' });
  };
  return (
    <Box data-testid={`table-${name}`} sx={{ mb: 3 }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, mb: 1 }}>
        {title && (
          <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600, flexGrow: 1 }}>
            {title}
          </Typography>
        )}
        <Box sx={{ flexGrow: title ? 0 : 1 }} />
        <Typography variant="body2" color="text.secondary" data-testid="row-count">
          {translate('placewise.analytics.rows', { smart_count: rows.length })}
        </Typography>
        <Button size="small" variant="outlined" startIcon={<DownloadIcon />} onClick={exportCsv} disabled={rows.length === 0} data-testid="export-csv">
          {translate('placewise.analytics.exportCsv')}
        </Button>
      </Box>
      {rows.length === 0 ? (
        <Typography variant="body2" color="text.secondary" data-testid="no-rows">
          {translate('placewise.analytics.noRows')}
        </Typography>
      ) : (
        <Box sx={{ overflowX: 'auto' }}>
          <Table size="small">
            <TableHead>
              <TableRow>
                {columns.map((c) => (
                  <TableCell key={c.key} align={isNumeric(c.kind) ? 'right' : 'left'} sx={{ fontWeight: 600, minWidth: c.minWidth, verticalAlign: 'bottom' }} data-field={c.key}>
                    {c.sortField && onSort ? (
                      <TableSortLabel
                        active={sort?.field === c.sortField}
                        direction={sort?.field === c.sortField && sort.direction === 'DESC' ? 'desc' : 'asc'}
                        onClick={() => sortBy(c)}
                        data-testid={`sort-${c.key}`}
                      >
                        {c.label}
                      </TableSortLabel>
                    ) : (
                      c.label
                    )}
                  </TableCell>
                ))}
              </TableRow>
            </TableHead>
            <TableBody>
              {rows.map((row, i) => (
                <TableRow key={rowKey(row, i)} data-testid="analytics-row" data-key={rowKey(row, i)}>
                  {columns.map((c) => {
                    const text = cellText(c, row);
                    const to = c.link?.(row);
                    return (
                      <TableCell key={c.key} align={isNumeric(c.kind) ? 'right' : 'left'} data-field={c.key} sx={{ whiteSpace: isNumeric(c.kind) || c.kind === 'date' ? 'nowrap' : undefined, minWidth: c.minWidth }}>
                        {to ? (
                          <Link component={RouterLink} to={to}>
                            {text}
                          </Link>
                        ) : (
                          text
                        )}
                      </TableCell>
                    );
                  })}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Box>
      )}
    </Box>
  );
}
