import { Box, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { EditButton, Show, TabbedShowLayout, TopToolbar, useRecordContext, useResourceContext, useResourceDefinition, useTranslate } from 'react-admin';
import { AuditHistory } from '../history/AuditHistory';
import { formatMiles } from '../resources/distance';

/** Distances from home: shown in miles, and "Not known" (never a dash or zero) when a location is missing. */
const DISTANCE_FIELD = /^distanceMiles$/;
const WITHIN_FIELD = /^within20Miles$/;
import { displayValue, formatValue, gridColumns, valueKind, type GridColumn } from '../grid/columns';
import { namedType, schemaModel, type FieldModel } from '../providers/schemaModel';

/**
 * A record's own page, from the schema: its fields formatted as in the grid (£1,234.56,
 * 31/03/2026, codes in words) and tables of the lists it embeds (an agreement's rate lines,
 * a placement's fee history). getOne asks for those lists (see selectionFor).
 */

export function humanizeKey(key: string): string {
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function ShowActions({ extra }: { extra?: ReactNode }) {
  const { hasEdit } = useResourceDefinition();
  return (
    <TopToolbar sx={{ alignItems: 'center', gap: 1 }}>
      {extra}
      {hasEdit && <EditButton />}
    </TopToolbar>
  );
}

/** The record's fields as label / value pairs. */
export function RecordFields({ fields }: { fields: string[] }) {
  const resourceName = useResourceContext()!;
  const resource = schemaModel.resource(resourceName);
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record) return null;
  const yesNo: [string, string] = [translate('placewise.yes'), translate('placewise.no')];
  const notKnown = translate('placewise.notKnown');
  const columns = gridColumns(schemaModel, resource, fields);
  return (
    <Box
      component="dl"
      data-testid="record-fields"
      sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(220px, 1fr))', columnGap: 3, rowGap: 1.5, m: 0 }}
    >
      {columns.map((column) => (
        <Box key={column.key} data-field={column.key}>
          <Typography component="dt" variant="caption" color="text.secondary">
            {translate(`resources.${resourceName}.fields.${column.key}`, { _: humanizeKey(column.key) })}
          </Typography>
          <Typography component="dd" variant="body2" sx={{ m: 0, minHeight: '1.4em' }} data-testid={`show-${column.key}`}>
            {DISTANCE_FIELD.test(column.key)
              ? formatMiles(record[column.key], notKnown)
              : WITHIN_FIELD.test(column.key) && record[column.key] == null
                ? notKnown
                : displayValue(column, record, yesNo) || '—'}
          </Typography>
        </Box>
      ))}
    </Box>
  );
}

/** A column of an embedded table: a field of the embedded type, or one drawn from the row. */
export type EmbeddedColumn = string | { key: string; render: (row: Record<string, any>) => ReactNode };

/** Grid-like columns for the fields of an embedded (non-resource) type, so they are formatted the same way. */
function embeddedColumn(typeName: string, name: string): GridColumn | undefined {
  const type = schemaModel.types.get(typeName);
  if (type?.kind !== 'OBJECT') return undefined;
  const f = type.fields.find((x) => x.name === name);
  if (!f) return undefined;
  const ref = namedType(f.type);
  const field: FieldModel = {
    name,
    description: f.description ?? '',
    type: ref,
    enumValues: ref.kind === 'ENUM' ? schemaModel.enumOptions(ref.name) : undefined,
    updatable: false,
    creatable: false,
    sortable: false,
  };
  return { key: name, field, kind: valueKind(field), updatable: false, required: ref.nonNull, sortable: false, enumValues: field.enumValues };
}

/** A list the record embeds, as a small table: `source` is the field (rateLines), `columns` its fields in order. */
export function EmbeddedTable({ source, columns, title }: { source: string; columns: EmbeddedColumn[]; title?: string }) {
  const resourceName = useResourceContext()!;
  const resource = schemaModel.resource(resourceName);
  const record = useRecordContext();
  const translate = useTranslate();
  const field = resource.fields.find((f) => f.name === source);
  if (!record || !field) return null;
  const rows: Record<string, any>[] = Array.isArray(record[source]) ? record[source] : [];
  const yesNo: [string, string] = [translate('placewise.yes'), translate('placewise.no')];
  const label = (key: string) => translate(`resources.${resourceName}.embedded.${source}.${key}`, { _: humanizeKey(key) });
  const cells = columns.map((c) => {
    if (typeof c !== 'string') return { key: c.key, render: c.render, numeric: false };
    const column = embeddedColumn(field.type.name, c);
    const numeric = column ? ['money', 'integer', 'number'].includes(column.kind) : false;
    return { key: c, numeric, render: (row: Record<string, any>) => (column ? formatValue(column, row[c], yesNo) : String(row[c] ?? '')) };
  });
  return (
    <Box sx={{ mt: 3 }} data-testid={`embedded-${source}`}>
      <Typography variant="h6" sx={{ mb: 1 }}>
        {title ?? translate(`resources.${resourceName}.fields.${source}`, { _: humanizeKey(source) })}
      </Typography>
      {rows.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {translate('placewise.show.none')}
        </Typography>
      ) : (
        <Table size="small" sx={{ width: 'auto', minWidth: 480 }}>
          <TableHead>
            <TableRow>
              {cells.map((c) => (
                <TableCell key={c.key} align={c.numeric ? 'right' : 'left'} sx={{ fontWeight: 600 }}>
                  {label(c.key)}
                </TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((row, i) => (
              <TableRow key={row.id ?? i} data-testid={`${source}-row`}>
                {cells.map((c) => (
                  <TableCell key={c.key} align={c.numeric ? 'right' : 'left'} data-field={c.key}>
                    {c.render(row)}
                  </TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Box>
  );
}

/** A further tab of a record's page: `path` is its part of the address (/contracts/:id/show/negotiation). */
export interface ShowTab {
  label: string;
  path: string;
  content: ReactNode;
}

/**
 * A Show page: a Details tab with the record's fields and whatever tables are given, the
 * screen's own tabs, and a History tab (every record's audit trail). `actions` are buttons
 * beside Edit (status changes, approve, award).
 */
export function GenericShow({
  fields,
  children,
  queryMeta,
  tabs = [],
  actions,
}: {
  fields: string[];
  children?: ReactNode;
  queryMeta?: Record<string, unknown>;
  tabs?: ShowTab[];
  actions?: ReactNode;
}) {
  return (
    <Show actions={<ShowActions extra={actions} />} queryOptions={queryMeta ? { meta: queryMeta } : undefined}>
      <TabbedShowLayout>
        <TabbedShowLayout.Tab label="placewise.show.details">
          <Box>
            <RecordFields fields={fields} />
            {children}
          </Box>
        </TabbedShowLayout.Tab>
        {tabs.map((tab) => (
          <TabbedShowLayout.Tab key={tab.path} label={tab.label} path={tab.path}>
            {tab.content}
          </TabbedShowLayout.Tab>
        ))}
        <TabbedShowLayout.Tab label="placewise.show.history" path="history">
          <AuditHistory />
        </TabbedShowLayout.Tab>
      </TabbedShowLayout>
    </Show>
  );
}
