import { displayValue, parseValue, sameValue, type GridColumn, type Parsed, type ParseMessages } from './columns';
import type { Row } from './editors';
import { parseReference, type ReferenceLookups } from './resolveReferences';

export interface PasteBlock {
  cells: string[][];
  /** Index of the first pasted row among the grid's rows, and of the first column among the visible columns. */
  rowIndex: number;
  columnIndex: number;
  /** What the texts of its reference columns name, looked up before the preview (resolveReferences). */
  references?: ReferenceLookups;
}

export interface PasteCell {
  column: GridColumn;
  text: string;
  parsed: Parsed;
  before: unknown;
  /** The value before, as the cell shows it (a reference's label). */
  beforeText?: string;
  changed: boolean;
}

export interface PasteRow {
  id: string;
  version: number;
  label: string;
  cells: PasteCell[];
  changed: boolean;
}

export interface PastePlan {
  columns: GridColumn[];
  rows: PasteRow[];
  /** Pasted rows past the last loaded row, and columns past the last visible column: left out. */
  skippedRows: number;
  skippedColumns: number;
  invalid: number;
  changedRows: PasteRow[];
}

/** Lays a pasted block over the grid from the active cell: what each cell becomes, and what cannot be used. */
export function planPaste(block: PasteBlock, records: Row[], visible: GridColumn[], nameRow: (record: Row) => string, messages: ParseMessages): PastePlan {
  const width = Math.max(...block.cells.map((r) => r.length));
  const columns = visible.slice(block.columnIndex, block.columnIndex + width);
  const skippedColumns = Math.max(0, width - columns.length);
  const targetRows = records.slice(block.rowIndex, block.rowIndex + block.cells.length);
  const skippedRows = Math.max(0, block.cells.length - targetRows.length);
  let invalid = 0;
  const rows = targetRows.map((record, r) => {
    const cells = columns.map((column, c) => {
      const text = block.cells[r][c] ?? '';
      const reference = column.kind === 'reference';
      const parsed = reference ? parseReference(column, text, block.references?.[column.key], messages) : parseValue(column, text, messages);
      const before = record[column.key];
      if (!parsed.ok) invalid++;
      return { column, text, parsed, before, beforeText: reference ? displayValue(column, record) : undefined, changed: parsed.ok ? !sameValue(parsed.value, before) : true };
    });
    return {
      id: record.id,
      version: record.version as number,
      label: nameRow(record),
      cells,
      changed: cells.some((c) => c.changed),
    };
  });
  return { columns, rows, skippedRows, skippedColumns, invalid, changedRows: rows.filter((r) => r.changed) };
}

/** The changes of one row, for update<Type>Rows. */
export function rowPatch(row: PasteRow): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const cell of row.cells) if (cell.changed && cell.parsed.ok) data[cell.column.key] = cell.parsed.value;
  return data;
}
