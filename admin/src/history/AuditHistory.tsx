import { Box, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useRecordContext, useResourceContext, useTranslate } from 'react-admin';
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

/** How an audited value is shown: as the record's own field is (money, dates, codes in words), lists joined, objects as JSON. */
function useValueText(resourceName: string) {
  const translate = useTranslate();
  const resource = schemaModel.resource(resourceName);
  const empty = translate('placewise.history.empty');
  return (field: string, value: unknown): string => {
    if (value === null || value === undefined) return empty;
    const known = resource.fields.find((f) => f.name === field && (f.type.kind === 'SCALAR' || f.type.kind === 'ENUM'));
    // The trail keeps money as the database does, in whole pence ("85000"): shown in pounds like everywhere else.
    if (known?.type.name === 'Money' && /^-?\d+$/.test(String(value))) return formatMoney(penceToPounds(String(value)));
    if (known && typeof value !== 'object') return formatValue(gridColumns(schemaModel, resource, [field])[0], value) || empty;
    if (known && Array.isArray(value)) return formatValue(gridColumns(schemaModel, resource, [field])[0], value) || empty;
    return typeof value === 'object' ? JSON.stringify(value) : String(value);
  };
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
  const valueText = useValueText(resourceName);
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
                  {e.changes.map((c) => (
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
