import { Box, Typography } from '@mui/material';
import { InfiniteListBase, useTranslate, type SortPayload } from 'react-admin';
import { GRID_PAGE_SIZE } from '../../grid/GridList';
import { SpreadsheetGrid } from '../../grid/SpreadsheetGrid';

/**
 * The records of another resource that belong to the one on screen (a route's journeys, an
 * arrangement's sessions) in the spreadsheet grid, on the record's page: edited in place, pasted
 * and set in bulk through `update<Type>Rows` like any list. The filter is fixed (not in the URL).
 */
export function RecordGrid({
  resource,
  target,
  id,
  columns,
  sort,
  title,
  testId,
}: {
  resource: string;
  target: string;
  id: string;
  columns: string[];
  sort: SortPayload;
  title: string;
  testId: string;
}) {
  const translate = useTranslate();
  return (
    <Box sx={{ mt: 3 }} data-testid={testId}>
      <Typography variant="h6" sx={{ mb: 1 }}>
        {translate(title)}
      </Typography>
      <InfiniteListBase resource={resource} filter={{ [target]: id }} sort={sort} perPage={GRID_PAGE_SIZE} disableSyncWithLocation storeKey={false}>
        <SpreadsheetGrid columns={columns} />
      </InfiniteListBase>
    </Box>
  );
}
