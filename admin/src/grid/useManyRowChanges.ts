import { useCallback, useRef, useState } from 'react';
import { useDataProvider, useNotify } from 'react-admin';
import { toApiError } from '../providers/apiError';
import type { PlacewiseDataProvider } from '../providers/dataProvider';
import type { ResourceModel } from '../providers/schemaModel';
import type { Row } from './editors';
import type { PasteServerErrors } from './PastePreview';
import { rowPatch, type PasteRow } from './pastePlan';
import { UndoStack, undoRows, type UndoEntry } from './undoStack';

interface Options {
  resourceName: string;
  resource: ResourceModel;
  /** The newest copy of a record the grid holds. */
  currentRecord: (id: string) => Row | undefined;
  /** Keeps a record the server returned as the grid's newest copy. */
  putRecord: (record: Row) => void;
  /** Drops a value the officer typed and that is now saved (or undone). */
  clearDraft: (id: string, field: string) => void;
  queryMeta?: Record<string, unknown>;
  /** How a row is named in a refusal. */
  nameRow: (record: Row) => string;
  /** Records were added or removed: the list is read again. */
  onRecordsChanged: () => void;
}

/**
 * Changes to many rows at once, each all or nothing: different values per row (a paste, a
 * fill), one value on many rows, and undo of the last saved changes (Ctrl+Z), which are
 * remembered here as they are saved.
 */
