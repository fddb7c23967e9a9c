import { useCallback, useState } from 'react';
import { useDataProvider, useNotify } from 'react-admin';
import { toApiError } from '../providers/apiError';
import { parseValue, type GridColumn, type ParseMessages } from './columns';
import type { Row } from './editors';

/** The id of the row being added; it has no record until it is saved. */
export const NEW_ROW = 'pw-new-row';

/** Columns a new row can be typed into: fields of the create input that the grid has an editor for. */
export function creatableColumn(column: GridColumn): boolean {
  return Boolean(column.field.creatable) && !['reference', 'id', 'textList', 'datetime'].includes(column.kind);
}

interface Options {
  resourceName: string;
  columns: GridColumn[];
  messages: ParseMessages;
  enabled: boolean;
  /** Fields the create input cannot do without. */
  required: ReadonlySet<string>;
  requiredMessage: string;
  onCreated: (record: Row) => void;
}

/**
 * A row added in the grid: its cells keep what is typed, Save parses them and calls
 * create<Type> once; what the server refuses is shown on the cells (or, for a field the grid
 * does not show, above the grid) and the typed values stay.
 */
export function useNewRow({ resourceName, columns, messages, enabled, required, requiredMessage, onCreated }: Options) {
  const dataProvider = useDataProvider();
  const notify = useNotify();
  const [newRow, setNewRow] = useState<Row | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);

  const start = useCallback(() => {
    setNewRow({ id: NEW_ROW });
    setErrors({});
  }, []);
  const cancel = useCallback(() => {
    setNewRow(null);
    setErrors({});
  }, []);
  const change = useCallback((row: Row, field: string) => {
    setNewRow(row);
    setErrors((e) => {
      if (!(field in e)) return e;
      const next = { ...e };
      delete next[field];
      return next;
    });
  }, []);

  const save = useCallback(async () => {
    if (!newRow) return;
    const data: Record<string, unknown> = {};
    const found: Record<string, string> = {};
    for (const column of columns) {
      if (!creatableColumn(column) || newRow[column.key] === undefined) continue;
      const parsed = parseValue({ ...column, updatable: true }, newRow[column.key], messages);
      if (parsed.ok) data[column.key] = parsed.value;
      else found[column.key] = parsed.message;
    }
    for (const field of required) {
      if (found[field] || (data[field] !== undefined && data[field] !== null && data[field] !== '')) continue;
      if (columns.some((c) => c.key === field)) found[field] = requiredMessage;
      else found._ = [found._, `${field} ${requiredMessage}`].filter(Boolean).join('; ');
    }
    setErrors(found);
    if (Object.keys(found).length) return;
    setSaving(true);
    try {
      const { data: created } = await dataProvider.create(resourceName, { data });
      setNewRow(null);
      notify('placewise.grid.newRow.saved', { type: 'success' });
      onCreated(created as Row);
    } catch (caught) {
      const error = toApiError(caught);
      const refused: Record<string, string> = {};
      for (const f of error.fieldErrors) {
        const field = f.field.replace(/^input\./, '').split('.')[0];
        const shown = columns.some((c) => c.key === field);
        refused[shown ? field : '_'] = shown ? f.message : [refused._, `${field} ${f.message}`].filter(Boolean).join('; ');
      }
      if (!error.fieldErrors.length) refused._ = error.message;
      setErrors(refused);
    } finally {
      setSaving(false);
    }
  }, [newRow, columns, messages, required, requiredMessage, dataProvider, resourceName, notify, onCreated]);

  return { newRow, errors, saving, enabled, start, cancel, change, save };
}
