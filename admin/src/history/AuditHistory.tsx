import { Box, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useDataProvider, useRecordContext, useResourceContext, useTranslate } from 'react-admin';
import { useApiQuery } from '../api/useApi';
import { formatValue, gridColumns, humanizeCode } from '../grid/columns';
import { formatDateTime, formatMoney } from '../i18n/formats';
import { schemaModel } from '../providers/schemaModel';

interface AuditChange {
  field: string;
  before: unknown;
  after: unknown;
}

interface AuditEventRow {
  id: string;
  occurredAt: string;
  actorEmail: string;
  action: string;
  changes: AuditChange[];
}

export const AUDIT_HISTORY = `query AuditHistory($type: String!, $id: ID!) {
  auditEvents(filter: { entityType: { eq: $type }, entityId: { eq: $id } }, orderBy: [{ field: occurredAt, direction: DESC }], first: 200) {
    totalCount nodes { id occurredAt actorEmail action changes { field before after } }
  }
}`;

/** "85000" → "850.00", "-5" → "-0.05": exact, on the digits. */
export function penceToPounds(pence: string): string {
  const negative = pence.startsWith('-');
  const digits = pence.replace(/^-/, '').padStart(3, '0');
  return `${negative ? '-' : ''}${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

/**
 * The names of the records the trail links to (a placement's provider, contract, child), read
 * in one request per kind of record, so the history says "Harbour Homes Ltd" rather than an id.
 */
function useLinkedNames(resourceName: string, events: AuditEventRow[] | undefined): Map<string, string> {
  const dataProvider = useDataProvider();
  const resource = schemaModel.resource(resourceName);
  const wanted: Record<string, string[]> = {};
  for (const event of events ?? []) {
    for (const change of event.changes) {
      const target = resource.fields.find((f) => f.name === change.field && f.type.name === 'ID')?.reference;
      if (!target) continue;
      for (const value of [change.before, change.after]) if (typeof value === 'string' && !wanted[target]?.includes(value)) (wanted[target] ??= []).push(value);
    }
  }
  const { data } = useQuery({
    queryKey: ['placewise', 'auditLinks', wanted],
    enabled: Object.keys(wanted).length > 0,
    queryFn: async () => {
      const names = new Map<string, string>();
      await Promise.all(
        Object.entries(wanted).map(async ([target, ids]) => {
          const labelField = schemaModel.resource(target).labelField;
          const { data: records } = await dataProvider.getMany(target, { ids });
          for (const r of records) names.set(String(r.id), String(r[labelField] ?? r.id));
        }),
      );
      return names;
    },
  });
  return data ?? new Map();
}

/** How an audited value is shown: as the record's own field is (money, dates, codes in words, linked records by name), lists joined, objects as JSON. */
function useValueText(resourceName: string, linkedNames: Map<string, string>) {
  const translate = useTranslate();
  const resource = schemaModel.resource(resourceName);
  const empty = translate('placewise.history.empty');
  return (field: string, value: unknown): string => {
    if (value === null || value === undefined) return empty;
    if (typeof value === 'string' && linkedNames.has(value)) return linkedNames.get(value)!;
    const known = resource.fields.find((f) => f.name === field && (f.type.kind === 'SCALAR' || f.type.kind === 'ENUM'));
    // The trail keeps money as the database does, in whole pence ("85000"): shown in pounds like everywhere else.
    if (known?.type.name === 'Money' && /^-?\d+$/.test(String(value))) return formatMoney(penceToPounds(String(value)));
    if (known && typeof value !== 'object') return formatValue(gridColumns(schemaModel, resource, [field])[0], value) || empty;
    if (known && Array.isArray(value)) return formatValue(gridColumns(schemaModel, resource, [field])[0], value) || empty;
    return readable(value) || empty;
  };
}

/** A value the record's fields do not describe (a list of contacts, a period): its parts as text, empty parts left out. */
function readable(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(readable).filter(Boolean).join('; ');
  if (typeof value === 'object') return Object.values(value as Record<string, unknown>).map(readable).filter(Boolean).join(', ');
  return String(value);
}

/** Who changed what on this record and when, newest first, from the append-only audit trail. */
export function AuditHistory() {
  const record = useRecordContext();
  const resourceName = useResourceContext()!;
  const translate = useTranslate();
  const typeName = schemaModel.resource(resourceName).typeName;
  const { data, isPending, error } = useApiQuery<{ auditEvents: { totalCount: number; nodes: AuditEventRow[] } }>(
    'auditHistory',
    AUDIT_HISTORY,
    { type: typeName, id: record?.id },
    Boolean(record?.id),
  );
  const valueText = useValueText(resourceName, useLinkedNames(resourceName, data?.auditEvents.nodes));
  const label = (field: string) => translate(`resources.${resourceName}.fields.${field}`, { _: humanizeCode(field.replace(/([a-z0-9])([A-Z])/g, '$1_$2')) });
  if (error) return <Typography color="error">{error.message}</Typography>;
  if (isPending || !data) return null;
  const events = data.auditEvents.nodes;
  return (
    <Box data-testid="audit-history">
      {events.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {translate('placewise.history.none')}
        </Typography>
      ) : (
        <Table size="small">
          <TableHead>
            <TableRow>
              {['when', 'who', 'what', 'changes'].map((k) => (
                <TableCell key={k} sx={{ fontWeight: 600 }}>
                  {translate(`placewise.history.${k}`)}
                </TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {events.map((e) => (
              <TableRow key={e.id} data-testid="audit-row" sx={{ verticalAlign: 'top' }}>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDateTime(e.occurredAt)}</TableCell>
                <TableCell>{e.actorEmail}</TableCell>
                <TableCell data-field="action">{humanizeCode(e.action)}</TableCell>
                <TableCell data-field="changes">
                  {e.changes.filter((c) => c.field !== 'id').map((c) => (
                    <div key={c.field} data-change={c.field}>
                      <strong>{label(c.field)}</strong>: {valueText(c.field, c.before)} → {valueText(c.field, c.after)}
                    </div>
                  ))}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {data.auditEvents.totalCount > events.length && (
        <Typography variant="caption" color="text.secondary">
          {translate('placewise.history.more', { shown: events.length, total: data.auditEvents.totalCount })}
        </Typography>
      )}
    </Box>
  );
}
