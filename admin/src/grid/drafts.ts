import { formatValue, type GridColumn } from './columns';
import type { Row } from './editors';
import type { Problem } from './ProblemsPanel';

/** What the officer typed or chose in a cell, kept until it is saved or they drop it. */
export interface Draft {
  value: unknown;
  state: 'saving' | 'error' | 'conflict';
  message?: string;
  /** For a conflict: the value someone else saved. */
  theirs?: unknown;
}

/** Row id → field → draft. */
export type Drafts = Record<string, Record<string, Draft>>;

/** Every draft not being saved, as the problems panel lists it: the row and column by name, the reason, both values of a conflict. */
export function problemsOf(
  drafts: Drafts,
  records: Row[],
  columns: GridColumn[],
  nameRow: (row: Row) => string,
  label: (column: GridColumn) => string,
  yesNo: [string, string],
): Problem[] {
  const out: Problem[] = [];
  for (const [rowId, fields] of Object.entries(drafts)) {
    const record = records.find((r) => r.id === rowId);
    for (const [field, draft] of Object.entries(fields)) {
      if (draft.state === 'saving') continue;
      const column = columns.find((c) => c.key === field);
      if (!column) continue;
      out.push({
        rowId,
        field,
        rowLabel: record ? nameRow(record) : rowId,
        columnLabel: label(column),
        kind: draft.state,
        message: draft.message ?? '',
        mine: typeof draft.value === 'string' && column.kind !== 'enum' ? draft.value : formatValue(column, draft.value, yesNo),
        theirs: formatValue(column, draft.theirs, yesNo),
      });
    }
  }
  return out;
}
