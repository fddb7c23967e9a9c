import type { ReactElement } from 'react';
import { CreateButton, FilterButton, InfiniteList, TopToolbar, useResourceDefinition, type SortPayload } from 'react-admin';
import { SpreadsheetGrid } from './SpreadsheetGrid';

/** The grid loads this many rows at a time and more as the officer scrolls. */
export const GRID_PAGE_SIZE = 250;

export interface GridListProps {
  columns?: string[];
  filters?: ReactElement[];
  sort?: SortPayload;
  title?: string;
  /** Passed to the data provider with every read, e.g. `{ omitFields: ['child'] }`. */
  queryMeta?: Record<string, unknown>;
}

function Actions({ hasFilters }: { hasFilters: boolean }) {
  const { hasCreate } = useResourceDefinition();
  return (
    <TopToolbar>
      {hasFilters && <FilterButton />}
      {hasCreate && <CreateButton />}
    </TopToolbar>
  );
}

/** A list page: react-admin's list controller (filters, sort and paging in the URL) around the spreadsheet grid. */
export function GridList({ columns, filters, sort, title, queryMeta }: GridListProps) {
  return (
    <InfiniteList
      perPage={GRID_PAGE_SIZE}
      sort={sort}
      filters={filters}
      pagination={false}
      exporter={false}
      // An empty list still shows the grid: its toolbar is where a file is imported.
      empty={false}
      title={title}
      queryOptions={queryMeta ? { meta: queryMeta } : undefined}
      actions={<Actions hasFilters={Boolean(filters?.length)} />}
      sx={{ '& .RaList-content': { boxShadow: 'none', backgroundColor: 'transparent' } }}
    >
      <SpreadsheetGrid columns={columns} queryMeta={queryMeta} />
    </InfiniteList>
  );
}