export function useManyRowChanges({ resourceName, resource, currentRecord, putRecord, clearDraft, queryMeta, nameRow, onRecordsChanged }: Options) {
  const dataProvider = useDataProvider<PlacewiseDataProvider>();
  const notify = useNotify();
  // The last saved changes, for Ctrl+Z.
  const undoStack = useRef(new UndoStack());
  const [undoCount, setUndoCount] = useState(0);
  const remember = useCallback((entry: UndoEntry) => {
    undoStack.current.push(entry);
    setUndoCount(undoStack.current.size);
  }, []);

  /** Saves different changes to many rows in one all-or-nothing mutation; resolves to the server's refusal laid on the cells, or null. */
  const saveChangedRows = useCallback(
    async (changed: PasteRow[]): Promise<PasteServerErrors | null> => {
      const before = new Map(changed.map((row) => [row.id, currentRecord(row.id)]));
      try {
        const { data: saved } = await dataProvider.updateRows(resourceName, {
          rows: changed.map((row) => ({ id: row.id, version: row.version, data: rowPatch(row) })),
        });
        for (const record of saved) putRecord(record as Row);
        const after = new Map(saved.map((r) => [String(r.id), r as Row]));
        remember({
          label: 'rows',
          values: changed.flatMap((row) => Object.keys(rowPatch(row)).map((field) => ({ id: row.id, field, before: before.get(row.id)?.[field], after: after.get(row.id)?.[field] }))),
        });
        for (const row of changed) for (const cell of row.cells) clearDraft(row.id, cell.column.key);
        notify('placewise.grid.paste.saved', { type: 'success', messageArgs: { count: saved.length, smart_count: saved.length } });
        return null;
      } catch (caught) {
        const error = toApiError(caught);
        const cells: Record<string, string> = {};
        const rowErrors: Record<string, string> = {};
        for (const fieldError of error.fieldErrors) {
          const row = fieldError.index !== undefined ? changed[fieldError.index] : undefined;
          if (!row) continue;
          const column = row.cells.find((c) => fieldError.field === c.column.key || fieldError.field.startsWith(`${c.column.key}.`));
          if (column) cells[`${row.id}:${column.column.key}`] = fieldError.message;
          else rowErrors[row.id] = `${fieldError.field}: ${fieldError.message}`;
        }
        if (error.fieldErrors.length === 0 && error.index !== undefined && changed[error.index]) rowErrors[changed[error.index].id] = error.message;
        return { message: error.message, cells, rows: rowErrors };
      }
    },
    [currentRecord, dataProvider, resourceName, putRecord, remember, clearDraft, notify],
  );

  /** One field set to one value on many records, in one all-or-nothing mutation; resolves to the refusal, or null. */
  const setMany = useCallback(
    async (selected: Iterable<string>, field: string, value: unknown): Promise<string | null> => {
      const before = [...selected].map((id) => currentRecord(id)).filter((r): r is Row => Boolean(r));
      const ids = before.map((r) => r.id);
      try {
        if (resource.updateManyMutation) {
          await dataProvider.updateMany(resourceName, { ids, data: { [field]: value } });
          for (const record of (await dataProvider.getMany<Row>(resourceName, { ids, meta: queryMeta })).data) putRecord(record);
        } else {
          const { data: saved } = await dataProvider.updateRows(resourceName, {
            rows: before.map((r) => ({ id: r.id, version: Number(r.version), data: { [field]: value } })),
          });
          for (const record of saved) putRecord(record as Row);
        }
        remember({ label: field, values: before.map((r) => ({ id: r.id, field, before: r[field], after: value })) });
        notify('placewise.grid.bulk.saved', { type: 'success', messageArgs: { count: ids.length, smart_count: ids.length } });
        return null;
      } catch (caught) {
        const error = toApiError(caught);
        const first = error.fieldErrors[0];
        const row = first?.index !== undefined ? before[first.index] : error.index !== undefined ? before[error.index] : undefined;
        const where = row ? `${nameRow(row)}: ` : '';
        return `${where}${first ? `${first.field} ${first.message}` : error.message}`;
      }
    },
    [currentRecord, resource.updateManyMutation, nameRow, dataProvider, resourceName, queryMeta, putRecord, remember, notify],
  );

  /**
   * An added row is taken back by archiving it, where the API can archive such records; where it
   * cannot (a placement, a contract), the officer is told so rather than undoing something older.
   */
  const undoCreate = useCallback(
    async (entry: UndoEntry, created: { id: string; version: number }) => {
      if (!resource.archiveMutation) {
        notify('placewise.grid.cannotUndoCreate', { type: 'warning', messageArgs: { name: entry.label } });
        return;
      }
      try {
        await dataProvider.delete(resourceName, { id: created.id, previousData: currentRecord(created.id) ?? { id: created.id, version: created.version } });
        notify('placewise.grid.createUndone', { type: 'info', messageArgs: { name: entry.label } });
        onRecordsChanged();
      } catch (caught) {
        undoStack.current.restore(entry);
        setUndoCount(undoStack.current.size);
        notify(toApiError(caught).message, { type: 'error' });
      }
    },
    [resource.archiveMutation, dataProvider, resourceName, currentRecord, notify, onRecordsChanged],
  );

  // Undo (Ctrl+Z): the last saved change taken back, saved with each record's current version.
  const runUndo = useCallback(async () => {
    const entry = undoStack.current.pop();
    setUndoCount(undoStack.current.size);
    if (!entry) return;
    if (entry.created) return undoCreate(entry, entry.created);
    const changes = undoRows(entry);
    try {
      if (changes.length > 1 && resource.updateRowsMutation) {
        const { data: saved } = await dataProvider.updateRows(resourceName, {
          rows: changes.map((c) => ({ id: c.id, version: Number(currentRecord(c.id)?.version), data: c.data })),
        });
        for (const record of saved) putRecord(record as Row);
      } else {
        for (const change of changes) {
          const record = currentRecord(change.id);
          const { data: saved } = await dataProvider.update(resourceName, { id: change.id, data: change.data, previousData: record, meta: { version: record?.version } });
          putRecord(saved as Row);
        }
      }
      for (const change of changes) for (const field of Object.keys(change.data)) clearDraft(change.id, field);
      notify('placewise.grid.undone', { type: 'info', messageArgs: { count: changes.length, smart_count: changes.length } });
    } catch (caught) {
      undoStack.current.restore(entry);
      setUndoCount(undoStack.current.size);
      notify(toApiError(caught).message, { type: 'error' });
    }
  }, [resource.updateRowsMutation, dataProvider, resourceName, currentRecord, putRecord, clearDraft, notify, undoCreate]);

  return { remember, undoCount, saveChangedRows, setMany, runUndo };
}
