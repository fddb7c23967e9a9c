import type { EntityManager, EntityTarget } from 'typeorm';

/**
 * The values as PostgreSQL will keep them: a number bound for a `numeric(p, s)` column
 * (coordinates, miles) rounded to its `s` places, so that the answer to a write and its audit
 * event hold what was stored, not the digits the client sent beyond the column's scale.
 */
export function asStored<T>(tx: EntityManager, entity: EntityTarget<T>, values: Partial<T>): Partial<T> {
  const out: Record<string, unknown> = { ...values };
  for (const column of tx.connection.getMetadata(entity).columns) {
    const value = out[column.propertyName];
    if (column.type === 'numeric' && column.scale !== undefined && typeof value === 'number' && Number.isFinite(value)) {
      out[column.propertyName] = Number(value.toFixed(column.scale)) || 0;
    }
  }
  return out as Partial<T>;
}
