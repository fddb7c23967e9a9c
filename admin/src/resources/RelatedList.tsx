import { Box, Link, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useCreatePath, useResourceDefinitions, useTranslate } from 'react-admin';
import { Link as RouterLink } from 'react-router-dom';
import { useApiQuery } from '../api/useApi';
import { humanizeKey } from '../forms/GenericShow';
import { displayValue, gridColumns } from '../grid/columns';
import { schemaModel } from '../providers/schemaModel';
import { formatMiles } from './distance';

/**
 * The records of another resource that belong to this one (a provider's settings, contracts,
 * live placements), read with that resource's list query and typed filter, and shown with the
 * grid's formats. The first column opens the record's page (or its form) when it has one.
 */
export function RelatedList({ resource, filter, fields, orderBy, testId, title }: { resource: string; filter: Record<string, unknown>; fields: string[]; orderBy?: string; testId: string; title?: string }) {
  const translate = useTranslate();
  const createPath = useCreatePath();
  const definitions = useResourceDefinitions();
  const model = schemaModel.resource(resource);
  const columns = gridColumns(schemaModel, model, fields);
  const selection = columns.map((c) => (c.referenceObject ? `${c.key} ${c.referenceObject.field} { id ${c.referenceObject.labelField} }` : c.key)).join(' ');
  const query = `query Related($filter: ${model.filterType!.name}) { ${model.listQuery.name}(filter: $filter, first: 200${orderBy ? `, orderBy: [${orderBy}]` : ''}) { totalCount nodes { id ${selection} } } }`;
  const { data, error } = useApiQuery<Record<string, { totalCount: number; nodes: Array<Record<string, any>> }>>(`related-${resource}`, query, { filter });
  const list = data?.[model.listQuery.name];
  const definition = definitions[resource];
  const open = definition?.hasShow ? 'show' : definition?.hasEdit ? 'edit' : null;
  const yesNo: [string, string] = [translate('placewise.yes'), translate('placewise.no')];
  const notKnown = translate('placewise.notKnown');
  return (
    <Box data-testid={testId} sx={{ mb: 3 }}>
      {title && (
        <Typography variant="subtitle1" sx={{ fontWeight: 600 }}>
          {title}
          {list && ` (${list.totalCount})`}
        </Typography>
      )}
      {error && <Typography color="error">{error.message}</Typography>}
      {list && list.nodes.length === 0 && (
        <Typography variant="body2" color="text.secondary">
          {translate('placewise.show.none')}
        </Typography>
      )}
      {list && list.nodes.length > 0 && (
        <Table size="small" sx={{ width: 'auto', minWidth: 560 }}>
          <TableHead>
            <TableRow>
              {columns.map((c) => (
                <TableCell key={c.key} align={['money', 'integer', 'number'].includes(c.kind) ? 'right' : 'left'} sx={{ fontWeight: 600 }}>
                  {translate(`resources.${resource}.fields.${c.key}`, { _: humanizeKey(c.key) })}
                </TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {list.nodes.map((row) => (
              <TableRow key={row.id} data-testid={`${testId}-row`} data-id={row.id}>
                {columns.map((c, i) => {
                  const text = c.key === 'distanceMiles' ? formatMiles(row[c.key], notKnown) : displayValue(c, row, yesNo);
                  return (
                    <TableCell key={c.key} data-field={c.key} align={['money', 'integer', 'number'].includes(c.kind) ? 'right' : 'left'}>
                      {i === 0 && open ? (
                        <Link component={RouterLink} to={createPath({ resource, id: row.id, type: open })}>
                          {text || row.id.slice(0, 8)}
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
      )}
    </Box>
  );
}
