import { useRecordContext, useTranslate } from 'react-admin';
import { enumLabel, gridColumns } from '../grid/columns';
import { schemaModel } from '../providers/schemaModel';
import { ActionDialog } from './ActionDialog';
import { useCanAct } from './useCanAct';

/**
 * The lifecycles the API enforces (it refuses any other move); the admin offers only these moves.
 * Contracts: DRAFT → AWAITING_SIGNATURE → LIVE → ENDED / TERMINATED. Agreements: DRAFT → NEGOTIATING → ACTIVE → EXPIRED / TERMINATED.
 */
export const TRANSITIONS: Record<string, Record<string, string[]>> = {
  contracts: {
    DRAFT: ['AWAITING_SIGNATURE', 'TERMINATED'],
    AWAITING_SIGNATURE: ['LIVE', 'DRAFT', 'TERMINATED'],
    LIVE: ['ENDED', 'TERMINATED'],
  },
  agreements: {
    DRAFT: ['NEGOTIATING', 'ACTIVE', 'TERMINATED'],
    NEGOTIATING: ['DRAFT', 'ACTIVE', 'TERMINATED'],
    ACTIVE: ['EXPIRED', 'TERMINATED'],
  },
};

/** "Change status" on a record's page: the next statuses of its lifecycle, sent with `change<Type>Status(id, version, status)`. */
export function StatusButton({ resource }: { resource: 'contracts' | 'agreements' }) {
  const record = useRecordContext();
  const translate = useTranslate();
  const canAct = useCanAct();
  const model = schemaModel.resource(resource);
  if (!record || !canAct) return null;
  const next = TRANSITIONS[resource][record.status] ?? [];
  if (next.length === 0) return null;
  const column = gridColumns(schemaModel, model, ['status'])[0];
  return (
    <ActionDialog
      label={translate('placewise.actions.changeStatus')}
      testId="change-status"
      mutation={`mutation ChangeStatus($id: ID!, $version: Int!, $status: ${model.typeName}Status!) { change${model.typeName}Status(id: $id, version: $version, status: $status) { id version status } }`}
      intro={translate('placewise.actions.statusNow', { status: enumLabel(column, record.status) })}
      fields={[{ name: 'status', label: translate('placewise.actions.newStatus'), kind: 'select', required: true, initial: next[0], options: next.map((s) => ({ value: s, label: enumLabel(column, s) })) }]}
      done={translate('placewise.actions.statusChanged')}
      variables={(v) => ({ id: record.id, version: record.version, status: v.status })}
    />
  );
}
