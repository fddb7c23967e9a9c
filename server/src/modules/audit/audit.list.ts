import { enumFilter } from '../../common/filters/enum-filters';
import { declareList } from '../../common/list-columns';
import { SortDirection } from '../../common/pagination/ordering';
import { AuditAction, AuditEvent } from './audit-event.entity';

export const auditList = declareList({
  name: 'AuditEvent',
  entity: AuditEvent,
  alias: 'audit',
  description: 'Which audit events to list.',
  columns: {
    entityType: { kind: 'string', filter: 'the type of record, e.g. "Provider"', sort: true },
    entityId: { kind: 'id', filter: 'the id of the record' },
    actorId: { kind: 'id', filter: 'the user who made the change' },
    actorEmail: { kind: 'string', filter: 'the email of the user who made the change', sort: true },
    action: { kind: 'enum', type: enumFilter(AuditAction, 'AuditAction'), filter: 'what was done' },
    occurredAt: { kind: 'datetime', filter: 'when it happened', sort: true },
  },
  defaultOrder: [{ field: 'occurredAt', direction: SortDirection.DESC }],
});
