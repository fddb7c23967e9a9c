import type { EntityManager } from 'typeorm';
import { recordChangeEvents } from '../change-feed/change-events';
import { AuditAction, AuditEvent, type AuditChange } from './audit-event.entity';

export interface Actor {
  id: string | null;
  email: string;
}

export const SYSTEM_ACTOR: Actor = { id: null, email: 'system' };

/** Fields that never go into the audit trail, whatever the entity. */
const NEVER_AUDITED = new Set(['version', 'createdAt', 'updatedAt', 'passwordHash']);

function jsonValue(value: unknown): unknown {
  if (value === undefined) return null;
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(jsonValue);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, jsonValue(v)]));
  }
  return value;
}

/** The plain, JSON-safe fields of a record, as they go into the trail. */
export function snapshot(record: object | null): Record<string, unknown> {
  if (!record) return {};
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    if (NEVER_AUDITED.has(key) || typeof value === 'function') continue;
    if (value && typeof value === 'object' && !(value instanceof Date) && !Array.isArray(value) && 'id' in value) continue; // a loaded relation
    result[key] = jsonValue(value);
  }
  return result;
}

export function diff(before: Record<string, unknown>, after: Record<string, unknown>): AuditChange[] {
  const fields = new Set([...Object.keys(before), ...Object.keys(after)]);
  const changes: AuditChange[] = [];
  for (const field of [...fields].sort()) {
    const b = before[field] ?? null;
    const a = after[field] ?? null;
    if (JSON.stringify(b) !== JSON.stringify(a)) changes.push({ field, before: b, after: a });
  }
  return changes;
}

export interface AuditEntry {
  entityType: string;
  entityId: string;
  action: AuditAction;
  before: object | null;
  after: object | null;
}

/**
 * Writes audit events inside the caller's transaction, so a change and its record commit
 * together; the same changes, by field name only, go to the change feed's outbox.
 */
export class AuditWriter {
  constructor(
    private readonly tx: EntityManager,
    private readonly actor: Actor,
    private readonly requestId: string | null,
  ) {}

  async record(entries: AuditEntry | AuditEntry[]): Promise<void> {
    const recorded = (Array.isArray(entries) ? entries : [entries])
      .map((entry) => ({ entry, changes: diff(snapshot(entry.before), snapshot(entry.after)) }))
      .filter(({ entry, changes }) => entry.action !== AuditAction.UPDATE || changes.length > 0);
    if (!recorded.length) return;
    await this.tx.insert(
      AuditEvent,
      recorded.map(({ entry, changes }) => ({
        actorId: this.actor.id,
        actorEmail: this.actor.email,
        entityType: entry.entityType,
        entityId: entry.entityId,
        action: entry.action,
        changes,
        requestId: this.requestId,
      })) as never,
    );
    await recordChangeEvents(
      this.tx,
      recorded.map(({ entry, changes }) => ({
        entityType: entry.entityType,
        entityId: entry.entityId,
        action: entry.action,
        record: entry.after ?? entry.before,
        changedFields: changes.map((change) => change.field),
        actorId: this.actor.id,
      })),
    );
  }
}
