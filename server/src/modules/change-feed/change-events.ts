import type { EntityManager } from 'typeorm';
import type { AuditAction } from '../audit/audit-event.entity';
import { ChangeEvent } from './change-event.entity';

/** Records the feed leaves out: people's accounts and keys are nobody else's business. */
export const NOT_IN_FEED = new Set(['User', 'ApiKey']);

export interface RecordedChange {
  entityType: string;
  entityId: string;
  action: AuditAction;
  /** The record after the change (before it, for a deletion): its version is read from it. */
  record: object | null;
  changedFields: string[];
  actorId: string | null;
}

/** Writes the changes to the feed's outbox, in the caller's transaction. */
export async function recordChangeEvents(tx: EntityManager, changes: RecordedChange[]): Promise<void> {
  const rows = changes
    .filter((change) => !NOT_IN_FEED.has(change.entityType))
    .map((change) => {
      const version = (change.record as { version?: unknown } | null)?.version;
      return {
        type: change.entityType,
        entityId: change.entityId,
        version: typeof version === 'number' ? version : null,
        operation: change.action,
        changedFields: change.changedFields,
        actorId: change.actorId,
        transactionId: () => 'pg_current_xact_id()::text::bigint',
      };
    });
  if (rows.length) await tx.insert(ChangeEvent, rows as never);
}
