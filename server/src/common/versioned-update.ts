import type { EntityManager, EntityTarget, FindOptionsWhere } from 'typeorm';
import { AuditAction } from '../modules/audit/audit-event.entity';
import type { AuditWriter } from '../modules/audit/audit.service';
import { AppError, badInput, Conflict, NotFound, ValidationFailed } from './errors';
import { asStored } from './numeric-scale';
import type { ArchivableEntity, VersionedEntity } from './versioned.entity';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

export function assertId(id: string, field = 'id'): void {
  if (!isUuid(id)) throw badInput(field, 'is not a valid id (a UUID)');
}

/**
 * Loads a record for change, holding its row lock until the transaction ends, and checks the
 * version the client saw. A stale version fails with CONFLICT before anything is written.
 */
export async function lockForUpdate<T extends VersionedEntity>(
  tx: EntityManager,
  entity: EntityTarget<T>,
  typeName: string,
  id: string,
  version?: number,
): Promise<T> {
  assertId(id);
  const row = await tx.findOne(entity, { where: { id } as FindOptionsWhere<T>, lock: { mode: 'pessimistic_write' } });
  if (!row) throw new NotFound(typeName, id);
  if (version !== undefined && row.version !== version) {
    throw new Conflict(
      `${typeName} ${id} was changed by someone else after you loaded it (you have version ${version}, it is now ${row.version}). ` +
        'Reload it, then keep your value or theirs.',
      { entity: typeName, id, yourVersion: version, currentVersion: row.version },
    );
  }
  return row;
}

/** Applies the fields present in `patch`, saves, and records the change; no change, no new version. */
export async function applyUpdate<T extends VersionedEntity>(
  tx: EntityManager,
  audit: AuditWriter,
  typeName: string,
  row: T,
  patch: Partial<T>,
): Promise<T> {
  const before = { ...row };
  let changed = false;
  for (const [key, value] of Object.entries(asStored(tx, row.constructor as EntityTarget<T>, patch))) {
    if (value === undefined) continue;
    if (JSON.stringify(row[key as keyof T], replacer) !== JSON.stringify(value, replacer)) {
      (row as Record<string, unknown>)[key] = value;
      changed = true;
    }
  }
  if (!changed) return row;
  const saved = await tx.save(row);
  await audit.record({ entityType: typeName, entityId: row.id, action: AuditAction.UPDATE, before, after: saved });
  return saved;
}

/**
 * Records that something belonging to the record changed (an offer, a fee row, a service, an
 * invitation): a new version, so anyone holding the old one gets CONFLICT, and no field change.
 */
export async function touch<T extends VersionedEntity>(tx: EntityManager, row: T): Promise<T> {
  row.updatedAt = new Date();
  return tx.save(row);
}

function replacer(_key: string, value: unknown): unknown {
  return typeof value === 'bigint' ? value.toString() : value;
}

/** Inserts a new record and its CREATE audit event. */
export async function insertAudited<T extends VersionedEntity>(
  tx: EntityManager,
  audit: AuditWriter,
  typeName: string,
  entity: EntityTarget<T>,
  values: Partial<T>,
): Promise<T> {
  const saved = await tx.save(tx.create(entity, asStored(tx, entity, values) as T));
  await audit.record({ entityType: typeName, entityId: saved.id, action: AuditAction.CREATE, before: null, after: saved });
  return saved;
}

/** Inserts many new records with multi-row inserts, 1,000 at a time, and their CREATE audit events likewise. */
export async function insertAuditedRows<T extends VersionedEntity>(tx: EntityManager, audit: AuditWriter, typeName: string, entity: EntityTarget<T>, rows: Array<Partial<T>>): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) {
    const chunk = rows.slice(i, i + 1000);
    const { identifiers } = await tx.insert(entity, chunk as never);
    await audit.record(chunk.map((row, k) => ({ entityType: typeName, entityId: identifiers[k].id as string, action: AuditAction.CREATE, before: null, after: row })));
  }
}

/** Archives (or restores) a record: hidden from lists, kept with its history. */
export async function setArchived<T extends ArchivableEntity>(
  tx: EntityManager,
  audit: AuditWriter,
  typeName: string,
  entity: EntityTarget<T>,
  id: string,
  version: number,
  archived: boolean,
): Promise<T> {
  const row = await lockForUpdate(tx, entity, typeName, id, version);
  if (archived === (row.archivedAt !== null)) {
    throw badInput('id', archived ? `${typeName} is already archived` : `${typeName} is not archived`);
  }
  const before = { ...row };
  row.archivedAt = archived ? new Date() : null;
  const saved = await tx.save(row);
  await audit.record({
    entityType: typeName,
    entityId: id,
    action: archived ? AuditAction.ARCHIVE : AuditAction.RESTORE,
    before,
    after: saved,
  });
  return saved;
}

export const MAX_BULK_ROWS = 1000;

export interface RowChange<T> {
  id: string;
  /** The version the client saw; left out when the change does not depend on what was there. */
  version?: number;
  patch: Partial<T>;
}

/**
 * Applies many changes in the caller's transaction, all or nothing. Rows are locked in id
 * order (so two bulk edits cannot deadlock) and every version is checked before anything
 * is written; an error names the position of the row that caused it.
 */
export async function updateRows<T extends VersionedEntity>(
  tx: EntityManager,
  audit: AuditWriter,
  typeName: string,
  entity: EntityTarget<T>,
  changes: RowChange<T>[],
): Promise<T[]> {
  if (changes.length === 0) throw badInput('rows', 'give at least one row');
  if (changes.length > MAX_BULK_ROWS) throw badInput('rows', `at most ${MAX_BULK_ROWS} rows can be changed at once`);
  const seen = new Set<string>();
  changes.forEach((change, index) => {
    if (!isUuid(change.id)) throw new ValidationFailed([{ field: 'id', message: 'is not a valid id (a UUID)', index }]);
    if (seen.has(change.id)) throw new ValidationFailed([{ field: 'id', message: 'appears twice in the batch', index }]);
    seen.add(change.id);
  });
  const locked = await tx
    .createQueryBuilder(entity, 'row')
    .where('row.id IN (:...ids)', { ids: [...seen] })
    .orderBy('row.id')
    .setLock('pessimistic_write')
    .getMany();
  const byId = new Map(locked.map((row) => [row.id, row]));
  changes.forEach((change, index) => {
    const row = byId.get(change.id);
    if (!row) throw new AppError('NOT_FOUND', `${typeName} ${change.id} (row ${index + 1}) does not exist`, { entity: typeName, id: change.id, index });
    if (change.version !== undefined && row.version !== change.version) {
      throw new Conflict(
        `${typeName} ${change.id} (row ${index + 1}) was changed by someone else after you loaded it (you have version ${change.version}, it is now ${row.version}); nothing was saved.`,
        { entity: typeName, id: change.id, index, yourVersion: change.version, currentVersion: row.version },
      );
    }
  });
  const saved: T[] = [];
  for (const change of changes) saved.push(await applyUpdate(tx, audit, typeName, byId.get(change.id)!, change.patch));
  return saved;
}
